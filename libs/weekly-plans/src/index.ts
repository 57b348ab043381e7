export * from './lib/domain/types';
export * from './lib/schedule/schedule.service';
export * from './lib/weekly-plans.module';
