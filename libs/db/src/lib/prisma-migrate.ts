import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from './migration-adapter';

const DONE_LINES = /All migrations have been successfully applied|No pending migrations to apply/;

export interface MigrateResult {
  output: string;
  ms: number;
}

export class MigrateError extends Error {
  constructor(
    readonly output: string,
    message: string,
  ) {
    super(message);
    this.name = 'MigrateError';
  }
}

// Lines the CLI prints on every run, failed or not: they never explain a failure.
const CHATTER =
  /^(Loaded Prisma config|Prisma config detected|Prisma schema loaded|Datasource|\d+ migrations? found|Environment variables loaded)/;

/** Below this much free space a failed Migrate on the embedded folder is told as a full disk. */
export const FULL_DISK_BYTES = 64 * 1024 * 1024;

/**
 * One line for a failed `migrate deploy`. The WASM engine reports a write that failed for lack
 * of space as "Error: undefined", so on the embedded folder the free space decides what to say.
 */
export function migrateFailureMessage(output: string, where: string, freeBytes?: number): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !CHATTER.test(line));
  const reason = lines.join(' | ').replace(/^Error: undefined$/, '');
  if (freeBytes !== undefined && freeBytes < FULL_DISK_BYTES) {
    return `Prisma Migrate could not write the embedded database in ${where}: the disk is full (${(freeBytes / 1024 / 1024).toFixed(1)} MB free)`;
  }
  return `Prisma Migrate failed on ${where}: ${reason || 'it gave no reason (run npm run db:migrate to see its output)'}`;
}

function freeBytes(dir: string): number | undefined {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/** Where Migrate ran, without credentials: the data folder, or the server's host and database. */
function migrateTarget(env: NodeJS.ProcessEnv, cwd: string): { where: string; dataDir?: string } {
  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(cwd, env.DATA_DIR || DEFAULT_DATA_DIR);
    return { where: dataDir, dataDir };
  }
  try {
    const url = new URL(env.DATABASE_URL);
    return { where: `PostgreSQL ${url.host}${url.pathname}` };
  } catch {
    return { where: 'PostgreSQL' };
  }
}

/**
 * Applies pending migrations with Prisma's own Migrate (`prisma migrate deploy`, WASM engine via
 * prisma.config.ts). The CLI lingers ~10 s after its work (the WASM engine's and pg's idle
 * timers), so once it prints its final line it is asked to stop; the Migrate adapter closes
 * PGlite cleanly on that signal.
 */
export function runMigrateDeploy(env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<MigrateResult> {
  const started = Date.now();
  const cli = require.resolve('prisma/build/index.js', { paths: [cwd] });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd,
      env: { ...env, PRISMA_HIDE_UPDATE_MESSAGE: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let done = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!done && DONE_LINES.test(output)) {
        done = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (done || code === 0) resolve({ output, ms: Date.now() - started });
      else {
        const { where, dataDir } = migrateTarget(env, cwd);
        reject(new MigrateError(output, migrateFailureMessage(output, where, dataDir ? freeBytes(dataDir) : undefined)));
      }
    });
  });
}
