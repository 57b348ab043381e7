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
}

export class InProcessEventBus extends EventBus {
  private readonly pubsub = new PubSub();

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

export class RedisEventBus extends EventBus {
  private readonly logger = new Logger(RedisEventBus.name);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly pubsub: RedisPubSub;

  constructor(
    url: string,
    private readonly prefix = 'siban:',
  ) {
    super();
    const options = { maxRetriesPerRequest: 3 };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    this.pubsub = new RedisPubSub({
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
