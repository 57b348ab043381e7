export * from './lib/calendar';
export * from './lib/describe';
export * from './lib/interval';
export * from './lib/types';
export * from './lib/week';
