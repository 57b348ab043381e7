import { Module } from '@nestjs/common';
import { NotificationsModule } from '@siban/notifications';
import { OrganizationModule } from '@siban/organization';
import { WeeklyPlansModule } from '@siban/weekly-plans';
import { DutyChangeResolver } from './duty-change.resolver';
import { DutyRosterResolver } from './duty-roster.resolver';
import { DutyChangeService } from './services/duty-change.service';
import { DutyGapService } from './services/duty-gap.service';
import { DutyPeopleService } from './services/duty-people.service';
import { DutyRosterSeeder } from './services/duty-roster.seeder';
import { DutyRosterService } from './services/duty-roster.service';
import { HolidayCalendarService } from './services/holiday-calendar.service';

/**
 * The general duty roster (总值班): holiday calendars, posts and pools, generation and
 * publication by month, swaps, overrides, unavailability and gap alerts. Leaders' TRIP/LEAVE
 * days come from weekly-plans' ScheduleService; names and offices from organization and identity.
 */
@Module({
  imports: [OrganizationModule, NotificationsModule, WeeklyPlansModule],
  providers: [
    HolidayCalendarService,
    DutyPeopleService,
    DutyRosterService,
    DutyChangeService,
    DutyGapService,
    DutyRosterSeeder,
    DutyRosterResolver,
    DutyChangeResolver,
  ],
  exports: [DutyRosterService, HolidayCalendarService, DutyRosterSeeder],
})
export class DutyRosterModule {}
