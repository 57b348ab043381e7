import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DutyPersonKind, DutyPostDays, DutyRosterStatus, DutyShiftChangeKind, DutySwapStatus } from '@siban/db';

registerEnumType(DutyPersonKind, {
  name: 'DutyPersonKind',
  valuesMap: { LEADER: { description: '领导（带班领导）' }, STAFF: { description: '工作人员（值班员等）' } },
});
registerEnumType(DutyPostDays, {
  name: 'DutyPostDays',
  valuesMap: {
    EVERY_DAY: { description: '每天' },
    NON_WORKDAYS: { description: '周末和节假日' },
    HOLIDAYS: { description: '仅法定节假日' },
  },
});
registerEnumType(DutyRosterStatus, {
  name: 'DutyRosterStatus',
  valuesMap: { DRAFT: { description: '草稿（仅协调人可见）' }, PUBLISHED: { description: '已发布' } },
});
registerEnumType(DutyShiftChangeKind, {
  name: 'DutyShiftChangeKind',
  valuesMap: {
    GENERATED: { description: '排班生成' },
    SWAP: { description: '换班' },
    OVERRIDE: { description: '紧急调整（附原因）' },
    UNDO: { description: '撤销换班' },
    PERSON_UNAVAILABLE: { description: '登记不能值班，班次空出' },
    PERSON_DEACTIVATED: { description: '人员停用，班次空出' },
  },
});
registerEnumType(DutySwapStatus, {
  name: 'DutySwapStatus',
  valuesMap: {
    REQUESTED: { description: '待对方答复' },
    ACCEPTED: { description: '对方已同意，待协调人批准' },
    APPROVED: { description: '已批准，已换班' },
    DECLINED: { description: '对方已拒绝' },
    REJECTED: { description: '协调人未批准' },
    CANCELLED: { description: '已取消' },
  },
});

export enum DutyDayKind {
  WORKDAY = 'WORKDAY',
  WEEKEND = 'WEEKEND',
  HOLIDAY = 'HOLIDAY',
  NO_CALENDAR = 'NO_CALENDAR',
}
registerEnumType(DutyDayKind, {
  name: 'DutyDayKind',
  description: 'What a date is under the loaded holiday calendars; 调休 Saturdays and Sundays are WORKDAYs.',
  valuesMap: {
    WORKDAY: { description: '工作日（含调休上班日）' },
    WEEKEND: { description: '周末' },
    HOLIDAY: { description: '法定节假日' },
    NO_CALENDAR: { description: '该年节假日安排尚未导入：不作推测' },
  },
});

@ObjectType('DutyPerson', { description: 'Someone on the duty roster: a leader (带班领导) or a member of staff (值班员).' })
export class DutyPersonModel {
  @Field(() => ID, { description: "The leader's id (LEADER) or the user's id (STAFF): how every duty operation names a person." })
  id!: string;

  @Field(() => DutyPersonKind)
  kind!: DutyPersonKind;

  @Field({ description: "The leader's name, or the user's display name." })
  name!: string;

  @Field({ description: 'Code of their office (PARTY, CONGRESS, GOVERNMENT, CPPCC, ...).' })
  officeCode!: string;

  @Field({ description: 'Short name of their office (区委办, ...).' })
  officeName!: string;

  @Field({ description: 'False once the leader or the account is deactivated.' })
  active!: boolean;
}

@ObjectType('DutyPost', { description: 'A seat to fill on every shift of a template: 带班领导, 值班员, or an extra post.' })
export class DutyPostModel {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => DutyPersonKind, { description: 'LEADER posts draw from leaders, STAFF posts from staff users.' })
  kind!: DutyPersonKind;

  @Field(() => DutyPostDays)
  days!: DutyPostDays;

  @Field(() => Int)
  seats!: number;

  @Field({ description: 'When its shifts start, "HH:MM" Asia/Shanghai.' })
  startTime!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => [DutyPersonModel], { description: 'The pool, in rotation order (ties in fairness go to the earlier).' })
  pool!: DutyPersonModel[];
}

@ObjectType('DutyPostRef', { description: 'The post a shift belongs to.' })
export class DutyPostRefModel {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => DutyPersonKind)
  kind!: DutyPersonKind;
}

