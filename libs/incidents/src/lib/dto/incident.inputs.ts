import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { IncidentCategory, IncidentChannel, IncidentSeverity, IncidentStatus } from '@siban/db';
import { PageArgs } from '@siban/graphql-core';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

@InputType({ description: 'Category, place, time learned and a description are enough at first; the rest can follow.' })
export class LogIncidentInput {
  @Field({ description: 'Chosen by the client once per draft (1–200 printable ASCII): a retry of it creates nothing new.' })
  @IsString()
  @MaxLength(200)
  idempotencyKey!: string;

  @Field(() => IncidentCategory)
  @IsEnum(IncidentCategory)
  category!: IncidentCategory;

  @Field()
  @IsString()
  @MaxLength(500)
  place!: string;

  @Field(() => Date, { description: 'When the district learned of it.' })
  @IsDate()
  learnedAt!: Date;

  @Field()
  @IsString()
  @MaxLength(10_000)
  description!: string;

  @Field(() => IncidentSeverity, { nullable: true, description: 'UNKNOWN (the strictest clocks) until graded.' })
  @IsOptional()
  @IsEnum(IncidentSeverity)
  severity?: IncidentSeverity;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  occurredAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reporterName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  reporterPhone?: string;

  @Field(() => IncidentChannel, { nullable: true })
  @IsOptional()
  @IsEnum(IncidentChannel)
  reportedVia?: IncidentChannel;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  casualties?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  losses?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  measures?: string;
}

@InputType({ description: 'Only the fields given change; each change is recorded with its value before and after.' })
export class IncidentChangesInput extends PartialType(OmitType(LogIncidentInput, ['idempotencyKey', 'category', 'learnedAt'] as const)) {}

@ArgsType()
export class LogIncidentArgs {
  @Field(() => LogIncidentInput)
  @ValidateNested()
  @Type(() => LogIncidentInput)
  input!: LogIncidentInput;
}

@ArgsType()
export class UpdateIncidentArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => IncidentChangesInput)
  @ValidateNested()
  @Type(() => IncidentChangesInput)
  changes!: IncidentChangesInput;

  @Field(() => Int, { nullable: true, description: 'The version you read: refused if the incident has changed since.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

@ArgsType()
export class AddIncidentNoteArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field()
  @IsString()
  @MaxLength(10_000)
  note!: string;
}

@ArgsType()
export class CorrectIncidentEntryArgs {
  @Field(() => ID)
  @IsUUID()
  entryId!: string;

  @Field({ description: 'What was wrong in the entry and what is right.' })
  @IsString()
  @MaxLength(10_000)
  note!: string;
}

@ArgsType()
export class IncidentArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ArgsType()
export class IncidentsArgs extends PageArgs {
  @Field(() => IncidentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(IncidentStatus)
  status?: IncidentStatus;

  @Field(() => Date, { nullable: true, description: 'Only incidents learned of at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Only incidents learned of before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
