import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '../generated/prisma/client';
import type { DatabaseHandle } from './database-handle';

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

  async isReachable(): Promise<boolean> {
    try {
      await this.$queryRaw`SELECT 1`;
      return true;
    } catch {
      return false;
    }
  }
}
