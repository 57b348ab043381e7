import { Module } from '@nestjs/common';
import { ExportsModule } from '@siban/exports';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedResolver } from './calendar-feed.resolver';

/**
 * The public face of calendar feeds for every capability: the GraphQL operations and the
 * `/calendar/<secret>.ics` URL. Capabilities add feed kinds by registering a source with
 * @siban/exports' FeedRegistry; nothing here names one.
 */
@Module({
  imports: [ExportsModule],
  providers: [CalendarFeedResolver],
  controllers: [CalendarFeedController],
})
export class CalendarFeedsModule {}
