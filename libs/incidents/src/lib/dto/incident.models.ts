import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IncidentCategory, IncidentChannel, IncidentSeverity, IncidentStatus, IncidentTimelineKind } from '@siban/db';
import { Paginated } from '@siban/graphql-core';

registerEnumType(IncidentCategory, {
  name: 'IncidentCategory',
  description: '自然灾害, 事故灾难, 公共卫生, 社会安全, 群体性上访/集访, 其他.',
});
registerEnumType(IncidentSeverity, { name: 'IncidentSeverity', description: '特别重大 I, 重大 II, 较大 III, 一般 IV, or not yet graded.' });
registerEnumType(IncidentStatus, { name: 'IncidentStatus' });
registerEnumType(IncidentChannel, { name: 'IncidentChannel', description: 'How the district learned of it.' });
registerEnumType(IncidentTimelineKind, { name: 'IncidentTimelineKind' });

@ObjectType('Incident', { description: 'A sudden incident (突发事件) as logged by the duty officers.' })
export class IncidentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => IncidentCategory)
  category!: IncidentCategory;

  @Field(() => IncidentSeverity)
  severity!: IncidentSeverity;

  @Field(() => IncidentStatus)
  status!: IncidentStatus;

  @Field()
  place!: string;

  @Field(() => Date, { nullable: true })
  occurredAt!: Date | null;

  @Field(() => Date, { description: 'When the district learned of it: the reporting clocks start here.' })
  learnedAt!: Date;

  @Field()
  reporterName!: string;

  @Field(() => String, { nullable: true })
  reporterPhone!: string | null;

  @Field(() => IncidentChannel, { nullable: true })
  reportedVia!: IncidentChannel | null;

  @Field()
  description!: string;

  @Field()
  casualties!: string;

  @Field()
  losses!: string;

  @Field()
  measures!: string;

  @Field(() => ID)
  createdById!: string;

  @Field({ description: 'Who logged it.' })
  createdByName!: string;

  @Field(() => Int, { description: 'Bumped on every change; pass it to updateIncident to refuse a change over a newer one.' })
  version!: number;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('IncidentTimelineEntry', { description: 'One append-only entry of an incident history: who, when, what.' })
export class IncidentTimelineEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => IncidentTimelineKind)
  kind!: IncidentTimelineKind;

  @Field(() => ID, { nullable: true, description: 'Null for what the service did by itself.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field({ description: 'What happened, as JSON text (e.g. {"changes":{"severity":{"before":"UNKNOWN","after":"III"}}}).' })
  payload!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('IncidentDetail', { description: 'An incident with its history, oldest entry first.' })
export class IncidentDetailModel extends IncidentModel {
  @Field(() => [IncidentTimelineEntryModel])
  timeline!: IncidentTimelineEntryModel[];
}

@ObjectType('IncidentConnection')
export class IncidentConnection extends Paginated(IncidentModel) {}
