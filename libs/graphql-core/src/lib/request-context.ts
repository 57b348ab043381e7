import DataLoader from 'dataloader';

/** What every resolver can see of the request: the signed-in user and per-request loaders. */
export interface RequestContext<User = unknown> {
  /** `ip` is the client's address: the socket's, or X-Forwarded-For's from a trusted proxy. */
  req?: { headers: Record<string, string | string[] | undefined>; id?: unknown; ip?: string };
  /** Set by the auth guard (HTTP) or at graphql-ws connection_init (subscriptions). */
  user?: User;
  /** graphql-ws connection parameters, when the operation arrived over a socket. */
  connectionParams?: Record<string, unknown>;
  loaders: LoaderRegistry;
}

/**
 * DataLoaders live for one request, so a list of N rows that each resolve a relation costs one
 * batched query, and nothing is cached across users.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders rows fetched with `WHERE id IN (...)` the way DataLoader asked for them. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | Error)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? new Error(`not found: ${String(key)}`));
}

/** Groups rows for a one-to-many relation, one (possibly empty) list per key. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((key) => map.get(key) ?? []);
}
