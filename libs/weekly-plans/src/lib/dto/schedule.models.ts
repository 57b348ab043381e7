import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Confidentiality, EntryKind, HalfDay, LeaderBody, PlanStatus } from '@siban/db';
import type { ConflictKind } from '../domain/types';

registerEnumType(PlanStatus, { name: 'PlanStatus' });

export enum SubmissionState {
  SUBMITTED = 'SUBMITTED',
  LATE = 'LATE',
  DRAFT = 'DRAFT',
  MISSING = 'MISSING',
}
registerEnumType(SubmissionState, {
  name: 'SubmissionState',
  valuesMap: {
    SUBMITTED: { description: 'Submitted on time.' },
    LATE: { description: 'Submitted after the deadline.' },
    DRAFT: { description: 'Being written, not submitted.' },
    MISSING: { description: 'Nothing entered.' },
  },
});

export enum ConflictKindValue {
  LEADER_DOUBLE_BOOKED = 'LEADER_DOUBLE_BOOKED',
  JOINT_EVENT_MISMATCH = 'JOINT_EVENT_MISMATCH',
  ALL_PRINCIPALS_AWAY = 'ALL_PRINCIPALS_AWAY',
  LEADER_ON_LEAVE = 'LEADER_ON_LEAVE',
  SESSION_CLASH = 'SESSION_CLASH',
}
registerEnumType(ConflictKindValue, { name: 'ConflictKind' });

@ObjectType('PlanEntry', { description: 'One entry of a leader’s plan, as the viewer may see it.' })
export class PlanEntryModel {
  @Field(() => ID)
  id!: string;

  leaderId!: string;

  @Field()
  date!: string;

  @Field(() => String, { nullable: true })
  endDate!: string | null;

  @Field(() => HalfDay, { nullable: true })
  slot!: HalfDay | null;

  @Field(() => Date, { nullable: true })
  startAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endAt!: Date | null;

  @Field(() => EntryKind)
  kind!: EntryKind;

  @Field()
  title!: string;

  @Field()
  place!: string;

  @Field()
  leadOfficeCode!: string;

  attendeeLeaderIds!: string[];

  @Field(() => Confidentiality)
  confidentiality!: Confidentiality;

  @Field(() => LeaderBody, { nullable: true })
  sessionOf!: LeaderBody | null;

  @Field()
  note!: string;

  @Field({ description: 'True when details are hidden from you (a restricted entry): only the time shows.' })
  busy!: boolean;
}

@ObjectType('WeeklyPlan')
export class WeeklyPlanModel {
  @Field(() => ID)
  id!: string;

  leaderId!: string;

  @Field()
  week!: string;

  @Field(() => PlanStatus)
  status!: PlanStatus;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field()
  late!: boolean;

  @Field(() => Int, { description: 'Pass back as expectedVersion to save safely.' })
  version!: number;

  @Field(() => [PlanEntryModel])
  entries!: PlanEntryModel[];
}

@ObjectType('ScheduleEvent', { description: 'One event of the merged schedule; a joint event appears once with all its leaders.' })
export class ScheduleEventModel {
  @Field(() => ID)
  id!: string;

  @Field(() => [ID], { description: 'The plan entries merged into this event.' })
  entryIds!: string[];

  leaderIds!: string[];

  @Field(() => PlanEntryModel)
  entry!: PlanEntryModel;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;
}

@ObjectType('ScheduleSlot')
export class ScheduleSlotModel {
  @Field(() => HalfDay)
  slot!: HalfDay;

  @Field(() => [ScheduleEventModel])
  events!: ScheduleEventModel[];
}

@ObjectType('ScheduleDay')
export class ScheduleDayModel {
  @Field()
  date!: string;

  @Field(() => [ScheduleEventModel], {
    description: 'Whole-day entries covering this day (trips, leave), also from a plan of the week before; they are in every slot too.',
  })
  allDay!: ScheduleEventModel[];

  @Field(() => [ScheduleSlotModel], {
    description:
      '上午, 下午, 晚上: every event taking up part of each. Whole days are in all three; exact times in the half-days they overlap on the day they start.',
  })
  slots!: ScheduleSlotModel[];
}

