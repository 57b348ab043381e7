import type { PrismaAdapter } from './pglite-adapter';

export interface QueryCounter {
  count: number;
}

const COUNTED = new Set(['queryRaw', 'executeRaw', 'executeScript']);

function counting<T extends object>(target: T, counter: QueryCounter): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (COUNTED.has(String(property))) counter.count++;
        const result = value.apply(object, args);
        const wrap = property === 'connect' || property === 'startTransaction';
        return wrap && result instanceof Promise ? result.then((inner: object) => counting(inner, counter)) : result;
      };
    },
  });
}

/** The same adapter, counting every SQL statement Prisma sends through it (for benchmarks). */
export function countQueries(adapter: PrismaAdapter, counter: QueryCounter): PrismaAdapter {
  return counting(adapter, counter);
}
