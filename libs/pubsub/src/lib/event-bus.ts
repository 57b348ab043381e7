import { Logger } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';

/**
 * Publish/subscribe for GraphQL subscriptions. Channel names say what they carry
 * (`user:<id>`, `office:<code>`, `schedule:<week>`). In-process by default; Redis when
 * REDIS_URL is set, so several instances deliver each other's events.
 */
export abstract class EventBus {
  /**
   * Never throws: events are published after the write they announce has committed, and the
   * durable record (a notification, a revision) is what nobody may miss. A lost event is logged.
   */
  abstract publish<T>(channel: string, payload: T): Promise<void>;
  abstract subscribe<T>(channel: string | string[]): AsyncIterableIterator<T>;
  /** Whether events can flow (for /readyz). */
  abstract healthy(): Promise<boolean>;
  abstract close(): Promise<void>;

  private listening = 0;
  private readonly listeningWaiters: { count: number; resolve: () => void }[] = [];

  /**
   * How many channel subscriptions have started listening since the bus was made: counted once
   * the channel delivers (on Redis, once the server has confirmed the SUBSCRIBE), so an event
   * published after that, by any instance, reaches the subscriber. Tests wait on it instead of
   * sleeping after opening a subscription.
   */
  get listeningCount(): number {
    return this.listening;
  }

  /** Resolves once `listeningCount` has reached `count`. */
  listened(count: number): Promise<void> {
    if (this.listening >= count) return Promise.resolve();
    return new Promise((resolve) => this.listeningWaiters.push({ count, resolve }));
  }

  protected startedListening(): void {
    this.listening++;
    for (const waiter of [...this.listeningWaiters]) {
      if (waiter.count > this.listening) continue;
      this.listeningWaiters.splice(this.listeningWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}

/** The in-process engine, reporting each subscription once it delivers. */
class ObservedPubSub extends PubSub {
  constructor(private readonly onListening: () => void) {
    super();
  }

  override async subscribe(trigger: string, onMessage: (...args: any[]) => void): Promise<number> {
    const id = await super.subscribe(trigger, onMessage);
    this.onListening();
    return id;
  }
}

export class InProcessEventBus extends EventBus {
  private readonly pubsub = new ObservedPubSub(() => this.startedListening());

  async publish<T>(channel: string, payload: T): Promise<void> {
    await this.pubsub.publish(channel, payload);
  }

  async healthy(): Promise<boolean> {
    return true;
  }

  subscribe<T>(channel: string | string[]): AsyncIterableIterator<T> {
    return this.pubsub.asyncIterableIterator<T>(channel);
  }

  async close(): Promise<void> {
    // Nothing to release: subscribers end with their sockets.
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function reviveDates(_key: string, value: unknown): unknown {
  return typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : value;
}

/** The Redis engine, reporting each subscription once Redis has confirmed it. */
class ObservedRedisPubSub extends RedisPubSub {
  constructor(
    private readonly onListening: () => void,
    options: ConstructorParameters<typeof RedisPubSub>[0],
  ) {
    super(options);
  }

  override async subscribe<T>(trigger: string, onMessage: (message: T) => void, options?: unknown): Promise<number> {
    const id = await super.subscribe(trigger, onMessage, options);
    this.onListening();
    return id;
  }
}

export class RedisEventBus extends EventBus {
  private readonly logger = new Logger(RedisEventBus.name);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly pubsub: ObservedRedisPubSub;

  constructor(
    url: string,
    private readonly prefix = 'siban:',
  ) {
    super();
    const options = { maxRetriesPerRequest: 3 };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    this.pubsub = new ObservedRedisPubSub(() => this.startedListening(), {
      publisher: this.publisher,
      subscriber: this.subscriber,
      // Payloads cross instances as JSON; Dates are revived so resolvers see what they published.
      serializer: JSON.stringify,
      deserializer: (text: string | Buffer) => JSON.parse(text.toString(), reviveDates),
    });
  }

  async ready(): Promise<void> {
    await Promise.all([this.publisher.ping(), this.subscriber.ping()]);
  }

  async publish<T>(channel: string, payload: T): Promise<void> {
    try {
      await this.pubsub.publish(this.prefix + channel, payload);
    } catch (error) {
      this.logger.error({ err: error, channel }, 'event not published: Redis unavailable');
    }
  }

  async healthy(): Promise<boolean> {
    try {
      await Promise.race([this.publisher.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      return true;
    } catch {
      return false;
    }
  }

  subscribe<T>(channel: string | string[]): AsyncIterableIterator<T> {
    const channels = (Array.isArray(channel) ? channel : [channel]).map((c) => this.prefix + c);
    return this.pubsub.asyncIterableIterator(channels) as AsyncIterableIterator<T>;
  }

  async close(): Promise<void> {
    await this.pubsub.close();
  }
}
