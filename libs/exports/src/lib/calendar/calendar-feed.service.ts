import crypto from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { CalendarFeed, PrismaService, Role } from '@siban/db';
import { CalendarFeedErrors } from './calendar-feed.errors';
import { FeedRegistry } from './feed-registry';
import type { FeedCalendar, FeedKind, FeedRequester, FeedTarget } from './feed-source';
import { feedPath, hashFeedToken, newFeedToken } from './feed-token';
import { renderICalendar } from './ical';

/** How often subscribed calendars fetch a feed again: a revision published today shows within the hour. */
export const FEED_REFRESH_INTERVAL = 'PT1H';

export interface RenderedFeed {
  /** The iCalendar text. */
  body: string;
  /**
   * A weak validator of what the calendar says. Every DTSTAMP is a publish time, never the time of
   * rendering, so a client asking again with If-None-Match gets 304 until an event actually changes.
   */
  etag: string;
}

/**
 * Calendar subscriptions at URLs with revocable secrets: one table and one URL scheme for every
 * kind of feed. What a feed shows comes from the source registered for its kind.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly registry: FeedRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new feed owned by the requester; the URL (holding the secret) is returned this once. */
  async create(
    requester: FeedRequester,
    kind: FeedKind,
    target: FeedTarget,
    requestBase: string,
  ): Promise<{ feed: CalendarFeed; url: string }> {
    const allowed = await this.registry.source(kind).authorize(requester, target);
    const token = newFeedToken();
    const feed = await this.prisma.calendarFeed.create({
      data: {
        tokenHash: hashFeedToken(token),
        scope: kind,
        leaderId: allowed.leaderId,
        officeCode: allowed.officeCode,
        ownerId: requester.id,
      },
    });
    return { feed, url: `${this.config.publicUrl ?? requestBase}/${feedPath(token)}` };
  }

  /** Ends a feed; only its owner or an admin may, and to anyone else it does not exist. */
  async revoke(requester: FeedRequester, id: string): Promise<CalendarFeed> {
    const feed = await this.prisma.calendarFeed.findUnique({ where: { id } });
    if (!feed || (feed.ownerId !== requester.id && !requester.roles.includes(Role.ADMIN))) throw CalendarFeedErrors.feedNotFound(id);
    await this.prisma.calendarFeed.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: this.clock.now() } });
    return this.prisma.calendarFeed.findUniqueOrThrow({ where: { id } });
  }

  list(ownerId: string): Promise<CalendarFeed[]> {
    return this.prisma.calendarFeed.findMany({ where: { ownerId }, orderBy: { createdAt: 'desc' } });
  }

  /**
   * The feed's calendar, or undefined for an unknown or revoked secret, or an owner `ownerOf` no
   * longer knows (deactivated): a feed shows what its owner may see now, never more.
   */
  async render(token: string, ownerOf: (ownerId: string) => Promise<FeedRequester | undefined>): Promise<RenderedFeed | undefined> {
    const feed = await this.prisma.calendarFeed.findUnique({ where: { tokenHash: hashFeedToken(token) } });
    if (!feed || feed.revokedAt) return undefined;
    const owner = await ownerOf(feed.ownerId);
    if (!owner) return undefined;
    const now = this.clock.now();
    const calendar = await this.registry.source(feed.scope).calendar(feed, owner, now);
    const description = `${this.config.districtName}四办协同 Siban`;
    return {
      body: renderICalendar({ calendarName: calendar.name, description, refreshInterval: FEED_REFRESH_INTERVAL, events: calendar.events }),
      etag: calendarEtag(calendar, description),
    };
  }
}

export function calendarEtag(calendar: FeedCalendar, description: string): string {
  const digest = crypto
    .createHash('sha256')
    .update(JSON.stringify([calendar.name, description, calendar.events]))
    .digest('base64url');
  return `W/"${digest.slice(0, 27)}"`;
}
