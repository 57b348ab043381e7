export * from './lib/event-bus';
export * from './lib/event-bus.module';
