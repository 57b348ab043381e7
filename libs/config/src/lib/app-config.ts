import net from 'node:net';
import path from 'node:path';
import { HALF_DAY_BOUNDS, HalfDayBounds, parseHalfDayBounds } from '@siban/district-time';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { embeddedJwtSecret } from './jwt-secret-file';

export { ConfigError } from './config-error';

export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

/** What one request may ask of the service; anything beyond is refused before it runs. */
export interface RequestLimits {
  /** Deepest nesting of fields in an operation (introspection not counted). */
  maxDepth: number;
  /** Estimated cost of an operation: roughly the objects it could return (see README, Limits). */
  maxCost: number;
  /** Aliased fields in one document (each alias runs its field again). */
  maxAliases: number;
  /** Largest HTTP request body. */
  maxBodyBytes: number;
}

export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimits> = Object.freeze({
  maxDepth: 10,
  maxCost: 50_000,
  maxAliases: 20,
  maxBodyBytes: 1024 * 1024,
});

// Express's `trust proxy` presets, and addresses or subnets (10.0.0.0/8, ::1).
const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyEntry = (entry: string) => {
  const [address, bits, ...rest] = entry.split('/');
  if (PROXY_PRESETS.includes(entry)) return true;
  const family = net.isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

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
  // 100 writes in flight at SIGTERM took 7.8-14.5 s to drain on PGlite; 25 s leaves room for that
  // and still ends before Kubernetes' default terminationGracePeriodSeconds (30 s) sends SIGKILL.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(25_000),
  SEED_DEMO: z.enum(['true', 'false']).default('false'),
  DISTRICT_NAME: z.string().min(1).max(30).default('清河区'),
  SCHEDULE_PAPER: z.enum(['A4', 'A3']).default('A4'),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s):// URL')
    .optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(DEFAULT_REQUEST_LIMITS.maxDepth),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(DEFAULT_REQUEST_LIMITS.maxCost),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_REQUEST_LIMITS.maxAliases),
  HTTP_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(DEFAULT_REQUEST_LIMITS.maxBodyBytes),
  GRAPHIQL: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => v === 'false' || /^\d{1,2}$/.test(v) || v.split(',').every((entry) => isProxyEntry(entry.trim())),
      'must be false, a number of proxy hops, or a comma-separated list of addresses, subnets or loopback/linklocal/uniquelocal',
    )
    .default('false'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  LOGIN_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_ACCOUNT_LOCK_THRESHOLD: z.coerce.number().int().min(2).max(10_000).default(50),
  LOGIN_ACCOUNT_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
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

/**
 * How sign-in guessing is slowed down (see README, "Sign-in limits"). Counted in the database, so
 * the limits hold across instances.
 */
export interface LoginLimits {
  /** Sign-in attempts per client address per minute, whatever the usernames. */
  ratePerMinute: number;
  /** Wrong passwords for one account from one address before each further try must wait. */
  freeAttempts: number;
  /** Wrong passwords for one account from all addresses together before the account is locked. */
  accountLockThreshold: number;
  accountLockMinutes: number;
}

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
  /** Paper of the printed weekly table: A4 (9 pt text, prints anywhere) or A3 (10.5 pt, for posting). */
  schedulePaper: 'A4' | 'A3';
  /** Base of links handed out (calendar feeds); the request's host when unset. */
  publicUrl?: string;
  requestLimits: RequestLimits;
  /** Serve the GraphiQL IDE to browsers at /graphql (default: on for the embedded database). */
  graphiql: boolean;
  /**
   * Express's `trust proxy`: whose `X-Forwarded-For` to believe for the client address. `false`
   * (the default) takes the socket's address.
   */
  trustProxy: false | number | string[];
  login: LoginLimits;
  /** Shanghai wall-clock bounds of 上午, 下午 and 晚上: what a half-day slot occupies, and the rows of the week's layout. */
  halfDayBounds: HalfDayBounds;
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
  // Instances on PostgreSQL must share one secret; the embedded database keeps its own, so the
  // default start needs no configuration at all and tokens survive a restart.
  let jwtSecret = e.JWT_SECRET;
  if (!jwtSecret) {
    if (database.kind === 'postgres') {
      throw new ConfigError('Invalid configuration: JWT_SECRET is required (32+ characters) when DATABASE_URL is set');
    }
    jwtSecret = embeddedJwtSecret(database.dataDir);
  }
  if (e.LOGIN_ACCOUNT_LOCK_THRESHOLD <= e.LOGIN_FREE_ATTEMPTS) {
    throw new ConfigError('Invalid configuration: LOGIN_ACCOUNT_LOCK_THRESHOLD must be greater than LOGIN_FREE_ATTEMPTS');
  }
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database,
    redisUrl: e.REDIS_URL,
    jwtSecret,
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    logLevel: e.LOG_LEVEL,
    schedulerPollSeconds: e.SCHEDULER_POLL_SECONDS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    seedDemo: e.SEED_DEMO === 'true',
    districtName: e.DISTRICT_NAME,
    schedulePaper: e.SCHEDULE_PAPER,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    requestLimits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxBodyBytes: e.HTTP_MAX_BODY_BYTES,
    },
    graphiql: e.GRAPHIQL ? e.GRAPHIQL === 'true' : database.kind === 'pglite',
    trustProxy:
      e.TRUST_PROXY === 'false'
        ? false
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY.split(',').map((entry) => entry.trim()),
    login: {
      ratePerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
      freeAttempts: e.LOGIN_FREE_ATTEMPTS,
      accountLockThreshold: e.LOGIN_ACCOUNT_LOCK_THRESHOLD,
      accountLockMinutes: e.LOGIN_ACCOUNT_LOCK_MINUTES,
    },
    halfDayBounds: e.HALF_DAY_BOUNDS,
  };
}
