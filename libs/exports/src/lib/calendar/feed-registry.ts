import { Injectable } from '@nestjs/common';
import { CalendarFeedErrors } from './calendar-feed.errors';
import type { FeedKind, FeedSource } from './feed-source';

/** The feed sources of the running service, one per kind. */
@Injectable()
export class FeedRegistry {
  private readonly sources = new Map<FeedKind, FeedSource>();

  register(source: FeedSource): void {
    // Two capabilities claiming one kind would silently serve each other's feeds.
    if (this.sources.has(source.kind)) throw new Error(`A calendar feed source for ${source.kind} is already registered`);
    this.sources.set(source.kind, source);
  }

  /** The source of a kind, or a BAD_USER_INPUT error naming `field` when none is registered. */
  source(kind: FeedKind, field = 'kind'): FeedSource {
    const source = this.sources.get(kind);
    if (!source) throw CalendarFeedErrors.unknownKind(kind, field);
    return source;
  }

  kinds(): FeedKind[] {
    return [...this.sources.keys()];
  }
}
