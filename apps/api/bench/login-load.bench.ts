import '../src/module-aliases';
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { verify as nativeVerify } from '@node-rs/bcrypt';
import { PasswordHasher } from '@siban/identity';
import { DEMO_PASSWORD } from '@siban/organization';
import { gqlOk, login } from '@siban/testing';
import bcryptjs from 'bcryptjs';
import { startTestApp } from '../src/test/test-app';

// Prints how long another user's `{ me }` takes while 50 sign-ins are hashed at once, for three
// ways of checking passwords: bcryptjs on the event loop (as before), the native bcrypt on libuv's
// pool with no limit, and the native bcrypt at most one hash per core but one (as shipped).
// `npm run bench:login`: PGlite, and PostgreSQL too with DATABASE_URL.
const LOGINS = 50;
const SAMPLES = 40;

type Verify = (password: string, hash: string | undefined) => Promise<boolean>;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`;
}

/** `{ me }` one after another, `count` times or while `busy()` says so. */
async function meLatencies(url: string, token: string, more: (samples: number) => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (more(samples.length)) {
    const started = performance.now();
    await gqlOk(url, token, '{ me { id displayName } }');
    samples.push(performance.now() - started);
  }
  return samples;
}

async function measure(kind: 'pglite' | 'postgres') {
  // One address signs in 50 times at once here: lift the sign-in limits.
  const limits = { ratePerMinute: 10_000, freeAttempts: 100, accountLockThreshold: 1000, accountLockMinutes: 1 };
  const t = await startTestApp(kind, { runJobWorkers: false, config: { login: limits } });
  try {
    const hasher = t.app.get(PasswordHasher);
    const shipped = hasher.verify.bind(hasher);
    const variants: [string, Verify][] = [
      ['bcryptjs on the event loop (before)', (password, hash) => bcryptjs.compare(password, hash ?? '')],
      ['native bcrypt, no limit', (password, hash) => nativeVerify(password, hash ?? '')],
      ['native bcrypt, one hash per core but one (shipped)', shipped],
    ];
    const token = await login(t.url, 'party.sec', DEMO_PASSWORD);
    await meLatencies(t.url, token, (n) => n < SAMPLES);
    console.log(`${kind}: { me } alone: ${stats(await meLatencies(t.url, token, (n) => n < SAMPLES))}`);
    for (const [name, verify] of variants) {
      hasher.verify = verify;
      let done = false;
      const started = performance.now();
      const logins = Promise.all(Array.from({ length: LOGINS }, () => login(t.url, 'admin', DEMO_PASSWORD))).finally(() => {
        done = true;
      });
      const samples = await meLatencies(t.url, token, (n) => n === 0 || !done);
      await logins;
      const loginMs = performance.now() - started;
      console.log(
        `${kind}: { me } during ${LOGINS} concurrent sign-ins, ${name}: ${stats(samples)}; the sign-ins took ${loginMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await t.close();
  }
}

async function main() {
  await measure('pglite');
  if (process.env.DATABASE_URL) await measure('postgres');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
