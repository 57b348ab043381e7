import { Module } from '@nestjs/common';
import { NoticeResolver, NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

@Module({
  providers: [NotificationService, NotificationResolver, NoticeResolver],
  exports: [NotificationService],
})
export class NotificationsModule {}
