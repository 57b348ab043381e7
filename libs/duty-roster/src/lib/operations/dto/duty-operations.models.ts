import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('DutyCheckIn', { description: 'A duty check-in (签到) at the start of a shift.' })
export class DutyCheckInModel {
  @Field(() => ID, { description: 'The seat checked in to (a shift of one post, as `dutyShifts` lists it).' })
  shiftId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  checkedInAt!: Date;

  @Field({ description: 'More than 15 minutes after the shift started (the coordinators were alerted by then).' })
  late!: boolean;

  @Field()
  shiftStartsAt!: Date;

  @Field()
  shiftEndsAt!: Date;
}

@ObjectType('DutyHandoverItem', { description: 'An open item of a handover log: carried over to every next shift until closed.' })
export class DutyHandoverItemModel {
  @Field(() => ID)
  id!: string;

  @Field()
  text!: string;

  @Field(() => ID, { description: 'The shift whose handover opened it.' })
  openedInShiftId!: string;

  @Field({ description: 'The date of that shift (YYYY-MM-DD, the day it starts).' })
  openedOnDate!: string;

  @Field()
  openedAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who closed it.' })
  closedByName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The shift whose handover it was closed in, when the closer was on duty.' })
  closedInShiftId!: string | null;

  @Field()
  closeNote!: string;
}

@ObjectType('DutyHandover', { description: '交接班记录: what the outgoing officer records at the end of a shift.' })
export class DutyHandoverModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  shiftId!: string;

  @Field({ description: 'The date the shift starts (YYYY-MM-DD).' })
  date!: string;

  @Field()
  postName!: string;

  @Field({ description: 'What happened during the shift.' })
  summary!: string;

  @Field({ description: 'Calls received and made.' })
  calls!: string;

  @Field()
  writtenByName!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field({ description: 'Until when it can still be added to: an hour after the shift ends.' })
  editableUntil!: Date;

  @Field(() => [DutyHandoverItemModel], { description: 'Items this handover opened, open or closed since.' })
  items!: DutyHandoverItemModel[];

  @Field(() => [DutyHandoverItemModel], { description: 'Earlier items closed during this shift.' })
  closedItems!: DutyHandoverItemModel[];
}

@ObjectType('DutyContact', { description: 'A duty person’s contact number, printed on the monthly roster.' })
export class DutyContactModel {
  @Field(() => ID)
  personId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}
