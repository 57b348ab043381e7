import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HALF_DAY_BOUNDS, HalfDayBounds, parseHalfDayBounds } from '@siban/district-time';
import { z } from 'zod';

export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgresql:// connection URL');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('./data/pglite'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be a redis:// URL')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(12 * 3600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SCHEDULER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  SEED_DEMO: z.enum(['true', 'false']).default('false'),
  DISTRICT_NAME: z.string().min(1).max(30).default('清河区'),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s):// URL')
    .optional(),
  HALF_DAY_BOUNDS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return HALF_DAY_BOUNDS;
      try {
        return parseHalfDayBounds(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: DatabaseConfig;
  redisUrl?: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  logLevel: string;
  schedulerPollSeconds: number;
  shutdownGraceMs: number;
  /** Create demo leaders and accounts on an empty PostgreSQL database (always on PGlite). */
  seedDemo: boolean;
  /** Printed on schedules, e.g. 清河区. */
  districtName: string;
  /** Base of links handed out (calendar feeds); the request's host when unset. */
  publicUrl?: string;
  /** Shanghai wall-clock bounds of 上午, 下午 and 晚上: what a half-day slot occupies, and the rows of the week's layout. */
  halfDayBounds: HalfDayBounds;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and checks the whole environment once. Every problem is reported on one line, so a bad
 * start says exactly what to fix. Empty strings count as unset (an `export X=` in a shell).
 */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) };
  // Instances on PostgreSQL must share one secret; the embedded database keeps its own.
  if (!e.JWT_SECRET && database.kind === 'postgres') {
    throw new ConfigError('Invalid configuration: JWT_SECRET is required (32+ characters) when DATABASE_URL is set');
  }
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database,
    redisUrl: e.REDIS_URL,
    jwtSecret: e.JWT_SECRET ?? embeddedJwtSecret(database),
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    logLevel: e.LOG_LEVEL,
    schedulerPollSeconds: e.SCHEDULER_POLL_SECONDS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    seedDemo: e.SEED_DEMO === 'true',
    districtName: e.DISTRICT_NAME,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    halfDayBounds: e.HALF_DAY_BOUNDS,
  };
}

// The embedded default must start with no configuration at all, and tokens must survive a
// restart: the secret is made once and kept beside the data folder, readable by its owner only.
function embeddedJwtSecret(database: DatabaseConfig): string {
  if (database.kind !== 'pglite') throw new ConfigError('Invalid configuration: JWT_SECRET is required');
  const file = path.join(path.dirname(database.dataDir), 'jwt-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not made yet.
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
