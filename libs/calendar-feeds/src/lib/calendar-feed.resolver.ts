import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CalendarFeed, CalendarFeedScope } from '@siban/db';
import { CalendarFeedService } from '@siban/exports';
import type { Request } from 'express';
import { ParseIdPipe, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser } from '@siban/identity';
import { CalendarFeedCreatedModel, CalendarFeedModel } from './dto/calendar-feed.model';
import { CreateCalendarFeedInput } from './dto/create-calendar-feed.input';
import { feedKindOf } from './feed-kind';

/**
 * The scheme and host the client used. Express's `req.protocol` and `req.host` read
 * X-Forwarded-Proto / X-Forwarded-Host only from a proxy that `trust proxy` trusts, so a client
 * cannot talk the service into handing out a URL on someone else's host.
 */
export function requestBase(ctx: RequestContext): string {
  const req = ctx.req as Partial<Pick<Request, 'protocol' | 'host'>> | undefined;
  return `${req?.protocol ?? 'http'}://${req?.host ?? 'localhost'}`;
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
    const target = { leaderId: input.leaderId ?? null, officeCode: input.officeCode ?? null };
    return this.feeds.create(user, feedKindOf(input), target, requestBase(ctx));
  }

  @Mutation(() => CalendarFeedModel, { description: 'Ends a feed: its URL stops working.' })
  revokeCalendarFeed(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: string) {
    return this.feeds.revoke(user, id);
  }

  @Query(() => [CalendarFeedModel])
  myCalendarFeeds(@CurrentUser() user: AuthenticatedUser) {
    return this.feeds.list(user.id);
  }

  @ResolveField(() => CalendarFeedScope)
  kind(@Parent() feed: CalendarFeed): CalendarFeedScope {
    return feed.scope;
  }
}
