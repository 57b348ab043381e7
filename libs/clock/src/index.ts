export * from './lib/clock';
export * from './lib/clock.module';
