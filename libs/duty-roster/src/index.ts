export * from './lib/domain/types';
export * from './lib/duty-roster.module';
export * from './lib/utils/classify-date';
export * from './lib/utils/generate-roster';
export * from './lib/utils/holiday-calendar';
export * from './lib/utils/list-shift-slots';
export * from './lib/utils/shift-time';
export * from './lib/utils/tally-shifts';
