import type { PGlite } from '@electric-sql/pglite';
import { DriverAdapterError, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export type PrismaAdapter = SqlMigrationAwareDriverAdapterFactory;

interface PostgresCause {
  kind: 'postgres';
  code: string;
  message: string;
  detail?: string;
  column?: string;
}

function keyFields(detail: string | undefined): string[] | undefined {
  return detail
    ?.match(/Key \(([^)]+)\)/)?.[1]
    ?.split(', ')
    .map((f) => f.replace(/^"|"$/g, ''));
}

// The same translation @prisma/adapter-pg makes, so that Prisma reports P2002, P2003 and P2011
// on PGlite exactly as on PostgreSQL; pglite-prisma-adapter 0.6.1 passes raw Postgres codes.
function translate(cause: PostgresCause): Record<string, unknown> | undefined {
  const fields = keyFields(cause.detail);
  switch (cause.code) {
    case '23505':
      return { kind: 'UniqueConstraintViolation', constraint: fields ? { fields } : undefined };
    case '23502':
      return { kind: 'NullConstraintViolation', constraint: fields ? { fields } : undefined };
    case '23503':
      return { kind: 'ForeignKeyConstraintViolation', constraint: cause.column ? { fields: [cause.column] } : undefined };
    case '40001':
      return { kind: 'TransactionWriteConflict' };
    case '22001':
      return { kind: 'LengthMismatch', column: cause.column };
    default:
      return undefined;
  }
}

// Errors straight from PGlite (not through the adapter's own onError) get the same treatment.
function rethrowPGlite(error: unknown): never {
  const e = error as { code?: string; message?: string; detail?: string; column?: string; severity?: string };
  if (typeof e?.code === 'string' && typeof e.message === 'string') {
    rethrow(Object.assign(new Error(e.message), { name: 'DriverAdapterError', cause: { kind: 'postgres', ...e, message: e.message } }));
  }
  throw error;
}

function rethrow(error: unknown): never {
  const cause = (error as { cause?: PostgresCause })?.cause;
  if ((error as Error)?.name === 'DriverAdapterError' && cause?.kind === 'postgres') {
    const translated = translate(cause);
    if (translated) {
      throw new DriverAdapterError({ originalCode: cause.code, originalMessage: cause.message, ...translated } as never);
    }
  }
  throw error;
}

/** Wraps every method so rejected promises pass through `rethrow`, and transactions too. */
function translatingErrors<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      const client = (object as { client?: PGlite }).client;
      // 0.6.1's executeScript starts PGlite's exec without awaiting it: the script's errors are
      // lost and the next statement races it (Migrate's shadow database hit this).
      if (property === 'executeScript' && client) {
        return (script: string) =>
          client.exec(script).then(
            () => undefined,
            (error: unknown) => rethrowPGlite(error),
          );
      }
      // Like pg's simple query protocol, a statement without parameters may be a whole script
      // (Migrate replays migrations into its shadow database this way); PGlite's prepared
      // `query` refuses several commands, its `exec` takes them.
      if (property === 'executeRaw' && client) {
        return (query: { sql: string; args: unknown[] }) =>
          query.args.length > 0
            ? (value as (q: unknown) => Promise<number>).call(object, query).catch(rethrow)
            : client.exec(query.sql).then(
                (results) => results.reduce((sum, result) => sum + (result.affectedRows ?? 0), 0),
                (error: unknown) => rethrowPGlite(error),
              );
      }
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = value.apply(object, args);
        if (!(result instanceof Promise)) return result;
        return result.then((resolved: unknown) => {
          const wrap = property === 'startTransaction' || property === 'connect' || property === 'connectToShadowDb';
          return wrap && resolved && typeof resolved === 'object' ? translatingErrors(resolved) : resolved;
        }, rethrow);
      };
    },
  });
}

// pglite-prisma-adapter 0.6.1 (the line for Prisma 6) declares its own copy of
// @prisma/driver-adapter-utils 6.10: the same shapes as 6.19's at run time (measured in
// docs/prisma-binary-free.md), different types to the compiler.
export function pgliteAdapter(pglite: PGlite): PrismaAdapter {
  return translatingErrors(new PrismaPGlite(pglite) as unknown as PrismaAdapter);
}
