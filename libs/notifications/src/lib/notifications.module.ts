import { Module } from '@nestjs/common';
import { AccountLockNotifier } from './account-lock-notifier';
import { NoticeResolver, NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

@Module({
  providers: [NotificationService, NotificationResolver, NoticeResolver, AccountLockNotifier],
  exports: [NotificationService],
})
export class NotificationsModule {}
