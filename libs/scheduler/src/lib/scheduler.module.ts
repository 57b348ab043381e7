import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobScheduler, SCHEDULER_OPTIONS, SchedulerOptions } from './job-scheduler';

@Global()
@Module({})
export class SchedulerModule {
  static forRoot(options: SchedulerOptions): DynamicModule {
    return {
      module: SchedulerModule,
      providers: [{ provide: SCHEDULER_OPTIONS, useValue: options }, JobScheduler],
      exports: [JobScheduler],
    };
  }
}
