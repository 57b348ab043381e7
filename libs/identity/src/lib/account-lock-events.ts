import { Injectable, Logger } from '@nestjs/common';
import { PrismaService, PrismaTx } from '@siban/db';

export interface AccountLockedEvent {
  userId: string;
  username: string;
  displayName: string;
  lockedUntil: Date;
  /** Wrong passwords counted from all addresses. */
  attempts: number;
  /** The address of the guess that reached the threshold. */
  address: string;
}

/**
 * Told when an account is locked, inside a transaction: write what must not be lost with `tx`
 * (a notification row) and return what to do once it has committed (publishing the event).
 */
export type AccountLockedListener = (tx: PrismaTx, event: AccountLockedEvent) => Promise<(() => Promise<void>) | void>;

/**
 * Where libs above identity (notifications) hook into account locks: identity sits below them and
 * cannot import them, so they register a listener at module init.
 */
@Injectable()
export class AccountLockEvents {
  private readonly logger = new Logger(AccountLockEvents.name);
  private readonly listeners: AccountLockedListener[] = [];

  constructor(private readonly prisma: PrismaService) {}

  onAccountLocked(listener: AccountLockedListener): void {
    this.listeners.push(listener);
  }

  async emit(event: AccountLockedEvent): Promise<void> {
    this.logger.warn(
      { userId: event.userId, address: event.address, lockedUntil: event.lockedUntil },
      'account locked after wrong passwords',
    );
    // Every listener's rows commit together, or none do.
    const afterCommit = await this.prisma.$transaction(async (tx) => {
      const done: (() => Promise<void>)[] = [];
      for (const listener of this.listeners) {
        const then = await listener(tx, event);
        if (then) done.push(then);
      }
      return done;
    });
    await Promise.all(afterCommit.map((then) => then()));
  }
}
