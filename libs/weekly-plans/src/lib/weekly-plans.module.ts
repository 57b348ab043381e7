import { Module } from '@nestjs/common';
import { NotificationsModule } from '@siban/notifications';
import { OrganizationModule } from '@siban/organization';
import { CalendarFeedResolver } from './calendar-feed.resolver';
import { CalendarFeedService } from './calendar-feed.service';
import { PlanDeadlineService } from './plan-deadline.service';
import { ScheduleExportController } from './schedule-export.controller';
import { ScheduleExportService } from './schedule-export.service';
import { ScheduleEventResolver, ScheduleResolver, ScheduleRevisionResolver } from './schedule.resolver';
import { ScheduleService } from './schedule.service';
import { PlanEntryResolver, PlanSubmissionResolver, WeeklyPlanResolver } from './weekly-plan.resolver';
import { WeeklyPlanService } from './weekly-plan.service';

@Module({
  imports: [OrganizationModule, NotificationsModule],
  providers: [
    PlanDeadlineService,
    WeeklyPlanService,
    ScheduleService,
    ScheduleExportService,
    CalendarFeedService,
    WeeklyPlanResolver,
    PlanSubmissionResolver,
    PlanEntryResolver,
    ScheduleResolver,
    ScheduleEventResolver,
    ScheduleRevisionResolver,
    CalendarFeedResolver,
  ],
  controllers: [ScheduleExportController],
  exports: [ScheduleService],
})
export class WeeklyPlansModule {}
