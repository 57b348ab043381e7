import { DynamicModule, Global, Module } from '@nestjs/common';
import type { DatabaseHandle } from './database-handle';
import { DATABASE_HANDLE, PrismaService } from './prisma.service';

/**
 * The database is opened before Nest starts (main.ts or the test harness): the data-folder
 * lock, Migrate and PGlite's start must succeed or fail before anything listens.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forHandle(handle: DatabaseHandle): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_HANDLE, useValue: handle }, PrismaService],
      exports: [DATABASE_HANDLE, PrismaService],
    };
  }
}