@ObjectType('ConflictLeader', { description: 'A leader a conflict involves.' })
export class ConflictLeaderModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  title!: string;
}

@ObjectType('ScheduleConflict')
export class ConflictModel {
  @Field(() => ConflictKindValue)
  kind!: ConflictKind;

  @Field({ description: 'Acknowledge it by this key when publishing.' })
  key!: string;

  @Field(() => [ID])
  entryIds!: string[];

  leaderIds!: string[];

  @Field(() => [ConflictLeaderModel], {
    description: 'The leaders it involves, in protocol order (those booked twice, on leave, or every principal leader).',
  })
  leaders!: ConflictLeaderModel[];

  @Field()
  message!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The coordinator’s note: on a published revision; in the working schedule, the note carried over from the latest revision while the conflict’s entries are unchanged.',
  })
  note?: string | null;
}

@ObjectType('EntryChange')
export class EntryChangeModel {
  @Field(() => ID)
  entryId!: string;

  @Field(() => [String], { description: 'Names of the fields that changed.' })
  fields!: string[];

  @Field(() => PlanEntryModel)
  before!: PlanEntryModel;

  @Field(() => PlanEntryModel)
  after!: PlanEntryModel;
}

@ObjectType('ScheduleChanges')
export class ScheduleChangesModel {
  @Field(() => [PlanEntryModel])
  added!: PlanEntryModel[];

  @Field(() => [PlanEntryModel])
  removed!: PlanEntryModel[];

  @Field(() => [EntryChangeModel])
  changed!: EntryChangeModel[];
}

@ObjectType('MergedSchedule')
export class MergedScheduleModel {
  @Field()
  week!: string;

  @Field({ description: 'The submission deadline of this week’s plans.' })
  deadline!: Date;

  @Field(() => [ScheduleDayModel])
  days!: ScheduleDayModel[];

  @Field(() => [ScheduleEventModel], { description: 'Every event of the week, in time order.' })
  events!: ScheduleEventModel[];

  @Field(() => [ConflictModel])
  conflicts!: ConflictModel[];

  @Field(() => Int, { description: '0 before the first publication.' })
  latestRevisionNumber!: number;

  @Field(() => ScheduleChangesModel, { description: 'What publishing now would change (pending since the latest revision).' })
  pendingChanges!: ScheduleChangesModel;
}

@ObjectType('ScheduleRevision')
export class ScheduleRevisionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  week!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  publishedAt!: Date;

  @Field(() => ID)
  publishedById!: string;

  @Field()
  note!: string;

  @Field(() => [ScheduleDayModel])
  days!: ScheduleDayModel[];

  @Field(() => [ScheduleEventModel])
  events!: ScheduleEventModel[];

  @Field(() => ScheduleChangesModel, { description: 'What changed since the previous revision (everything, for revision 1).' })
  changes!: ScheduleChangesModel;

  @Field(() => [ConflictModel], { description: 'Conflicts published with their acknowledgement notes (those you may read).' })
  acknowledgements!: ConflictModel[];
}

@ObjectType('SchedulePublished', { description: 'Sent to every office when a revision is published.' })
export class SchedulePublishedModel {
  @Field()
  week!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  publishedAt!: Date;

  @Field()
  note!: string;

  @Field(() => Int, { description: 'Entries added, counting only what you may see (a busy block counts; hidden details do not).' })
  added!: number;

  @Field(() => Int, { description: 'Entries removed, as you may see them.' })
  removed!: number;

  @Field(() => Int, { description: 'Entries changed, as you may see them: a change to details hidden from you is none.' })
  changed!: number;
}

@ObjectType('PlanSubmission')
export class PlanSubmissionModel {
  leaderId!: string;

  @Field(() => SubmissionState)
  state!: SubmissionState;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => Int)
  entryCount!: number;
}

@ObjectType('PlanSubmissions')
export class PlanSubmissionsModel {
  @Field()
  week!: string;

  @Field()
  deadline!: Date;

  @Field(() => [PlanSubmissionModel])
  leaders!: PlanSubmissionModel[];
}
