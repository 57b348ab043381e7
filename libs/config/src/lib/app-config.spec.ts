import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siban-config-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs on the embedded database with no configuration, keeping one JWT secret across starts', () => {
    const env = { DATA_DIR: path.join(dir, 'pglite') };
    const first = loadAppConfig(env);
    expect(first.database).toEqual({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    expect(first.port).toBe(3000);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadAppConfig(env).jwtSecret).toBe(first.jwtSecret);
    expect(fs.statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and then requires a shared JWT secret', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'postgresql://u@localhost/db' })).toThrow(/JWT_SECRET is required/);
    const config = loadAppConfig({
      DATABASE_URL: 'postgresql://u@localhost/db',
      JWT_SECRET: 's'.repeat(40),
      REDIS_URL: 'redis://localhost:6379',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://u@localhost/db' });
    expect(config.redisUrl).toBe('redis://localhost:6379');
  });

  it('reports every bad value on one line', () => {
    let error: unknown;
    try {
      loadAppConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DATA_DIR: dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL must be a postgresql:\/\/ connection URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('prints the weekly table on A4 unless A3 is asked for', () => {
    const dataDir = path.join(dir, 'pglite');
    expect(loadAppConfig({ DATA_DIR: dataDir }).schedulePaper).toBe('A4');
    expect(loadAppConfig({ DATA_DIR: dataDir, SCHEDULE_PAPER: 'A3' }).schedulePaper).toBe('A3');
    expect(() => loadAppConfig({ DATA_DIR: dataDir, SCHEDULE_PAPER: 'Letter' })).toThrow(/SCHEDULE_PAPER/);
  });

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ DATABASE_URL: '', REDIS_URL: '', DATA_DIR: path.join(dir, 'x') }).database.kind).toBe('pglite');
  });
});
