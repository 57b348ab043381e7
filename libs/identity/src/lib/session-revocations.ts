import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus } from '@siban/pubsub';

export const SESSIONS_REVOKED_CHANNEL = 'sessions:revoked';

/** A user's sessions signed before `tokenVersion` have ended (deactivation, role or password change). */
export interface SessionsRevoked {
  userId: string;
  tokenVersion: number;
}

interface Watch {
  tokenVersion: number;
  onEnd: () => void;
}

/**
 * Ends long-lived sessions (graphql-ws sockets) the moment their user's sessions are revoked, on
 * every instance: a revocation is an event on the bus (Redis when configured), and each instance
 * calls the watches of that user's older sessions. A lost event is caught by the per-event
 * re-check of the socket's user, only later.
 */
@Injectable()
export class SessionRevocations implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionRevocations.name);
  private readonly watches = new Map<string, Set<Watch>>();
  private events?: AsyncIterableIterator<SessionsRevoked>;

  constructor(private readonly bus: EventBus) {}

  onModuleInit(): void {
    this.events = this.bus.subscribe<SessionsRevoked>(SESSIONS_REVOKED_CHANNEL);
    void this.listen(this.events);
  }

  async onModuleDestroy(): Promise<void> {
    await this.events?.return?.();
  }

  /** Announces a revocation; called once the change that bumped the token version has committed. */
  revoked(userId: string, tokenVersion: number): Promise<void> {
    return this.bus.publish<SessionsRevoked>(SESSIONS_REVOKED_CHANNEL, { userId, tokenVersion });
  }

  /**
   * Calls `onEnd` once the sessions of `userId` signed at `tokenVersion` are revoked. Returns the
   * function that stops watching (when the socket closes on its own).
   */
  watch(userId: string, tokenVersion: number, onEnd: () => void): () => void {
    const watch: Watch = { tokenVersion, onEnd };
    const forUser = this.watches.get(userId) ?? new Set<Watch>();
    forUser.add(watch);
    this.watches.set(userId, forUser);
    return () => {
      forUser.delete(watch);
      if (forUser.size === 0 && this.watches.get(userId) === forUser) this.watches.delete(userId);
    };
  }

  private async listen(events: AsyncIterableIterator<SessionsRevoked>): Promise<void> {
    try {
      for await (const event of events) this.end(event);
    } catch (error) {
      this.logger.error({ err: error }, 'session revocations no longer heard: sockets end at their next event');
    }
  }

  private end({ userId, tokenVersion }: SessionsRevoked): void {
    // Sessions signed at the new version (a password change's fresh token) stay.
    for (const watch of [...(this.watches.get(userId) ?? [])]) {
      if (watch.tokenVersion < tokenVersion) watch.onEnd();
    }
  }
}
