import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataDirLock, DataDirLockedError, lockFilePath, lockHolder } from './data-dir-lock';

const WORKSPACE = path.resolve(__dirname, '../../../..');

/** Another process holding the folder until killed; resolves once it holds it. */
function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-e',
      `require('./libs/db/src/lib/data-dir-lock').acquireDataDirLock(${JSON.stringify(dir)}); console.log('held'); setInterval(() => undefined, 1000);`,
    ],
    {
      cwd: WORKSPACE,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve(child));
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

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
    expect(lockHolder(dir)).toBeUndefined();
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

  it('is not blocked by a file naming our own pid (a restarted container repeats pids)', () => {
    fs.writeFileSync(lockFilePath(dir), String(process.pid));
    expect(lockHolder(dir)).toBeUndefined();
    acquireDataDirLock(dir).release();
  });

  it('refuses a start while another live process holds the folder, and frees it when that process is killed', async () => {
    const child = await holdInChild(dir);
    try {
      expect(lockHolder(dir)).toBe(child.pid);
      let error: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message.split('\n')).toEqual([
        `The data folder ${dir} is in use by another Siban process (pid ${child.pid}); stop it first or set DATA_DIR to another folder.`,
      ]);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    // SIGKILL runs no clean-up: the kernel dropped the lock, the file still names the dead pid.
    expect(fs.readFileSync(lockFilePath(dir), 'utf8')).toBe(String(child.pid));
    acquireDataDirLock(dir).release();
  }, 30_000);

  it('creates a missing folder', () => {
    const nested = path.join(dir, 'a', 'b');
    acquireDataDirLock(nested).release();
    expect(fs.existsSync(nested)).toBe(true);
  });
});
