import { randomUUID } from 'node:crypto';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { CalendarFeedsModule } from '@siban/calendar-feeds';
import { Clock, ClockModule, SystemClock } from '@siban/clock';
import { AppConfig, ConfigModule } from '@siban/config';
import { DatabaseHandle, DatabaseModule } from '@siban/db';
import { DutyOperationsModule, DutyRosterModule } from '@siban/duty-roster';
import { IncidentsModule } from '@siban/incidents';
import { IdentityModule, IdentityService, SessionRevocations } from '@siban/identity';
import { NotificationsModule } from '@siban/notifications';
import { OrganizationModule } from '@siban/organization';
import { EventBusModule } from '@siban/pubsub';
import { WeeklyPlansModule } from '@siban/weekly-plans';
import { SchedulerModule } from '@siban/scheduler';
import { LoggerModule } from 'nestjs-pino';
import { graphqlOptions } from './graphql.options';
import { HealthController } from './health.controller';
import { ShutdownState } from './http-drain';

export interface AppModuleOptions {
  config: AppConfig;
  database: DatabaseHandle;
  clock?: Clock;
  /** Separates the Redis channels of one deployment (or test run) from another's. */
  redisPrefix?: string;
  runJobWorkers?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            // Tokens and cookies never reach the logs; request bodies (passwords) are not logged.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
            quietReqLogger: true,
          },
        }),
        ClockModule.forRoot(options.clock ?? new SystemClock()),
        DatabaseModule.forHandle(options.database),
        EventBusModule.forRoot({ redisUrl: config.redisUrl, redisPrefix: options.redisPrefix }),
        SchedulerModule.forRoot({ pollSeconds: config.schedulerPollSeconds, runWorkers: options.runJobWorkers }),
        IdentityModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [IdentityService, SessionRevocations],
          useFactory: (identity: IdentityService, sessions: SessionRevocations) => graphqlOptions(identity, sessions, config.requestLimits),
        }),
        OrganizationModule,
        NotificationsModule,
        WeeklyPlansModule,
        CalendarFeedsModule,
        DutyRosterModule,
        DutyOperationsModule,
        IncidentsModule,
      ],
      controllers: [HealthController],
      providers: [ShutdownState],
    };
  }
}
