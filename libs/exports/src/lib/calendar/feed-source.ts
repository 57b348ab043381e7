import type { CalendarFeed, CalendarFeedScope } from '@siban/db';
import type { ICalEvent } from './ical';

/** What a feed is of: LEADER and OFFICE (weekly plans) now; a capability adds its own. */
export type FeedKind = CalendarFeedScope;

/** A stored feed, as a source reads it. */
export type FeedRecord = CalendarFeed;

/**
 * Who asks for a feed, or whose rights a feed shows at render time (its owner). The signed-in
 * user fits as it is; this lib does not know users, the caller hands them in.
 */
export interface FeedRequester {
  id: string;
  roles: string[];
  officeCode: string;
  leaderId: string | null;
}

/** What a feed follows; which fields a kind needs is its source's business. */
export interface FeedTarget {
  leaderId: string | null;
  officeCode: string | null;
}

export interface FeedCalendar {
  /** X-WR-CALNAME, e.g. "王建国工作安排". */
  name: string;
  events: ICalEvent[];
}

/**
 * A capability's contribution to calendar feeds: it decides who may subscribe to what, and
 * supplies the events. Registered with `FeedRegistry` when the capability's module starts.
 */
export interface FeedSource {
  readonly kind: FeedKind;
  /**
   * Throws a domain error when the target is malformed, does not exist, or is not the
   * requester's to follow; returns the target as it is to be stored.
   */
  authorize(requester: FeedRequester, target: FeedTarget): Promise<FeedTarget>;
  /** The calendar as the feed's owner may see it at `now`. */
  calendar(feed: FeedRecord, owner: FeedRequester, now: Date): Promise<FeedCalendar>;
}
