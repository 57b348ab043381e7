import { Module } from '@nestjs/common';
import { ExportsModule } from '@siban/exports';
import { NotificationsModule } from '@siban/notifications';
import { OrganizationModule } from '@siban/organization';
import { DutyCheckInService } from './check-in/duty-check-in.service';
import { DutyOperationsResolver } from './duty-operations.resolver';
import { DutyExportController } from './exports/duty-export.controller';
import { DutyExportService } from './exports/duty-export.service';
import { DutyMonthService } from './exports/duty-month.service';
import { DutyFeedSource } from './feed/duty-feed-source';
import { DutyHandoverService } from './handover/duty-handover.service';
import { DutySeatService } from './seats/duty-seat.service';

/**
 * The duty roster at work: check-in and the missed check-in alert, the handover log, the DUTY
 * calendar feed, contact numbers, and the printed tables (allowance sheet, monthly roster).
 * Reads and writes the roster's own tables; leaders and users through their libs.
 */
@Module({
  imports: [OrganizationModule, NotificationsModule, ExportsModule],
  providers: [
    DutySeatService,
    DutyCheckInService,
    DutyHandoverService,
    DutyMonthService,
    DutyExportService,
    DutyFeedSource,
    DutyOperationsResolver,
  ],
  controllers: [DutyExportController],
  exports: [DutySeatService],
})
export class DutyOperationsModule {}
