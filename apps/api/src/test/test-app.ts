import { INestApplication } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { AppConfig } from '@siban/config';
import { DatabaseTarget, PrismaService } from '@siban/db';
import { HALF_DAY_BOUNDS } from '@siban/district-time';
import { DEMO_PASSWORD } from '@siban/organization';
import { createTestDatabase, DatabaseKind, login, TestDatabase } from '@siban/testing';
import { startService } from '../app/bootstrap';

export interface TestApp {
  url: string;
  app: INestApplication;
  prisma: PrismaService;
  database: TestDatabase;
  /** A token for a demo account (cached per app). */
  tokenFor(username: string): Promise<string>;
  /** Stops the service; the database stays (for a restart) until `drop`. */
  stop(): Promise<void>;
  /** Stops the service and drops its database. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  redisUrl?: string;
  redisPrefix?: string;
  /** Start on this database (a restart, or a second instance) instead of a new one. */
  database?: TestDatabase;
  runJobWorkers?: boolean;
}

export function testConfig(target: DatabaseTarget, redisUrl?: string): AppConfig {
  return {
    nodeEnv: 'test',
    host: '127.0.0.1',
    port: 0,
    database: target,
    redisUrl,
    jwtSecret: 'siban-test-secret-that-is-long-enough-0123456789',
    jwtTtlSeconds: 3600,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    schedulerPollSeconds: 0.5,
    shutdownGraceMs: 5000,
    seedDemo: true,
    districtName: '清河区',
    halfDayBounds: HALF_DAY_BOUNDS,
  };
}

/** The whole service on a real database, listening on a free port of 127.0.0.1. */
export async function startTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase(kind));
  const service = await startService(testConfig(database.target, options.redisUrl), {
    migrate: false,
    clock: options.clock,
    redisPrefix: options.redisPrefix,
    runJobWorkers: options.runJobWorkers,
  });
  const tokens = new Map<string, string>();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await service.stop();
  };
  return {
    url: service.url,
    app: service.app,
    prisma: service.app.get(PrismaService),
    database,
    async tokenFor(username: string) {
      let token = tokens.get(username);
      if (!token) {
        token = await login(service.url, username, DEMO_PASSWORD);
        tokens.set(username, token);
      }
      return token;
    },
    stop,
    async close() {
      await stop();
      await database.drop();
    },
  };
}
