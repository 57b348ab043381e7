export * from './lib/domain/types';
export { PLAN_REMINDER_JOB } from './lib/plan-deadline.service';
export * from './lib/schedule.service';
export * from './lib/weekly-plans.module';
