import { spawn } from 'node:child_process';

const DONE_LINES = /All migrations have been successfully applied|No pending migrations to apply/;

export interface MigrateResult {
  output: string;
  ms: number;
}

export class MigrateError extends Error {
  constructor(readonly output: string) {
    super(`Prisma Migrate failed: ${output.trim().split('\n').slice(-3).join(' | ')}`);
    this.name = 'MigrateError';
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
      else reject(new MigrateError(output));
    });
  });
}
