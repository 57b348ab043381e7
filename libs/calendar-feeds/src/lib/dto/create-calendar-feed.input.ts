import { Field, ID, InputType } from '@nestjs/graphql';
import { CalendarFeedScope } from '@siban/db';
import { OFFICE_CODES } from '@siban/identity';
import { IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';

@InputType()
export class CreateCalendarFeedInput {
  @Field(() => CalendarFeedScope, {
    nullable: true,
    description: 'Without a kind: LEADER when only leaderId is given, OFFICE when only officeCode is.',
  })
  @IsOptional()
  @IsEnum(CalendarFeedScope)
  kind?: CalendarFeedScope;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  leaderId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(OFFICE_CODES)
  officeCode?: string;
}
