import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseIdPipe, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser } from '@siban/identity';
import { CalendarFeedService } from './calendar-feed.service';
import { CreateCalendarFeedInput } from './dto/plan-entry.input';
import { CalendarFeedCreatedModel, CalendarFeedModel } from './dto/schedule.models';

function requestBase(ctx: RequestContext): string {
  const host = ctx.req?.headers.host;
  return `http://${typeof host === 'string' ? host : 'localhost'}`;
}

@Resolver(() => CalendarFeedModel)
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Mutation(() => CalendarFeedCreatedModel, {
    description: 'A calendar (iCalendar) URL for one leader or one office, showing published revisions.',
  })
  createCalendarFeed(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CreateCalendarFeedInput,
    @Context() ctx: RequestContext,
  ) {
    return this.feeds.create(user, input, requestBase(ctx));
  }

  @Mutation(() => CalendarFeedModel, { description: 'Ends a feed: its URL stops working.' })
  revokeCalendarFeed(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: string) {
    return this.feeds.revoke(user, id);
  }

  @Query(() => [CalendarFeedModel])
  myCalendarFeeds(@CurrentUser() user: AuthenticatedUser) {
    return this.feeds.list(user);
  }
}
