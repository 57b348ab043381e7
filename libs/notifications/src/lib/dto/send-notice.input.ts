import { Field, InputType } from '@nestjs/graphql';
import { OFFICE_CODES } from '@siban/identity';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsDate, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

@InputType()
export class SendNoticeInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body!: string;

  @Field(() => [String], { description: 'Offices whose active staff receive it.' })
  @IsIn(OFFICE_CODES, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  officeCodes!: string[];

  @Field({ nullable: true, description: 'Deliver at this instant (UTC); now when omitted or past.' })
  @IsOptional()
  @IsDate()
  sendAt?: Date;
}
