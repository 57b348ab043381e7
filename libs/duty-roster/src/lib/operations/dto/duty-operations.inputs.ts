import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';

@InputType()
export class DutyHandoverItemInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text!: string;
}

@InputType({
  description:
    'The handover log of a shift, written by its holder (or a duty coordinator) from the start of the shift until an hour after it ends. Recording again replaces summary and calls and adds the new items; recorded items are never removed, only closed.',
})
export class RecordDutyHandoverInput {
  @Field(() => ID)
  @IsUUID()
  shiftId!: string;

  @Field({ defaultValue: '', description: 'What happened during the shift.' })
  @IsString()
  @MaxLength(5000)
  summary!: string;

  @Field({ defaultValue: '', description: 'Calls received and made.' })
  @IsString()
  @MaxLength(5000)
  calls!: string;

  @Field(() => [DutyHandoverItemInput], { defaultValue: [], description: 'New open items, carried over until someone closes them.' })
  @ValidateNested({ each: true })
  @Type(() => DutyHandoverItemInput)
  @ArrayMaxSize(50)
  items!: DutyHandoverItemInput[];
}

@InputType()
export class CloseDutyHandoverItemInput {
  @Field(() => ID)
  @IsUUID()
  itemId!: string;

  @Field({ defaultValue: '', description: 'How it was settled.' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}

@InputType()
export class SetDutyContactPhoneInput {
  @Field(() => ID)
  @IsUUID()
  personId!: string;

  @Field(() => String, { nullable: true, description: 'Digits, with an optional leading + and spaces or -; null clears it.' })
  @IsOptional()
  @IsString()
  phone?: string | null;
}
