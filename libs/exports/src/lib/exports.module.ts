import { Module } from '@nestjs/common';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { FeedRegistry } from './calendar/feed-registry';

/**
 * Shared export machinery. Capabilities import this module to register their feed sources; one
 * registry serves the whole service because Nest makes each module a singleton.
 */
@Module({
  providers: [FeedRegistry, CalendarFeedService],
  exports: [FeedRegistry, CalendarFeedService],
})
export class ExportsModule {}
