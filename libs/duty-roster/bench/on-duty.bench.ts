// `npm run bench:onduty`: the latency of "who holds each post at this instant" (`seatsAt`, the
// lookup check-in and the on-duty view rest on) over a year of assignments for pools of 40, on
// PGlite, and on PostgreSQL when DATABASE_URL is set. Prints figures only.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseTarget, openDatabase, PrismaService } from '@siban/db';
import { Client } from 'pg';
import { DEFAULT_SHIFT_TEMPLATE } from '../src/lib/utils/shift-time';
import { seatsAt } from '../src/lib/operations/seats/seat-lookup';

const POOL = 40;
const YEAR = 2026;
const CALLS = 500;

async function fillYear(prisma: PrismaService): Promise<void> {
  const office = await prisma.office.create({ data: { code: 'BENCH', name: '基准办', shortName: '基准办', rotationOrder: 99 } });
  const leaders = await prisma.leader.createManyAndReturn({
    data: Array.from({ length: POOL }, (_, i) => ({
      name: `领导${i + 1}`,
      title: '测试',
      body: 'GOVERNMENT' as const,
      officeId: office.id,
      rank: 100 + i,
    })),
  });
  const users = await prisma.user.createManyAndReturn({
    data: Array.from({ length: POOL }, (_, i) => ({
      username: `bench.${i + 1}`,
      displayName: `值班员${i + 1}`,
      passwordHash: 'x',
      officeId: office.id,
      roles: [],
    })),
  });
  const template = await prisma.dutyShiftTemplate.create({ data: { ...DEFAULT_SHIFT_TEMPLATE } });
  const leaderPost = await prisma.dutyPost.create({
    data: { code: 'B_LEADER', name: '带班领导', kind: 'LEADER', templateId: template.id, position: 0 },
  });
  const officerPost = await prisma.dutyPost.create({
    data: { code: 'B_OFFICER', name: '值班员', kind: 'STAFF', templateId: template.id, position: 1 },
  });
  const leaderPeople = await prisma.dutyPerson.createManyAndReturn({
    data: leaders.map((l) => ({ kind: 'LEADER' as const, leaderId: l.id })),
  });
  const staffPeople = await prisma.dutyPerson.createManyAndReturn({ data: users.map((u) => ({ kind: 'STAFF' as const, userId: u.id })) });
  const rows = [];
  for (let month = 1; month <= 12; month++) {
    const key = `${YEAR}-${String(month).padStart(2, '0')}`;
    await prisma.dutyRosterPeriod.create({ data: { month: key } });
    const days = new Date(Date.UTC(YEAR, month, 0)).getUTCDate();
    for (let day = 1; day <= days; day++) {
      const date = `${key}-${String(day).padStart(2, '0')}`;
      const n: number = rows.length / 2;
      const common = { month: key, date, templateId: template.id };
      rows.push({ ...common, postId: leaderPost.id, kind: 'LEADER' as const, personId: leaderPeople[n % POOL].id });
      rows.push({ ...common, postId: officerPost.id, kind: 'STAFF' as const, personId: staffPeople[(n * 7) % POOL].id });
    }
  }
  await prisma.dutyAssignment.createMany({ data: rows });
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`;
}

type Kind = DatabaseTarget['kind'];

/** A new, migrated database of its own: a PGlite folder, or a database on the DATABASE_URL server. */
async function benchDatabase(kind: Kind): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siban-bench-onduty-'));
    return { target: { kind, dataDir }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `siban_bench_onduty_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  return { target: { kind, url: url.toString() }, drop: () => admin(`DROP DATABASE ${name} WITH (FORCE)`) };
}

async function measure(kind: Kind): Promise<void> {
  const database = await benchDatabase(kind);
  const handle = await openDatabase(database.target, { migrate: true });
  const prisma = new PrismaService(handle);
  try {
    await prisma.$connect();
    await fillYear(prisma);
    const start = Date.UTC(YEAR, 0, 1, 0, 30);
    // Instants spread over the year, boundaries included (08:29:59.999 and 08:30 Shanghai).
    const instants = Array.from({ length: CALLS }, (_, i) =>
      i % 10 === 0
        ? new Date(start + (1 + (i % 364)) * 86_400_000 - (i % 20 === 0 ? 1 : 0))
        : new Date(start + ((i * 7919) % 364) * 86_400_000 + ((i * 104_729) % 86_400_000)),
    );
    for (let i = 0; i < 20; i++) await seatsAt(prisma, instants[i]); // warm-up
    const times: number[] = [];
    for (const at of instants) {
      const t0 = performance.now();
      const seats = await seatsAt(prisma, at);
      times.push(performance.now() - t0);
      if (seats.length !== 2) throw new Error(`expected 2 seats at ${at.toISOString()}, got ${seats.length}`);
    }
    console.log(
      `${kind.padEnd(8)} seatsAt over ${await prisma.dutyAssignment.count()} assignments (pools of ${POOL}), ${CALLS} calls: ${stats(times)}`,
    );
  } finally {
    await prisma.$disconnect();
    await handle.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const kinds: Kind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  console.log(`on-duty lookup benchmark (node ${process.version})`);
  for (const kind of kinds) await measure(kind);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