@ObjectType('DutyShift', { description: 'One seat of one post on one shift (named by the date it starts), and who holds it.' })
export class DutyShiftModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The Shanghai date the shift starts on.' })
  date!: string;

  @Field({ description: 'Its roster month, "YYYY-MM".' })
  month!: string;

  @Field(() => DutyRosterStatus)
  status!: DutyRosterStatus;

  @Field({ description: 'Inclusive.' })
  startsAt!: Date;

  @Field({ description: 'Exclusive: at this instant the next shift holds the post.' })
  endsAt!: Date;

  @Field(() => DutyPostRefModel)
  post!: DutyPostRefModel;

  @Field(() => Int)
  seat!: number;

  @Field(() => DutyPersonModel, { nullable: true, description: 'Null: nobody holds it (a gap).' })
  person!: DutyPersonModel | null;

  @Field(() => DutyDayKind)
  dayKind!: DutyDayKind;

  @Field(() => String, { nullable: true, description: 'The holiday (国庆节, ...) on a HOLIDAY.' })
  holiday!: string | null;

  @Field(() => String, { nullable: true, description: 'On a 调休 working day, the holiday it is worked for.' })
  adjustedFor!: string | null;

  @Field(() => Int, { description: 'Bumped on every change of the seat.' })
  version!: number;
}

@ObjectType('DutyShiftChange', { description: 'One entry of the append-only history of a shift.' })
export class DutyShiftChangeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  shiftId!: string;

  @Field(() => DutyShiftChangeKind)
  kind!: DutyShiftChangeKind;

  @Field(() => DutyPersonModel, { nullable: true, description: 'Who held the seat before.' })
  from!: DutyPersonModel | null;

  @Field(() => DutyPersonModel, { nullable: true, description: 'Who holds it after.' })
  to!: DutyPersonModel | null;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The user who made the change (null: the service itself).' })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => ID, { nullable: true, description: "A swap's or undo's other shift: who swapped with whom." })
  relatedShiftId!: string | null;

  @Field(() => ID, { nullable: true })
  swapRequestId!: string | null;

  @Field(() => ID, { nullable: true, description: 'For an UNDO: the swap change it undoes.' })
  undoesId!: string | null;

  @Field(() => ID, { nullable: true, description: 'For a SWAP: the change that undid it, if any.' })
  undoneById!: string | null;

  @Field(() => [String], { description: 'Rules an override broke knowingly (CONSECUTIVE_SHIFT, UNAVAILABLE, NOT_IN_POOL).' })
  warnings!: string[];

  @Field()
  createdAt!: Date;
}

@ObjectType('DutyRosterPeriod', { description: 'A month of the roster: generated as a DRAFT, then PUBLISHED.' })
export class DutyRosterPeriodModel {
  @Field({ description: '"YYYY-MM".' })
  month!: string;

  @Field(() => DutyRosterStatus)
  status!: DutyRosterStatus;

  @Field(() => Date, { nullable: true })
  generatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Int)
  version!: number;

  @Field(() => Int, { description: 'Seats in the month.' })
  shiftCount!: number;

  @Field(() => Int, { description: 'Seats nobody holds.' })
  gapCount!: number;
}

@ObjectType('DutyGap', { description: 'A seat nobody holds, and why.' })
export class DutyGapModel {
  @Field(() => DutyShiftModel)
  shift!: DutyShiftModel;

  @Field({
    description:
      'NO_POOL, ALL_UNAVAILABLE, NO_ELIGIBLE_PERSON (generation), or the change that emptied it (OVERRIDE, PERSON_UNAVAILABLE, ...).',
  })
  reason!: string;

  @Field({ description: 'Chinese, then English.' })
  message!: string;
}

@ObjectType('DutyCounts', { description: 'Shift counts: all, on weekends, on holidays (a shift counts by the date it starts).' })
export class DutyCountsModel {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  weekend!: number;

  @Field(() => Int)
  holiday!: number;
}

@ObjectType('DutyTally', { description: "A person's shift counts in the range asked, and over all time." })
export class DutyTallyModel {
  @Field(() => DutyPersonModel)
  person!: DutyPersonModel;

  @Field(() => DutyCountsModel, { description: 'In the range asked (all time when none is given).' })
  range!: DutyCountsModel;

