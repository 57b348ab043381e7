import '../src/module-aliases';
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DEFAULT_REQUEST_LIMITS, RequestLimits } from '@siban/config';
import { gql } from '@siban/testing';
import { startTestApp } from '../src/test/test-app';

// Prints how long another user's `{ me }` takes while heavy queries arrive, with the request
// limits on (the heavy queries are refused before they run) and off (they run). Bounded: each
// phase sends a fixed number of heavy queries and stops.
const SIX_DEEP = `{ leaders { name secretaries { username assignedLeaders { name secretaries { username assignedLeaders { name
  secretaries { username assignedLeaders { name secretaries { username } } } } } } } } }`;
const ALIASES_500 = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: scheduleRevisions(week: "2026-W48") { id }`).join(' ')} }`;
const UNLIMITED: RequestLimits = {
  maxDepth: 100,
  maxCost: 10_000_000,
  maxAliases: 10_000,
  maxBodyBytes: DEFAULT_REQUEST_LIMITS.maxBodyBytes,
};

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `n ${sorted.length}, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}

async function phase(name: string, limits: RequestLimits, heavy: string, heavyCount: number) {
  const t = await startTestApp('pglite', { config: { requestLimits: limits } });
  try {
    const admin = await t.tokenFor('admin');
    const reader = await t.tokenFor('party.sec');
    let resets = 0;
    const me = async () => {
      const start = performance.now();
      // A loop blocked past the keep-alive timeout resets the connection the client reuses.
      await gql(t.url, reader, '{ me { id displayName } }').catch(() => resets++);
      return performance.now() - start;
    };
    const idle: number[] = [];
    for (let i = 0; i < 30; i++) idle.push(await me());

    const heavyTimes: number[] = [];
    const codes = new Map<string, number>();
    let sending = true;
    // Two clients send the heavy query back to back; a third reads `{ me }` meanwhile.
    const sender = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        const code = await gql(t.url, admin, heavy).then(
          (result) => result.errors?.[0]?.extensions?.code ?? 'OK',
          (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
        );
        heavyTimes.push(performance.now() - start);
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    };
    const senders = Promise.all([sender(Math.ceil(heavyCount / 2)), sender(Math.floor(heavyCount / 2))]).finally(() => {
      sending = false;
    });
    const busy: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 20));
    while (sending) busy.push(await me());
    await senders;
    console.log(`${name}`);
    console.log(`  { me } idle:              ${stats(idle)}`);
    console.log(`  { me } during heavy load: ${stats(busy)}${resets ? `, ${resets} connection resets` : ''}`);
    console.log(`  heavy queries:            ${stats(heavyTimes)}; answers ${JSON.stringify(Object.fromEntries(codes))}`);
  } finally {
    await t.close();
  }
}

async function main() {
  console.log(`request limits benchmark (PGlite, node ${process.version})`);
  await phase('limits on, six-deep relation cycle x 200', DEFAULT_REQUEST_LIMITS, SIX_DEEP, 200);
  await phase('limits on, 500 aliases of scheduleRevisions x 200', DEFAULT_REQUEST_LIMITS, ALIASES_500, 200);
  await phase('limits off, 500 aliases of scheduleRevisions x 4', UNLIMITED, ALIASES_500, 4);
  if (process.argv.includes('--six-deep-unlimited')) {
    await phase('limits off, six-deep relation cycle x 2', UNLIMITED, SIX_DEEP, 2);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
