import { Args, ArgsType, Context, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { PageArgs, ParseIdPipe, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser, Roles } from '@siban/identity';
import { EventBus } from '@siban/pubsub';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { MyNotificationsArgs, NoticeConnection, NoticeModel, NotificationConnection, NotificationModel } from './dto/notification.model';
import { SendNoticeInput } from './dto/send-notice.input';
import { NotificationService, userChannel } from './notification.service';

@ArgsType()
class MarkReadArgs {
  @Field(() => [ID], { nullable: true, description: 'Omit to mark all your notifications read.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(500)
  ids?: string[];
}

@Resolver(() => NotificationModel)
export class NotificationResolver {
  constructor(
    private readonly notifications: NotificationService,
    private readonly bus: EventBus,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  myNotifications(@CurrentUser() user: AuthenticatedUser, @Args() args: MyNotificationsArgs) {
    return this.notifications.listFor(user.id, args);
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentUser() user: AuthenticatedUser) {
    return this.notifications.unreadCount(user.id);
  }

  @Mutation(() => Int, { description: 'Marks your notifications read; returns how many changed.' })
  markNotificationsRead(@CurrentUser() user: AuthenticatedUser, @Args() args: MarkReadArgs) {
    return this.notifications.markRead(user.id, args.ids);
  }

  @Subscription(() => NotificationModel, { description: 'Each new notification for you, as it is created.' })
  notificationAdded(@CurrentUser() user: AuthenticatedUser) {
    return this.bus.subscribe(userChannel(user.id));
  }
}

@Resolver(() => NoticeModel)
export class NoticeResolver {
  constructor(private readonly notifications: NotificationService) {}

  @Roles(Role.DIRECTOR, Role.ADMIN)
  @Mutation(() => NoticeModel, { description: 'Sends a notice (通知) to offices now, or schedules it.' })
  sendNotice(@CurrentUser() user: AuthenticatedUser, @Args('input') input: SendNoticeInput) {
    return this.notifications.sendNotice(user, input);
  }

  @Roles(Role.DIRECTOR, Role.ADMIN)
  @Mutation(() => NoticeModel, {
    description: "Cancels a scheduled notice that has not gone out: a director their own office's, an admin any.",
  })
  cancelNotice(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: string) {
    return this.notifications.cancelNotice(user, id);
  }

  @Roles(Role.DIRECTOR, Role.ADMIN)
  @Query(() => NoticeConnection, { description: "Notices, newest first: a director's own office's, or every office's for an admin." })
  notices(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs) {
    return this.notifications.listNotices(user, args);
  }

  @ResolveField(() => Int)
  recipientCount(@Parent() notice: NoticeModel, @Context() ctx: RequestContext) {
    return ctx.loaders.get<string, number>('noticeRecipientCount', (ids) => this.notifications.recipientCounts(ids)).load(notice.id);
  }
}
