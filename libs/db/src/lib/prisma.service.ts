import fs from 'node:fs';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '../generated/prisma/client';
import type { DatabaseHandle } from './database-handle';
import { FULL_DISK_BYTES } from './prisma-migrate';

export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

/** A Prisma transaction client, as handed to `$transaction(async (tx) => ...)`. */
export type PrismaTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(DATABASE_HANDLE) private readonly handle: DatabaseHandle) {
    super({ adapter: handle.adapter });
  }

  async onModuleInit(): Promise<void> {
    await this.$connect();
  }

  // Runs after every module's onModuleDestroy, so the scheduler has stopped using the database.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.handle.close();
  }

  /**
   * Whether writes would succeed, cheaply. Answering is not enough: on a full disk PGlite still
   * answered SELECT, txid_current() and a one-row UPDATE while every INSERT failed ("could not
   * extend file"), and its next CHECKPOINT ended the process. So the embedded database also
   * needs free space on its folder's disk; assigning a transaction id is refused by a server that
   * takes no writes (a standby after a failover, a read-only database).
   */
  async acceptsWrites(): Promise<boolean> {
    try {
      await this.$queryRaw`SELECT txid_current()`;
    } catch {
      return false;
    }
    if (this.handle.target.kind !== 'pglite') return true;
    try {
      const disk = fs.statfsSync(this.handle.target.dataDir);
      return disk.bavail * disk.bsize >= FULL_DISK_BYTES;
    } catch {
      return false;
    }
  }
}
