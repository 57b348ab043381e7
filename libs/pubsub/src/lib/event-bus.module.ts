import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventBus, InProcessEventBus, RedisEventBus } from './event-bus';

export interface EventBusOptions {
  redisUrl?: string;
  /** Key prefix on Redis, so test runs and deployments sharing a server stay apart. */
  redisPrefix?: string;
}

const EVENT_BUS_OPTIONS = Symbol('EVENT_BUS_OPTIONS');

@Global()
@Module({})
export class EventBusModule implements OnApplicationShutdown {
  constructor(@Inject(EventBus) private readonly bus: EventBus) {}

  static forRoot(options: EventBusOptions): DynamicModule {
    return {
      module: EventBusModule,
      providers: [
        { provide: EVENT_BUS_OPTIONS, useValue: options },
        {
          provide: EventBus,
          inject: [EVENT_BUS_OPTIONS],
          useFactory: async (opts: EventBusOptions) => {
            if (!opts.redisUrl) return new InProcessEventBus();
            const bus = new RedisEventBus(opts.redisUrl, opts.redisPrefix);
            await bus.ready();
            return bus;
          },
        },
      ],
      exports: [EventBus],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
