// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the addon ships no types; this declares them for every build that compiles this file
/// <reference path="./fs-native-extensions.d.ts" />
import fs from 'node:fs';
import path from 'node:path';
import { tryLock } from 'fs-native-extensions';

// PGlite writes no lock of its own, and two processes on one folder silently lose data
// (docs/embedded-database.md), so the service owns its folder through an advisory lock on this
// file (an open-file-description lock on Linux, flock elsewhere). The kernel drops the lock when
// the process dies, however it dies, so a lock is never stale and a repeated pid (a restarted
// container) means nothing: the pid written in the file only names the holder in messages.
export const LOCK_FILE_NAME = 'siban.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | undefined,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Siban process (${holderPid ? `pid ${holderPid}` : 'pid unknown'}); stop it first or set DATA_DIR to another folder.`,
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

function writtenPid(fd: number): number | undefined {
  const pid = Number.parseInt(fs.readFileSync(fd, 'utf8'), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * The pid of the live process that holds the folder, or undefined when it is free. A held lock
 * whose file names no pid (a holder still writing it) reports 0.
 */
export function lockHolder(dataDir: string): number | undefined {
  let fd: number;
  try {
    fd = fs.openSync(lockFilePath(dataDir), 'r');
  } catch {
    return undefined;
  }
  try {
    // Taking the lock for a moment is the only reliable question; a shared lock is enough.
    if (tryLock(fd, { shared: true })) return undefined;
    return writtenPid(fd) ?? 0;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Takes the folder for this process, or throws DataDirLockedError naming the live holder. The
 * lock file stays in the folder (removing it would let a starter that opened the old file and a
 * starter that made a new one both win); only the lock itself comes and goes.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(lockFilePath(dir), fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  if (!tryLock(fd)) {
    const holder = writtenPid(fd);
    fs.closeSync(fd);
    throw new DataDirLockedError(dir, holder);
  }
  try {
    fs.ftruncateSync(fd, 0);
    fs.writeSync(fd, String(process.pid), 0);
  } catch (error) {
    fs.closeSync(fd);
    // A failed write (a full disk) names no file by itself.
    throw Object.assign(error as Error, { path: lockFilePath(dir) });
  }
  let released = false;
  return {
    dataDir: dir,
    release() {
      if (released) return;
      released = true;
      fs.ftruncateSync(fd, 0);
      // Closing the only descriptor of the file description drops the lock.
      fs.closeSync(fd);
    },
  };
}
