export * from './lib/domain/types';
export { PLAN_REMINDER_JOB } from './lib/plans/plan-deadline.service';
export * from './lib/schedule/schedule.service';
export { officeChannel } from './lib/schedule/revision-announcement';
export * from './lib/weekly-plans.module';
