import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '@siban/clock';
import { DatabaseHandle, DatabaseTarget, openDatabase, PrismaService } from '@siban/db';
import pg from 'pg';
import { JobScheduler } from './job-scheduler';

interface JobRow {
  id: string;
  state: string;
  start_after: Date;
  singleton_key: string | null;
  data: { n: number };
}

const QUEUES = ['rolled-back', 'committed', 'deduplicated', 'in-tx', 'tx-duplicate', 'concurrent', 'tx-race', 'legacy', 'once', 'later'];

interface OwnDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

// A database of its own, empty: pg-boss installs its schema on it, Prisma only runs transactions
// and raw queries. @siban/testing's templates cannot be used here (that lib depends on this one).
async function ownDatabase(kind: DatabaseTarget['kind']): Promise<OwnDatabase> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siban-scheduler-'));
    return { target: { kind, dataDir: path.join(dir, 'db') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const baseUrl = process.env.DATABASE_URL as string;
  const name = `siban_sched_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { target: { kind, url: url.toString() }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const kinds: DatabaseTarget['kind'][] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

// The scheduler on a real database in this process (no Nest): PGlite always, PostgreSQL when
// DATABASE_URL is set. Prisma shares the database for the transactional cases.
describe.each(kinds)('JobScheduler on %s', (kind) => {
  const clock = new ManualClock('2030-03-04T01:00:00Z');
  const ran: { name: string; data: unknown; at: number }[] = [];
  let own: OwnDatabase;
  let database: DatabaseHandle;
  let prisma: PrismaService;
  let scheduler: JobScheduler;

  const jobs = async (name: string) =>
    prisma.$queryRawUnsafe<JobRow[]>(
      'SELECT id, state, start_after, singleton_key, data FROM pgboss.job WHERE name = $1 ORDER BY created_on, id',
      name,
    );
  const inAnHour = () => new Date(clock.now().getTime() + 3600_000);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const waitFor = async (done: () => Promise<boolean>) => {
    for (let waited = 0; !(await done()); waited += 100) {
      if (waited > 20_000) throw new Error('timed out');
      await sleep(100);
    }
  };

  beforeAll(async () => {
    own = await ownDatabase(kind);
    database = await openDatabase(own.target);
    prisma = new PrismaService(database);
    await prisma.onModuleInit();
    scheduler = new JobScheduler(database, { pollSeconds: 0.5 }, clock);
    for (const name of QUEUES) {
      scheduler.register<{ n: number }>(name, async (data) => {
        ran.push({ name, data, at: Date.now() });
      });
    }
    await scheduler.onApplicationBootstrap();
  }, 60_000);

  afterAll(async () => {
    await scheduler?.onModuleDestroy();
    await prisma?.onApplicationShutdown();
    await own?.drop();
  });

  it('enqueues a job with its transaction: none when the transaction rolls back, one when it commits', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await scheduler.schedule('rolled-back', { n: 1 }, { tx, runAt: inAnHour() });
        throw new Error('the caller gives up');
      }),
    ).rejects.toThrow('the caller gives up');
    expect(await jobs('rolled-back')).toEqual([]);

    await prisma.$transaction(async (tx) => {
      await scheduler.schedule('committed', { n: 2 }, { tx, runAt: inAnHour() });
    });
    expect(await jobs('committed')).toHaveLength(1);
  });

  it('keeps one job per singletonKey, and one per key for different keys', async () => {
    const runAt = inAnHour();
    const first = await scheduler.schedule('deduplicated', { n: 1 }, { singletonKey: 'week-2030-W10', runAt });
    const second = await scheduler.schedule('deduplicated', { n: 2 }, { singletonKey: 'week-2030-W10', runAt });
    const other = await scheduler.schedule('deduplicated', { n: 3 }, { singletonKey: 'week-2030-W11', runAt });
    const unkeyed = [
      await scheduler.schedule('deduplicated', { n: 4 }, { runAt }),
      await scheduler.schedule('deduplicated', { n: 5 }, { runAt }),
    ];
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
    expect(unkeyed).toEqual([expect.any(String), expect.any(String)]);
    const rows = await jobs('deduplicated');
    // The first job is kept as it was: a duplicate changes nothing.
    expect(rows.map((row) => [row.singleton_key, row.data.n])).toEqual([
      ['week-2030-W10', 1],
      ['week-2030-W11', 3],
      [null, 4],
      [null, 5],
    ]);
  });

  it('keeps one job for a key scheduled twice in one transaction, and commits it', async () => {
    const ids = await prisma.$transaction(async (tx) => [
      await scheduler.schedule('in-tx', { n: 1 }, { tx, singletonKey: 'notice-1', runAt: inAnHour() }),
      await scheduler.schedule('in-tx', { n: 2 }, { tx, singletonKey: 'notice-1', runAt: inAnHour() }),
    ]);
    expect(ids).toEqual([expect.any(String), null]);
    expect((await jobs('in-tx')).map((row) => row.data.n)).toEqual([1]);
  });

  it('ignores a duplicate inside a transaction without aborting it, and frees a key whose transaction rolled back', async () => {
    await scheduler.schedule('tx-duplicate', { n: 1 }, { singletonKey: 'key-a', runAt: inAnHour() });
    const result = await prisma.$transaction(async (tx) => {
      const duplicate = await scheduler.schedule('tx-duplicate', { n: 2 }, { tx, singletonKey: 'key-a', runAt: inAnHour() });
      // On PostgreSQL an error inside the transaction would fail every later statement here.
      const other = await scheduler.schedule('tx-duplicate', { n: 3 }, { tx, singletonKey: 'key-b', runAt: inAnHour() });
      const [{ one }] = await tx.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one');
      return { duplicate, other, one };
    });
    expect(result).toEqual({ duplicate: null, other: expect.any(String), one: 1 });

    await expect(
      prisma.$transaction(async (tx) => {
        await scheduler.schedule('tx-duplicate', { n: 4 }, { tx, singletonKey: 'key-c', runAt: inAnHour() });
        throw new Error('the caller gives up');
      }),
    ).rejects.toThrow('the caller gives up');
    expect(await scheduler.schedule('tx-duplicate', { n: 5 }, { singletonKey: 'key-c', runAt: inAnHour() })).toEqual(expect.any(String));
    expect((await jobs('tx-duplicate')).map((row) => [row.singleton_key, row.data.n])).toEqual([
      ['key-a', 1],
      ['key-b', 3],
      ['key-c', 5],
    ]);
  });

  it('keeps one job when the same key is scheduled many times at once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 10 }, (_, n) => scheduler.schedule('concurrent', { n }, { singletonKey: 'burst', runAt: inAnHour() })),
    );
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
    expect(await jobs('concurrent')).toHaveLength(1);
  });

  // Two open transactions on two connections: the second insert waits for the first transaction,
  // then is ignored if it committed, or inserted if it rolled back; neither transaction fails.
  (kind === 'postgres' ? it : it.skip)(
    'decides between two transactions on two connections',
    async () => {
      const race = async (firstCommits: boolean, key: string) => {
        let firstScheduled!: () => void;
        const scheduled = new Promise<void>((resolve) => (firstScheduled = resolve));
        const first = prisma
          .$transaction(async (tx) => {
            const id = await scheduler.schedule('tx-race', { n: 1 }, { tx, singletonKey: key, runAt: inAnHour() });
            firstScheduled();
            await sleep(300);
            if (!firstCommits) throw new Error('rolled back');
            return id;
          })
          .catch((error: Error) => error.message);
        const second = scheduled.then(() =>
          prisma.$transaction(async (tx) => {
            const id = await scheduler.schedule('tx-race', { n: 2 }, { tx, singletonKey: key, runAt: inAnHour() });
            const [{ one }] = await tx.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one');
            return { id, one };
          }),
        );
        return Promise.all([first, second]);
      };

      expect(await race(true, 'committed-first')).toEqual([expect.any(String), { id: null, one: 1 }]);
      expect(await race(false, 'rolled-back-first')).toEqual(['rolled back', { id: expect.any(String), one: 1 }]);
      expect((await jobs('tx-race')).map((row) => [row.singleton_key, row.data.n])).toEqual([
        ['committed-first', 1],
        ['rolled-back-first', 2],
      ]);
    },
    20_000,
  );

  // A job queued before keyed ids (by the previous code, on the same 'standard' queue) is not
  // recognised: one more job for its key, and de-duplication from then on.
  it('adds one job for a key queued by the previous code, then de-duplicates', async () => {
    await prisma.$executeRawUnsafe(
      `INSERT INTO pgboss.job (name, data, singleton_key, start_after, policy) VALUES ('legacy', '{"n":0}', 'old', now() + interval '1 hour', 'standard')`,
    );
    expect(await scheduler.schedule('legacy', { n: 1 }, { singletonKey: 'old', runAt: inAnHour() })).toEqual(expect.any(String));
    expect(await scheduler.schedule('legacy', { n: 2 }, { singletonKey: 'old', runAt: inAnHour() })).toBeNull();
    expect((await jobs('legacy')).map((row) => row.data.n)).toEqual([0, 1]);
  });

  it('runs a keyed job once, and ignores its key while the finished job is kept', async () => {
    expect(await scheduler.schedule('once', { n: 1 }, { singletonKey: 'reminder' })).toEqual(expect.any(String));
    await waitFor(async () => (await jobs('once'))[0]?.state === 'completed');
    expect(await scheduler.schedule('once', { n: 2 }, { singletonKey: 'reminder' })).toBeNull();
    expect((await jobs('once')).map((row) => [row.state, row.data.n])).toEqual([['completed', 1]]);
    expect(ran.filter((job) => job.name === 'once').map((job) => job.data)).toEqual([{ n: 1 }]);
  }, 30_000);

  it('runs a job for a later instant of the clock no earlier than that instant', async () => {
    // The clock is years away from the real time: the delay it asks for is what counts.
    const scheduledAt = Date.now();
    await scheduler.schedule('later', { n: 7 }, { runAt: new Date(clock.now().getTime() + 2000) });
    const [row] = await jobs('later');
    expect(row.state).toBe('created');
    expect(row.start_after.getTime()).toBeGreaterThanOrEqual(scheduledAt + 2000 - 50);
    expect(row.start_after.getTime()).toBeLessThan(scheduledAt + 2000 + 1000);

    await waitFor(async () => ran.some((job) => job.name === 'later'));
    const job = ran.find((entry) => entry.name === 'later');
    expect(job?.data).toEqual({ n: 7 });
    expect(job?.at).toBeGreaterThanOrEqual(row.start_after.getTime());
    // Nothing scheduled for an hour from the clock's now has run.
    expect(ran.map((entry) => entry.name)).toEqual(['once', 'later']);
  }, 30_000);
});
