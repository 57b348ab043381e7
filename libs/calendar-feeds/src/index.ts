export * from './lib/calendar-feeds.module';
export * from './lib/dto/calendar-feed.model';
export * from './lib/dto/create-calendar-feed.input';
