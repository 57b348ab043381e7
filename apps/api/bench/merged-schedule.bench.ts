import '../src/module-aliases';
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { countQueries, openDatabase, PrismaService, QueryCounter } from '@siban/db';
import type { DatabaseKind } from '@siban/testing';
import { createTestDatabase, gqlOk, login } from '@siban/testing';
import { ScheduleService } from '@siban/weekly-plans';
import { createApp } from '../src/app/bootstrap';
import { seedDistrict } from '../src/app/district-seed';
import { testConfig } from '../src/test/test-app';
import { DEMO_PASSWORD } from '@siban/organization';
import { PasswordHasher } from '@siban/identity';

// Prints how long mergedSchedule takes for a week of N leaders x 15 entries, and how many SQL
// statements it sends, at two sizes: the count must not grow with the number of leaders.
const WEEK = '2026-W48';
const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
const SLOTS = ['MORNING', 'AFTERNOON', 'EVENING'] as const;
const RUNS = 20;

async function fillWeek(prisma: PrismaService, leaders: number, entriesEach: number) {
  const party = await prisma.office.findUniqueOrThrow({ where: { code: 'PARTY' } });
  const created = await prisma.leader.createManyAndReturn({
    data: Array.from({ length: leaders }, (_, i) => ({
      name: `测试领导${i + 1}`,
      title: `区委常委（测试）${i + 1}`,
      body: 'STANDING_COMMITTEE' as const,
      officeId: party.id,
      rank: 100 + i,
    })),
  });
  for (const leader of created) {
    const plan = await prisma.weeklyPlan.create({
      data: { leaderId: leader.id, week: WEEK, status: 'SUBMITTED', submittedAt: new Date() },
    });
    await prisma.planEntry.createMany({
      data: Array.from({ length: entriesEach }, (_, j) => ({
        planId: plan.id,
        week: WEEK,
        leaderId: leader.id,
        date: DAYS[j % 7],
        slot: SLOTS[Math.floor(j / 7) % 3],
        kind: 'MEETING' as const,
        title: `会议 ${leader.name}-${j + 1}`,
        place: `会议室${(j % 9) + 1}`,
        leadOfficeCode: 'PARTY',
        attendeeLeaderIds: [],
        confidentiality: j % 5 === 0 ? ('RESTRICTED' as const) : ('OPEN' as const),
        position: j,
      })),
    });
  }
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `min ${sorted[0].toFixed(1)} ms, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
}

async function measure(kind: DatabaseKind, leaders: number, entriesEach: number) {
  const database = await createTestDatabase(kind);
  const handle = await openDatabase(database.target);
  const counter: QueryCounter = { count: 0 };
  const config = testConfig(database.target);
  const app = await createApp({ config, database: { ...handle, adapter: countQueries(handle.adapter, counter) }, runJobWorkers: false });
  try {
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const prisma = app.get(PrismaService);
    const hasher = app.get(PasswordHasher);
    await seedDistrict(prisma, (p) => hasher.hash(p), { demo: true });
    await fillWeek(prisma, leaders, entriesEach);
    const schedule = app.get(ScheduleService);
    const viewer = { roles: ['COORDINATOR'], officeCode: 'PARTY', leaderId: null };

    await schedule.mergedSchedule(WEEK, viewer);
    const serviceTimes: number[] = [];
    let serviceQueries = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = counter.count;
      const start = performance.now();
      const merged = await schedule.mergedSchedule(WEEK, viewer);
      serviceTimes.push(performance.now() - start);
      serviceQueries = counter.count - before;
      if (merged.events.length !== leaders * entriesEach)
        throw new Error(`expected ${leaders * entriesEach} events, got ${merged.events.length}`);
    }

    const token = await login(url, 'party.coord', DEMO_PASSWORD);
    const query = `{ mergedSchedule(week: "${WEEK}") { events { id leaders { name } entry { title place busy leader { name } attendees { name } } } days { slots { events { id } } } conflicts { key } } }`;
    await gqlOk(url, token, query);
    const httpTimes: number[] = [];
    let httpQueries = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = counter.count;
      const start = performance.now();
      await gqlOk(url, token, query);
      httpTimes.push(performance.now() - start);
      httpQueries = counter.count - before;
    }
    console.log(
      `${kind.padEnd(8)} ${String(leaders).padStart(3)} leaders x ${entriesEach} entries = ${leaders * entriesEach} entries | ` +
        `service: ${stats(serviceTimes)}, ${serviceQueries} SQL statements | ` +
        `GraphQL over HTTP: ${stats(httpTimes)}, ${httpQueries} SQL statements`,
    );
  } finally {
    await app.close();
    await database.drop();
  }
}

async function main() {
  const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  console.log(`mergedSchedule benchmark, ${RUNS} runs each (node ${process.version})`);
  for (const kind of kinds) {
    await measure(kind, 30, 15);
    await measure(kind, 60, 15);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
