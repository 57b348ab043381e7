import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { HolidayCalendar as HolidayCalendarRow, Role } from '@siban/db';
import { AuthenticatedUser, CurrentUser, Roles } from '@siban/identity';
import {
  DutyMonthArgs,
  DutyRangeArgs,
  DutyShiftsArgs,
  LoadHolidayCalendarArgs,
  OptionalDutyRangeArgs,
  SetDutyPoolArgs,
  ShiftIdArgs,
} from './dto/duty-roster.args';
import {
  DutyDayKind,
  DutyDayModel,
  DutyGapModel,
  DutyGenerationModel,
  DutyPostModel,
  DutyRosterModel,
  DutyRosterPeriodModel,
  DutyShiftChangeModel,
  DutyShiftModel,
  DutyTallyModel,
  HolidayCalendarModel,
} from './dto/duty-roster.models';
import { DutyRosterService } from './services/duty-roster.service';
import { HolidayCalendarService, readCalendar } from './services/holiday-calendar.service';

function calendarModel(row: HolidayCalendarRow): HolidayCalendarModel {
  const calendar = readCalendar(row);
  return {
    year: row.year,
    source: row.source,
    loadedAt: row.loadedAt,
    loadedById: row.loadedById,
    holidays: calendar.holidays,
    adjustedWorkdays: calendar.adjustedWorkdays,
  };
}

@Resolver()
export class DutyRosterResolver {
  constructor(
    private readonly roster: DutyRosterService,
    private readonly holidays: HolidayCalendarService,
  ) {}

  // ---- Holiday calendars ----

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Mutation(() => HolidayCalendarModel, {
    description: "Loads (or replaces) a year's holiday calendar from its file's text; every mistake is reported at once.",
  })
  async loadHolidayCalendar(@CurrentUser() user: AuthenticatedUser, @Args() args: LoadHolidayCalendarArgs): Promise<HolidayCalendarModel> {
    return calendarModel(await this.holidays.load(args.json, user.id));
  }

  @Query(() => [HolidayCalendarModel], { description: 'Every loaded holiday calendar, by year.' })
  async holidayCalendars(): Promise<HolidayCalendarModel[]> {
    return (await this.holidays.rows()).map(calendarModel);
  }

  @Query(() => [DutyDayModel], { description: 'Each date as WORKDAY, WEEKEND or HOLIDAY (调休 days are WORKDAYs), or NO_CALENDAR.' })
  async dutyDayKinds(@Args() { from, to }: DutyRangeArgs): Promise<DutyDayModel[]> {
    const { days } = await this.roster.daysBetween(from, to);
    return days.map((d) => ({ ...d, kind: DutyDayKind[d.kind] }));
  }

  // ---- Posts and pools ----

  @Query(() => [DutyPostModel], { description: 'The posts of the roster, each with its pool in rotation order.' })
  async dutyPosts(): Promise<DutyPostModel[]> {
    return this.roster.postModels(await this.roster.context());
  }

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Mutation(() => DutyPostModel, {
    description: "Sets a post's pool in rotation order: leader ids for a LEADER post, user ids for a STAFF post.",
  })
  setDutyPool(@Args() args: SetDutyPoolArgs): Promise<DutyPostModel> {
    return this.roster.setPool(args.postId, args.personIds);
  }

  // ---- Generation and publishing ----

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Mutation(() => DutyGenerationModel, {
    description:
      'Generates DRAFT seats from `from` to `to` (at most a year), fairly over time; a seat nobody can take is a gap. A DRAFT month is rewritten; a PUBLISHED one is refused.',
  })
  generateDutyRoster(@CurrentUser() user: AuthenticatedUser, @Args() { from, to }: DutyRangeArgs): Promise<DutyGenerationModel> {
    return this.roster.generate(user, from, to);
  }

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Mutation(() => DutyRosterPeriodModel, { description: 'Publishes a DRAFT month; everyone on it is notified of their dates.' })
  publishDutyRoster(@CurrentUser() user: AuthenticatedUser, @Args() { month }: DutyMonthArgs): Promise<DutyRosterPeriodModel> {
    return this.roster.publish(user, month);
  }

  @Query(() => [DutyRosterPeriodModel], { description: 'The months of the roster (drafts for coordinators only).' })
  async dutyRosterPeriods(@CurrentUser() user: AuthenticatedUser): Promise<DutyRosterPeriodModel[]> {
    const periods = await this.roster.periods();
    return this.roster.isCoordinator(user) ? periods : periods.filter((p) => p.status === 'PUBLISHED');
  }

  // ---- Reading the roster ----

  @Query(() => DutyRosterModel, {
    description: 'The roster view of a range (at most a year), with a warning for a year with no holiday calendar.',
  })
  dutyRoster(@CurrentUser() user: AuthenticatedUser, @Args() { from, to }: DutyRangeArgs): Promise<DutyRosterModel> {
    return this.roster.roster(user, from, to);
  }

  @Query(() => [DutyShiftModel], {
    description: 'Who holds each post at that instant (a shift holds from its start, included, to its end, excluded).',
  })
  onDuty(@Args('at', { type: () => Date }) at: Date): Promise<DutyShiftModel[]> {
    return this.roster.shiftAt(at);
  }

  @Query(() => [DutyShiftModel], {
    description: 'Your published shifts (as staff, and as the leader your account reads as); by default the next 60 days.',
  })
  myDutyShifts(@CurrentUser() user: AuthenticatedUser, @Args() { from, to }: OptionalDutyRangeArgs): Promise<DutyShiftModel[]> {
    return this.roster.myShifts(user, from, to);
  }

  @Query(() => [DutyShiftModel], {
    description: 'The shifts of a range (at most a year), optionally of one office’s people or one person.',
  })
  dutyShifts(@CurrentUser() user: AuthenticatedUser, @Args() args: DutyShiftsArgs): Promise<DutyShiftModel[]> {
    return this.roster.shiftsFor(user, args);
  }

  @Query(() => [DutyTallyModel], {
    description: "Each person's counts of all, weekend and holiday shifts: in the range, and over all time.",
  })
  dutyTallies(@Args() { from, to }: OptionalDutyRangeArgs): Promise<DutyTallyModel[]> {
    return this.roster.tallies(from, to);
  }

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Query(() => [DutyGapModel], { description: 'Seats nobody holds, by default in the next 30 days, each with why.' })
  dutyGaps(@Args() { from, to }: OptionalDutyRangeArgs): Promise<DutyGapModel[]> {
    return this.roster.gaps(from, to);
  }

  @Query(() => [DutyShiftChangeModel], { description: 'The append-only history of a shift, oldest first.' })
  dutyShiftHistory(@Args() { shiftId }: ShiftIdArgs): Promise<DutyShiftChangeModel[]> {
    return this.roster.history(shiftId);
  }
}
