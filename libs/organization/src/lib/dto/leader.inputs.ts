import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { LeaderBody } from '@siban/db';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

@InputType()
export class CreateLeaderInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title!: string;

  @Field(() => LeaderBody)
  @IsEnum(LeaderBody)
  body!: LeaderBody;

  @Field({ description: 'The office that handles the leader’s plans.' })
  @IsString()
  @MaxLength(20)
  officeCode!: string;

  @Field(() => Int, { nullable: true, description: 'Protocol order, 1 = most senior. Default: after every leader in office.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  rank?: number;

  @Field({ defaultValue: false })
  @IsBoolean()
  isPrincipal!: boolean;
}

@InputType()
export class UpdateLeaderInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title?: string;

  @Field(() => LeaderBody, { nullable: true })
  @IsOptional()
  @IsEnum(LeaderBody)
  body?: LeaderBody;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  officeCode?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  rank?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isPrincipal?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class AssignmentInput {
  @Field(() => ID, { description: 'A user with the SECRETARY role.' })
  @IsUUID()
  userId!: string;

  @Field(() => ID)
  @IsUUID()
  leaderId!: string;
}

@ArgsType()
export class LeadersArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  officeCode?: string;

  @Field(() => LeaderBody, { nullable: true })
  @IsOptional()
  @IsEnum(LeaderBody)
  body?: LeaderBody;

  @Field({ nullable: true, description: 'Include leaders no longer in office.' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}
