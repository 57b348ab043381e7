import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NoticeStatus } from '@siban/db';
import { PageArgs, Paginated } from '@siban/graphql-core';
import { IsBoolean, IsOptional } from 'class-validator';

registerEnumType(NoticeStatus, { name: 'NoticeStatus' });

@ObjectType('Notification', { description: 'Something a user has to know: a notice, a reminder, a new revision.' })
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'NOTICE, PLAN_REMINDER, ... (what produced it).' })
  kind!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => ID, { nullable: true })
  noticeId!: string | null;

  @Field(() => String, { nullable: true, description: 'The record it is about, e.g. a weekly plan.' })
  subjectId!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

@ObjectType()
export class NotificationConnection extends Paginated(NotificationModel) {}

@ObjectType('Notice', { description: 'A notice (通知) to the staff of one or more offices.' })
export class NoticeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => [String])
  officeCodes!: string[];

  @Field(() => ID)
  senderId!: string;

  @Field()
  sendAt!: Date;

  @Field(() => NoticeStatus)
  status!: NoticeStatus;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Int, { description: 'How many people it was delivered to (0 until sent).' })
  recipientCount!: number;
}

@ObjectType()
export class NoticeConnection extends Paginated(NoticeModel) {}

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  unreadOnly: boolean = false;
}
