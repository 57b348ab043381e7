export * from './lib/dto/notification.model';
export * from './lib/notification.service';
export * from './lib/notifications.module';
export * from './lib/utils/change-summary';
