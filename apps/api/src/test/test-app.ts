import { INestApplication } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { AppConfig, DEFAULT_REQUEST_LIMITS } from '@siban/config';
import { DatabaseTarget, PrismaService } from '@siban/db';
import { DEMO_PASSWORD } from '@siban/organization';
import { EventBus } from '@siban/pubsub';
import { JobScheduler } from '@siban/scheduler';
import { createTestDatabase, DatabaseKind, login, ScenarioApp, SubscriptionServer, TestDatabase, waitFor } from '@siban/testing';
import { startService } from '../app/bootstrap';

export interface TestApp extends SubscriptionServer, ScenarioApp {
  url: string;
  app: INestApplication;
  prisma: PrismaService;
  database: TestDatabase;
  /** The service's event bus: tests publish markers on it (see `Subscription.nothingBefore`). */
  bus: EventBus;
  /** A token for a demo account (cached per app). */
  tokenFor(username: string): Promise<string>;
  /** Waits until every due job of these queues has finished (so all they write and publish is done). */
  jobsFinished(...names: string[]): Promise<void>;
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
  /** Settings that differ from `testConfig` (request or sign-in limits, a trusted proxy). */
  config?: Partial<AppConfig>;
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
    requestLimits: DEFAULT_REQUEST_LIMITS,
    graphiql: target.kind === 'pglite',
    trustProxy: false,
    // Suites sign in often from one address (and some stop the clock): the address's rate is
    // lifted here; login-lockout.spec.ts tests the real limits.
    login: { ratePerMinute: 10_000, freeAttempts: 5, accountLockThreshold: 50, accountLockMinutes: 60 },
    schedulePaper: 'A4',
  };
}

/** The whole service on a real database, listening on a free port of 127.0.0.1. */
export async function startTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase(kind));
  const service = await startService(
    { ...testConfig(database.target, options.redisUrl), ...options.config },
    {
      migrate: false,
      clock: options.clock,
      redisPrefix: options.redisPrefix,
      runJobWorkers: options.runJobWorkers,
    },
  );
  const tokens = new Map<string, string>();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await service.stop();
  };
  const bus = service.app.get(EventBus);
  const scheduler = service.app.get(JobScheduler);
  return {
    url: service.url,
    app: service.app,
    prisma: service.app.get(PrismaService),
    database,
    bus,
    password: DEMO_PASSWORD,
    listeningCount: () => bus.listeningCount,
    listened: (count) => bus.listened(count),
    async jobsFinished(...names) {
      await waitFor(`the ${names.join(', ')} jobs to finish`, async () => {
        for (const name of names) if ((await scheduler.unfinishedJobs(name)) > 0) return undefined;
        return true;
      });
    },
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
