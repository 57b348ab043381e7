import fs from 'node:fs';
import path from 'node:path';

// PGlite writes no lock of its own, and two processes on one folder silently lose data
// (shared/notes/pgboss-pglite.md), so the service owns its folder through this file.
export const LOCK_FILE_NAME = 'siban.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Siban process (pid ${holderPid}); stop it first or set DATA_DIR to another folder.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly dataDir: string;
  release(): void;
}

export function lockFilePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), LOCK_FILE_NAME);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid that holds the folder, or undefined when it is free (no lock or a stale one). */
export function lockHolder(dataDir: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockFilePath(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/**
 * Takes the folder for this process. The lock file is created with O_EXCL, so of two starts
 * racing for a free folder exactly one wins; a lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = lockFilePath(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        dataDir: dir,
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(dir);
      if (holder !== undefined) throw new DataDirLockedError(dir, holder);
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(dir, lockHolder(dir) ?? -1);
}
