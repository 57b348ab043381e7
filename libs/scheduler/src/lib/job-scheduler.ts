import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { DATABASE_HANDLE, DatabaseHandle, PrismaTx } from '@siban/db';
import PgBoss from 'pg-boss';
import { keyedJobId } from './keyed-job-id';
import { pgliteBossDb } from './pglite-boss-db';

export const SCHEDULER_OPTIONS = Symbol('SCHEDULER_OPTIONS');

export interface SchedulerOptions {
  pollSeconds: number;
  /** Off in tests that only need to enqueue, and in instances that should not run jobs. */
  runWorkers?: boolean;
}

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

export interface ScheduleOptions {
  runAt?: Date;
  /**
   * One job per key and queue: the job's id is derived from both (`keyedJobId`), so while a job
   * for the key is in pg-boss's job table (queued, running, retrying, or finished and not yet
   * archived: 12 h by default) scheduling it again inserts nothing and returns null, without an
   * error that would abort the caller's transaction. The kept job keeps its own data and `runAt`.
   * Once that job is archived, or if its transaction rolled back, the key can be scheduled again.
   * (pg-boss's own `singletonKey` does nothing on our 'standard' queues; docs/pg-boss-on-pglite.md.)
   */
  singletonKey?: string;
  /** Enqueue inside this Prisma transaction, so the job exists if and only if it commits. */
  tx?: PrismaTx;
  retryLimit?: number;
}

const SCHEMA = 'pgboss';
const DEADLOCK_DETECTED = '40P01';

/**
 * Durable jobs for every deadline, reminder and escalation: pg-boss on the service's own database,
 * natively on PostgreSQL and through a custom executor on PGlite. A job survives restarts and is
 * handed to one worker even with several instances (SKIP LOCKED). Handlers must be idempotent:
 * a job whose handler failed is retried.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly startTasks: (() => Promise<void>)[] = [];
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    @Inject(DATABASE_HANDLE) private readonly database: DatabaseHandle,
    @Inject(SCHEDULER_OPTIONS) private readonly options: SchedulerOptions,
    private readonly clock: Clock,
  ) {
    const common = { schema: SCHEMA, supervise: true, schedule: false, migrate: true } as const;
    this.boss = database.pglite
      ? new PgBoss({ ...common, db: pgliteBossDb(database.pglite) })
      : new PgBoss({
          ...common,
          connectionString: (database.target as { url: string }).url,
          max: 4,
          application_name: 'siban-scheduler',
        });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'scheduler error'));
  }

  /** Domain services register their handlers while modules initialise. */
  register<T>(name: string, handler: JobHandler<T>): void {
    if (this.started) throw new Error(`Job handler ${name} registered after the scheduler started`);
    if (this.handlers.has(name)) throw new Error(`Job handler ${name} registered twice`);
    this.handlers.set(name, handler as JobHandler<never>);
  }

  /**
   * Work to do once the scheduler runs (e.g. planning the next reminders). Registered while
   * modules initialise, so it never depends on the order Nest bootstraps modules in.
   */
  afterStart(task: () => Promise<void>): void {
    this.startTasks.push(task);
  }

  /** The new job's id, or null when `singletonKey` already has a job (see `ScheduleOptions`). */
  async schedule<T extends object>(name: string, data: T, options: ScheduleOptions = {}): Promise<string | null> {
    if (!this.handlers.has(name)) throw new Error(`No handler for job ${name}`);
    const sendOptions: PgBoss.SendOptions = {
      id: options.singletonKey === undefined ? undefined : keyedJobId(name, options.singletonKey),
      startAfter: options.runAt ? this.realInstant(options.runAt) : undefined,
      // Stored for whoever reads the job table; pg-boss enforces nothing with it here.
      singletonKey: options.singletonKey,
      retryLimit: options.retryLimit ?? 5,
      retryBackoff: true,
      db: options.tx ? transactionDb(options.tx) : undefined,
    };
    return this.boss.send(name, data, sendOptions);
  }

  // `runAt` is in the application's time (the Clock); pg-boss waits on the database's. They are
  // the same in production; a test clock set elsewhere keeps the delay it asked for.
  private realInstant(runAt: Date): Date {
    return new Date(Date.now() + (runAt.getTime() - this.clock.now().getTime()));
  }

  /** A cancelled keyed job still holds its key until it is archived (`ScheduleOptions`). */
  async cancel(name: string, jobId: string): Promise<void> {
    await this.boss.cancel(name, jobId);
  }

  /**
   * Jobs of `name` that are due, running or waiting for a retry: none once every job that was due
   * has finished, so whatever those jobs write and publish is done (tests wait on this, not on time).
   * Jobs planned for later do not count.
   */
  async unfinishedJobs(name: string): Promise<number> {
    const { rows } = await this.boss
      .getDb()
      .executeSql(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.job WHERE name = $1 AND (state IN ('retry', 'active') OR (state = 'created' AND start_after <= now()))`,
        [name],
      );
    return (rows[0] as { n: number }).n;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const name of this.handlers.keys()) await this.createQueue(name);
    for (const task of this.startTasks) await task();
    if (this.options.runWorkers === false) return;
    for (const [name, handler] of this.handlers) {
      await this.boss.work<object>(name, { pollingIntervalSeconds: this.options.pollSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never, { id: job.id, name: job.name });
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    // Waits for running handlers, and closes pg-boss's own pool; a custom `db` is ours to close.
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000, close: true });
  }

  // Creating the same queue from several instances at once can deadlock on PostgreSQL
  // (docs/pg-boss-on-pglite.md); once it exists the call is a no-op, so retrying is safe.
  private async createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss.createQueue(name, { name, policy: 'standard' });
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }
}

function transactionDb(tx: PrismaTx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values);
      return { rows };
    },
  };
}
