import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Confidentiality, EntryKind, HalfDay, LeaderBody } from '@siban/db';
import { IsDistrictDate, IsIsoWeek } from '@siban/graphql-core';
import { OFFICE_CODES } from '@siban/identity';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

registerEnumType(HalfDay, {
  name: 'HalfDay',
  description:
    'A half-day of the printed week. The district sets their bounds (setting HALF_DAY_BOUNDS; by default 08:00–12:00, 14:00–18:00, 19:00–22:00 Shanghai time): a slot entry takes up its half-day, and in `ScheduleDay.slots` each row runs to the end of its half-day, the gaps going to the half-day after (上午 until 12:00, 下午 until 18:00, 晚上 until midnight).',
  valuesMap: { MORNING: { description: '上午' }, AFTERNOON: { description: '下午' }, EVENING: { description: '晚上' } },
});
registerEnumType(EntryKind, {
  name: 'EntryKind',
  valuesMap: {
    MEETING: { description: '会议' },
    INSPECTION: { description: '调研 / inspection' },
    RECEPTION: { description: '接待' },
    CONFERENCE: { description: '大会、论坛' },
    TRIP: { description: '出区 / trip out of the district' },
    LEAVE: { description: '请假 / leave' },
    OTHER: { description: '其他' },
  },
});
registerEnumType(Confidentiality, {
  name: 'Confidentiality',
  valuesMap: {
    OPEN: { description: 'Visible to all four offices.' },
    RESTRICTED: { description: "Coordinators and the leader's own office only; others see a busy block." },
  },
});

@InputType({
  description:
    'One row of a weekly plan. Timing is one of: a half-day `slot` on `date` (one half-day of one day, no `endDate`); exact `startAt`+`endAt` (starting on `date`, ending by 06:00 the next day at the latest); or neither: whole days from `date` to `endDate`.',
})
export class PlanEntryInput {
  @Field(() => ID, {
    nullable: true,
    description: 'In saveWeeklyPlan: keep this existing entry (so revisions show it as changed, not replaced).',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field({ description: 'District-local date, YYYY-MM-DD, inside the plan’s week.' })
  @IsDistrictDate()
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day of a whole-day entry over several days, e.g. a trip or leave (inclusive). Not with a slot or exact times.',
  })
  @IsOptional()
  @IsDistrictDate()
  endDate?: string | null;

  @Field(() => HalfDay, { nullable: true, description: 'A half-day of `date`; then no `endDate` and no exact times.' })
  @IsOptional()
  @IsEnum(HalfDay)
  slot?: HalfDay | null;

  @Field(() => Date, { nullable: true, description: 'Exact start, on `date` (Shanghai time); with `endAt`.' })
  @IsOptional()
  @IsDate()
  startAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Exact end, after `startAt` and no later than 06:00 on the day after `date`. A meeting running past midnight shows in the evening of `date` only.',
  })
  @IsOptional()
  @IsDate()
  endAt?: Date | null;

  @Field(() => EntryKind)
  @IsEnum(EntryKind)
  kind!: EntryKind;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(200)
  place: string = '';

  @Field(() => String, {
    nullable: true,
    description:
      'The office leading the event: PARTY, CONGRESS, GOVERNMENT, CPPCC or RECEPTION. Default: the office handling the leader’s plans.',
  })
  @IsOptional()
  @IsIn(OFFICE_CODES)
  leadOfficeCode?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Other leaders attending (a joint event).' })
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(40)
  attendeeLeaderIds: string[] = [];

  @Field(() => Confidentiality, { defaultValue: 'OPEN' })
  @IsEnum(Confidentiality)
  confidentiality: Confidentiality = 'OPEN';

  @Field(() => LeaderBody, { nullable: true, description: 'For a plenary or standing-committee session: the body holding it.' })
  @IsOptional()
  @IsEnum(LeaderBody)
  sessionOf?: LeaderBody | null;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(1000)
  note: string = '';
}

@InputType()
export class PlanRefInput {
  @Field(() => ID)
  @IsUUID()
  leaderId!: string;

  @Field({ description: 'ISO week in Asia/Shanghai, e.g. 2026-W48.' })
  @IsIsoWeek()
  week!: string;
}

@InputType()
export class SaveWeeklyPlanInput extends PlanRefInput {
  @Field(() => [PlanEntryInput], { description: 'The whole week: entries not listed are removed.' })
  @ValidateNested({ each: true })
  @Type(() => PlanEntryInput)
  @ArrayMaxSize(150)
  entries!: PlanEntryInput[];

  @Field(() => Int, { nullable: true, description: 'The version you loaded; a newer one on the server makes the save fail.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

@InputType()
export class AddPlanEntryInput extends PlanRefInput {
  @Field(() => PlanEntryInput)
  @ValidateNested()
  @Type(() => PlanEntryInput)
  entry!: PlanEntryInput;
}

@InputType()
export class UpdatePlanEntryInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => PlanEntryInput)
  @ValidateNested()
  @Type(() => PlanEntryInput)
  entry!: PlanEntryInput;
}

@InputType()
export class CopyPreviousWeekInput extends PlanRefInput {
  @Field({ defaultValue: false, description: 'Overwrite entries already in the target week.' })
  @IsBoolean()
  replace: boolean = false;
}

@InputType()
export class ConflictAcknowledgementInput {
  @Field({ description: 'The conflict’s key, from mergedSchedule.conflicts.' })
  @IsString()
  @MaxLength(2000)
  conflictKey!: string;

  @Field({ description: 'Why publishing with it is acceptable (e.g. 已与两办确认).' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  note!: string;
}

@InputType()
export class PublishScheduleInput {
  @Field()
  @IsIsoWeek()
  week!: string;

  @Field(() => [ConflictAcknowledgementInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ConflictAcknowledgementInput)
  @ArrayMaxSize(500)
  acknowledgements: ConflictAcknowledgementInput[] = [];

  @Field({ defaultValue: '', description: 'A note for every office, e.g. what changed.' })
  @IsString()
  @MaxLength(1000)
  note: string = '';
}

@InputType()
export class SetPlanDeadlineInput {
  @Field()
  @IsIsoWeek()
  week!: string;

  @Field()
  @IsDate()
  deadline!: Date;
}
