import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CalendarFeedScope } from '@siban/db';

registerEnumType(CalendarFeedScope, {
  name: 'CalendarFeedKind',
  description:
    'What a calendar feed follows: one leader’s schedule (LEADER), every leader an office handles (OFFICE), or duty shifts (DUTY: the owner’s own, or with leaderId one leader’s).',
});

@ObjectType('CalendarFeed')
export class CalendarFeedModel {
  @Field(() => ID)
  id!: string;

  @Field(() => CalendarFeedScope)
  kind!: CalendarFeedScope;

  @Field(() => ID, { nullable: true })
  leaderId!: string | null;

  @Field(() => String, { nullable: true })
  officeCode!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType('CalendarFeedCreated')
export class CalendarFeedCreatedModel {
  @Field(() => CalendarFeedModel)
  feed!: CalendarFeedModel;

  @Field({ description: 'Shown once: paste into a calendar app. Revoke the feed to end it.' })
  url!: string;
}