  @Field(() => DutyCountsModel)
  allTime!: DutyCountsModel;
}

@ObjectType('DutyGeneration', { description: 'What generateDutyRoster wrote: DRAFT months, their gaps, and the counts after them.' })
export class DutyGenerationModel {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => [DutyRosterPeriodModel])
  periods!: DutyRosterPeriodModel[];

  @Field(() => Int, { description: 'Seats written (filled and empty).' })
  shiftCount!: number;

  @Field(() => [DutyGapModel])
  gaps!: DutyGapModel[];

  @Field(() => [DutyTallyModel], { description: 'Pool members’ counts over the generated range and over all time.' })
  tallies!: DutyTallyModel[];
}

@ObjectType('DutyDay', { description: 'A date as the holiday calendars classify it.' })
export class DutyDayModel {
  @Field()
  date!: string;

  @Field(() => DutyDayKind)
  kind!: DutyDayKind;

  @Field(() => String, { nullable: true })
  holiday!: string | null;

  @Field(() => String, { nullable: true, description: 'On a 调休 working day, the holiday it is worked for.' })
  adjustedFor!: string | null;
}

@ObjectType('DutyRoster', { description: 'The roster view of a range: its days, posts, shifts, months, and warnings.' })
export class DutyRosterModel {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => [DutyDayModel])
  days!: DutyDayModel[];

  @Field(() => [DutyPostModel])
  posts!: DutyPostModel[];

  @Field(() => [DutyShiftModel])
  shifts!: DutyShiftModel[];

  @Field(() => [DutyRosterPeriodModel])
  periods!: DutyRosterPeriodModel[];

  @Field(() => [Int], { description: 'Years in the range with no holiday calendar loaded.' })
  missingYears!: number[];

  @Field(() => [String], { description: 'Chinese, then English: e.g. a year with no holiday calendar.' })
  warnings!: string[];
}

@ObjectType('HolidayRange')
export class HolidayRangeModel {
  @Field()
  name!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;
}

@ObjectType('AdjustedWorkday', { description: '调休: a Saturday or Sunday worked for a holiday.' })
export class AdjustedWorkdayModel {
  @Field()
  date!: string;

  @Field({ description: 'The holiday it is worked for.' })
  for!: string;
}

@ObjectType('HolidayCalendar', { description: "One year's statutory holidays and adjusted working days (data, loaded from a file)." })
export class HolidayCalendarModel {
  @Field(() => Int)
  year!: number;

  @Field()
  source!: string;

  @Field()
  loadedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Null when seeded from the calendar shipped with the service.' })
  loadedById!: string | null;

  @Field(() => [HolidayRangeModel])
  holidays!: HolidayRangeModel[];

  @Field(() => [AdjustedWorkdayModel])
  adjustedWorkdays!: AdjustedWorkdayModel[];
}

@ObjectType('DutySwapRequest', { description: 'A swap asked by one person of another of the same post.' })
export class DutySwapRequestModel {
  @Field(() => ID)
  id!: string;

  @Field(() => DutySwapStatus)
  status!: DutySwapStatus;

  @Field()
  note!: string;

  @Field(() => DutyShiftModel, { description: "The requester's shift." })
  fromShift!: DutyShiftModel;

  @Field(() => DutyShiftModel, { description: "The other person's shift." })
  toShift!: DutyShiftModel;

  @Field(() => DutyPersonModel)
  requester!: DutyPersonModel;

  @Field(() => DutyPersonModel)
  counterpart!: DutyPersonModel;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

@ObjectType('DutyUnavailability', { description: 'Dates a person cannot be on duty (leave, a trip), both ends included.' })
export class DutyUnavailabilityModel {
  @Field(() => ID)
  id!: string;

  @Field(() => DutyPersonModel)
  person!: DutyPersonModel;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  reason!: string;

  @Field(() => [DutyShiftModel], { description: 'Their seats this emptied (now gaps).' })
  emptiedShifts!: DutyShiftModel[];
}

@ObjectType('DutySwapResult', { description: 'The two shifts after a swap or its undo, and the history entries written.' })
export class DutySwapResultModel {
  @Field(() => [DutyShiftModel])
  shifts!: DutyShiftModel[];

  @Field(() => [DutyShiftChangeModel])
  changes!: DutyShiftChangeModel[];
}
