import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; reason?: string; problems?: { field: string; message: string }[]; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
  headers: Headers;
}

/** Sends one GraphQL operation over real HTTP. */
export async function gql<T = Record<string, any>>(
  baseUrl: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // Apollo's CSRF prevention wants a non-simple request: JSON content type is enough.
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLErrorShape[] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}

/** The data of an operation that must succeed; fails the test with the errors otherwise. */
export async function gqlOk<T = Record<string, any>>(
  baseUrl: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await gql<T>(baseUrl, token, query, variables);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL operation failed: ${JSON.stringify(result.errors ?? result)}`);
  }
  return result.data;
}

/** The first error of an operation that must fail. */
export async function gqlError(
  baseUrl: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLErrorShape> {
  const result = await gql(baseUrl, token, query, variables);
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0];
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const data = await gqlOk<{ login: { token: string } }>(
    baseUrl,
    undefined,
    'mutation ($input: LoginInput!) { login(input: $input) { token } }',
    { input: { username, password } },
  );
  return data.login.token;
}

export interface Subscription<T> {
  /** The next event, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  /**
   * Proves that nothing arrived before a marker: resolves with the next event if `isMarker`
   * accepts it, fails if another event comes first. Publish the marker on the same channel once
   * the action under test has finished publishing (its mutation answered, its job finished):
   * channels deliver in order, so an event the action caused would arrive before the marker.
   */
  nothingBefore(isMarker: (event: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves with the close code once the socket closes (by the server, or by `close`). */
  closed(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

/** The service as `subscribe` reaches it: its address, and its event bus's count of listeners. */
export interface SubscriptionServer {
  url: string;
  /** Subscriptions the server has started listening for since it started (`EventBus.listeningCount`). */
  listeningCount(): number;
  /** Resolves once `listeningCount()` has reached `count` (`EventBus.listened`). */
  listened(count: number): Promise<void>;
}

// Subscriptions to one server open one at a time, so "one more listener than before" is ours.
const opening = new WeakMap<SubscriptionServer, Promise<unknown>>();

/**
 * Opens a real graphql-ws socket, authenticates in connection_init, and queues every event.
 * Resolves once the server listens for the subscription's events (on Redis, once Redis has
 * confirmed the SUBSCRIBE), so an event caused right after, on any instance, is delivered.
 * Subscriptions to one server are opened one after another; each listens on one channel.
 */
export function subscribe<T = Record<string, any>>(
  server: SubscriptionServer,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Subscription<T>> {
  const opened = (opening.get(server) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => openSubscription<T>(server, token, query, variables));
  opening.set(server, opened);
  return opened;
}

async function openSubscription<T>(
  server: SubscriptionServer,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown>,
): Promise<Subscription<T>> {
  const events: T[] = [];
  const waiters: ((value: T) => void)[] = [];
  let failure: unknown;
  let ack!: () => void;
  let fail!: (error: unknown) => void;
  let onClosed!: (code: number) => void;
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const acknowledged = new Promise<void>((resolve, reject) => {
    ack = resolve;
    fail = reject;
  });
  let ended!: () => void;
  // An operation the server refuses ends without ever listening: `next` then reports why.
  const refused = new Promise<void>((resolve) => (ended = resolve));
  const before = server.listeningCount();
  const client: Client = createClient({
    url: `${server.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: (error) => fail(error),
    on: {
      connected: () => ack(),
      closed: (event) => {
        const code = (event as { code?: number }).code ?? 0;
        onClosed(code);
        fail(Object.assign(new Error(`socket closed: ${code}`), { event }));
      },
      error: (error) => fail(error),
    },
  });
  client.subscribe<T>(
    { query, variables },
    {
      next: (message) => {
        if (message.errors?.length) {
          failure = new Error(JSON.stringify(message.errors));
        }
        const value = (message.data ?? { errors: message.errors }) as T;
        const waiter = waiters.shift();
        if (waiter) waiter(value);
        else events.push(value);
      },
      error: (error) => {
        failure = error;
        ended();
      },
      complete: () => ended(),
    },
  );
  await acknowledged;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      server.listened(before + 1),
      refused,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the server did not start listening for the subscription within 10 s')), 10_000);
      }),
    ]);
  } catch (error) {
    await client.dispose();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const next = (timeoutMs = 10_000) => {
    if (failure) return Promise.reject(failure);
    const queued = events.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no subscription event within ${timeoutMs} ms`)), timeoutMs);
      waiters.push((value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  };
  return {
    next,
    async nothingBefore(isMarker, timeoutMs) {
      const event = await next(timeoutMs);
      if (!isMarker(event)) throw new Error(`unexpected subscription event before the marker: ${JSON.stringify(event)}`);
      return event;
    },
    closed(timeoutMs = 10_000) {
      return Promise.race([
        closed,
        new Promise<number>((_, reject) =>
          setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs).unref(),
        ),
      ]);
    },
    async close() {
      await client.dispose();
    },
  };
}

/**
 * Speaks the graphql-ws protocol by hand (connection_init only) and reports how the server closed
 * the socket, for tests of refused connections.
 */
export function connectionRefusal(baseUrl: string, connectionParams: Record<string, unknown>): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        socket.close();
        reject(new Error('the server accepted the connection'));
      }
    });
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}
