import { CalendarFeedErrors, type FeedKind } from '@siban/exports';

/**
 * The kind a request asks for. Requests written before feeds had kinds name one leader or one
 * office and nothing else; those keep working as LEADER and OFFICE feeds.
 */
export function feedKindOf(input: { kind?: FeedKind; leaderId?: string; officeCode?: string }): FeedKind {
  if (input.kind) return input.kind;
  if (input.leaderId && !input.officeCode) return 'LEADER';
  if (input.officeCode && !input.leaderId) return 'OFFICE';
  throw CalendarFeedErrors.feedScope();
}
