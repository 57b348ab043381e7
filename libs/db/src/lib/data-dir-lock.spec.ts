import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataDirLock, DataDirLockedError, lockFilePath, lockHolder } from './data-dir-lock';

describe('the data folder lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siban-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets one owner in and refuses the next with a message naming the holder', () => {
    const lock = acquireDataDirLock(dir);
    expect(lockHolder(dir)).toBe(process.pid);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(`in use by another Siban process (pid ${process.pid})`);
    lock.release();
    expect(fs.existsSync(lockFilePath(dir))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(lockFilePath(dir), dead);
    expect(lockHolder(dir)).toBeUndefined();
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFilePath(dir), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('creates a missing folder', () => {
    const nested = path.join(dir, 'a', 'b');
    acquireDataDirLock(nested).release();
    expect(fs.existsSync(nested)).toBe(true);
  });
});
