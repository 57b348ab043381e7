import { Module } from '@nestjs/common';
import { ExportsModule } from '@siban/exports';
import { NotificationsModule } from '@siban/notifications';
import { OrganizationModule } from '@siban/organization';
import { ScheduleExportController } from './exports/schedule-export.controller';
import { ScheduleExportService } from './exports/schedule-export.service';
import { ScheduleFeedSources } from './exports/schedule-feed-source';
import { PlanDeadlineService } from './plans/plan-deadline.service';
import { PlanEntryResolver, PlanSubmissionResolver, WeeklyPlanResolver } from './plans/weekly-plan.resolver';
import { WeeklyPlanService } from './plans/weekly-plan.service';
import { ScheduleEventResolver, ScheduleResolver, ScheduleRevisionResolver } from './schedule/schedule.resolver';
import { ScheduleService } from './schedule/schedule.service';

/**
 * Weekly leader plans, in three parts: `plans/` (secretaries write and submit; deadlines and
 * reminders), `schedule/` (coordinators merge, check conflicts, publish revisions) and `exports/`
 * (the printable table, and the leader and office calendar feeds on @siban/exports).
 */
@Module({
  imports: [OrganizationModule, NotificationsModule, ExportsModule],
  providers: [
    PlanDeadlineService,
    WeeklyPlanService,
    ScheduleService,
    ScheduleExportService,
    ScheduleFeedSources,
    WeeklyPlanResolver,
    PlanSubmissionResolver,
    PlanEntryResolver,
    ScheduleResolver,
    ScheduleEventResolver,
    ScheduleRevisionResolver,
  ],
  controllers: [ScheduleExportController],
  exports: [ScheduleService],
})
export class WeeklyPlansModule {}
