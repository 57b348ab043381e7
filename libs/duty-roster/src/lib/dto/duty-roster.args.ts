import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsDistrictDate } from '@siban/graphql-core';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

const MONTH = /^(20\d{2}|2100)-(0[1-9]|1[0-2])$/;
const MONTH_RULE = '月份应为 2000–2100 年间的 YYYY-MM，如 2026-10 / must be a month YYYY-MM between 2000 and 2100, e.g. 2026-10';

@ArgsType()
export class DutyRangeArgs {
  @Field({ description: 'First date, "YYYY-MM-DD" (Asia/Shanghai).' })
  @IsDistrictDate()
  from!: string;

  @Field({ description: 'Last date, included.' })
  @IsDistrictDate()
  to!: string;
}

@ArgsType()
export class OptionalDutyRangeArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsDistrictDate()
  from?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsDistrictDate()
  to?: string;
}

@ArgsType()
export class DutyShiftsArgs extends DutyRangeArgs {
  @Field({ nullable: true, description: 'Only shifts held by people of this office.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  officeCode?: string;

  @Field(() => ID, { nullable: true, description: "Only this person's shifts (a leader's or a user's id)." })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

@ArgsType()
export class DutyMonthArgs {
  @Field({ description: '"YYYY-MM".' })
  @Matches(MONTH, { message: MONTH_RULE })
  month!: string;
}

@ArgsType()
export class LoadHolidayCalendarArgs {
  @Field({ description: 'The calendar file as text (JSON; the format is in the README, "Duty roster").' })
  @IsString()
  @MinLength(2)
  json!: string;
}

@ArgsType()
export class SetDutyPoolArgs {
  @Field(() => ID)
  @IsUUID()
  postId!: string;

  @Field(() => [ID], { description: 'Leader ids (a LEADER post) or user ids (a STAFF post), in rotation order.' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  personIds!: string[];
}

@ArgsType()
export class ShiftIdArgs {
  @Field(() => ID)
  @IsUUID()
  shiftId!: string;
}

@ArgsType()
export class RequestDutySwapArgs {
  @Field(() => ID, { description: 'The shift you hold.' })
  @IsUUID()
  myShiftId!: string;

  @Field(() => ID, { description: 'The shift of the person you ask (same post).' })
  @IsUUID()
  otherShiftId!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(500)
  note: string = '';
}

@ArgsType()
export class RespondDutySwapArgs {
  @Field(() => ID)
  @IsUUID()
  requestId!: string;

  @Field({ description: 'True to accept, false to decline.' })
  @IsBoolean()
  accept!: boolean;
}

@ArgsType()
export class ApproveDutySwapArgs {
  @Field(() => ID)
  @IsUUID()
  requestId!: string;

  @Field({ description: 'True to approve (the shifts are swapped), false to reject.' })
  @IsBoolean()
  approve!: boolean;
}

@ArgsType()
export class SwapDutyShiftsArgs {
  @Field(() => ID)
  @IsUUID()
  shiftId!: string;

  @Field(() => ID)
  @IsUUID()
  otherShiftId!: string;

  @Field({ defaultValue: '', description: 'Why (kept in the history).' })
  @IsString()
  @MaxLength(500)
  reason: string = '';
}

@ArgsType()
export class UndoDutySwapArgs {
  @Field(() => ID, { description: 'The SWAP entry of either shift’s history.' })
  @IsUUID()
  changeId!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(500)
  reason: string = '';
}

@ArgsType()
export class OverrideDutyShiftArgs {
  @Field(() => ID)
  @IsUUID()
  shiftId!: string;

  @Field(() => ID, { nullable: true, description: "Who takes the seat (a leader's or user's id); null empties it." })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field({ description: 'Required: why the rotation is overridden.' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

@ArgsType()
export class DeclareDutyUnavailabilityArgs extends DutyRangeArgs {
  @Field(() => ID, { description: "A leader's or user's id." })
  @IsUUID()
  personId!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

@ArgsType()
export class DutySwapRequestsArgs {
  @Field({ defaultValue: true, description: 'Only requests still open (REQUESTED or ACCEPTED).' })
  @IsBoolean()
  open: boolean = true;
}
