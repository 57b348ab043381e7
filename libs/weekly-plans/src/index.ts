export * from './lib/domain/types';
export * from './lib/schedule.service';
export * from './lib/weekly-plans.module';
