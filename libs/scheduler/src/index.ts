export * from './lib/job-scheduler';
export * from './lib/pglite-boss-db';
export * from './lib/scheduler.module';
