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

  it('reads the half-day bounds, today’s by default', () => {
    const env = { DATA_DIR: path.join(dir, 'pglite') };
    expect(loadAppConfig(env).halfDayBounds).toEqual({
      MORNING: { start: '08:00', end: '12:00' },
      AFTERNOON: { start: '14:00', end: '18:00' },
      EVENING: { start: '19:00', end: '22:00' },
    });
    expect(loadAppConfig({ ...env, HALF_DAY_BOUNDS: '08:30-12:00,13:30-17:30,18:00-21:00' }).halfDayBounds.AFTERNOON).toEqual({
      start: '13:30',
      end: '17:30',
    });
    expect(() => loadAppConfig({ ...env, HALF_DAY_BOUNDS: '08:00-12:00' })).toThrow(/HALF_DAY_BOUNDS must be three windows/);
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

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ DATABASE_URL: '', REDIS_URL: '', DATA_DIR: path.join(dir, 'x') }).database.kind).toBe('pglite');
  });
});
