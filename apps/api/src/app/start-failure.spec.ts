import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '@siban/config';
import { DataDirLockedError, migrateFailureMessage } from '@siban/db';
import { startFailureLine } from './start-failure';

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('a failed start is told in one line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siban-start-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints messages written for the operator as they are', () => {
    expect(startFailureLine(new ConfigError('Invalid configuration: PORT Too big'))).toBe('siban: Invalid configuration: PORT Too big');
    expect(startFailureLine(new DataDirLockedError('/srv/data', 42))).toMatch(/^siban: The data folder \/srv\/data is in use .*pid 42/);
  });

  it('names the file and the reason of a file system error', () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, '');
    const error = caught(() => fs.mkdirSync(path.join(file, 'pglite'), { recursive: true }));
    expect(startFailureLine(error)).toBe(
      `siban: cannot create the folder ${path.join(file, 'pglite')}: a file is in the way where a folder is expected (ENOTDIR)`,
    );
    const readOnly = Object.assign(new Error("EROFS: read-only file system, open '/data/siban.lock'"), {
      code: 'EROFS',
      syscall: 'open',
      path: '/data/siban.lock',
    });
    expect(startFailureLine(readOnly)).toBe('siban: cannot open /data/siban.lock: the file system is read-only (EROFS)');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
      path: '/data/jwt-secret',
    });
    expect(startFailureLine(full)).toBe('siban: cannot write /data/jwt-secret: no space left on the disk (ENOSPC)');
  });

  it('names the address of a port already taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const second = net.createServer();
    const error = await new Promise<unknown>((resolve) => second.once('error', resolve).listen(port, '127.0.0.1'));
    taken.close();
    expect(startFailureLine(error)).toBe(
      `siban: cannot listen on 127.0.0.1:${port}: the address is already in use (another service listens there) (EADDRINUSE)`,
    );
  });

  it('keeps only the first line of anything else', () => {
    expect(startFailureLine(new Error('boom\n    at somewhere'))).toBe('siban: failed to start: boom');
  });
});

describe('a failed Prisma Migrate', () => {
  // What the WASM engine printed when the embedded folder's disk was full.
  const fullDiskOutput =
    'Loaded Prisma config from prisma.config.ts.\n\nPrisma config detected, skipping environment variable loading.\nPrisma schema loaded from prisma/schema.prisma\nError: undefined\n';

  it('is told as a full disk when the data folder has (almost) no space left', () => {
    expect(migrateFailureMessage(fullDiskOutput, '/data/pglite', 4096)).toBe(
      'Prisma Migrate could not write the embedded database in /data/pglite: the disk is full (0.0 MB free)',
    );
  });

  it('gives the reason Migrate printed, without its chatter', () => {
    const output =
      'Prisma schema loaded from prisma/schema.prisma\nDatasource "db": PostgreSQL\n\nError: P3009\nmigrate found failed migrations\n';
    expect(migrateFailureMessage(output, 'PostgreSQL db.example:5432/siban', undefined)).toBe(
      'Prisma Migrate failed on PostgreSQL db.example:5432/siban: Error: P3009 | migrate found failed migrations',
    );
    expect(migrateFailureMessage(fullDiskOutput, '/data/pglite', 10 * 1024 ** 3)).toBe(
      'Prisma Migrate failed on /data/pglite: it gave no reason (run npm run db:migrate to see its output)',
    );
  });
});
