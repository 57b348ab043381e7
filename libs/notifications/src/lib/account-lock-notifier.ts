import { Injectable, OnModuleInit } from '@nestjs/common';
import { DISTRICT_TIME_ZONE } from '@siban/config';
import { Role } from '@siban/db';
import { AccountLockEvents, AccountLockedEvent, IdentityService } from '@siban/identity';
import { NotificationService } from './notification.service';

const districtTime = (instant: Date) => instant.toLocaleString('sv-SE', { timeZone: DISTRICT_TIME_ZONE, hour12: false }).slice(0, 16);

/**
 * Tells every active admin when an account is locked after wrong passwords from many places,
 * someone guessing it. Hooked into identity (which sits below this lib) at start; the
 * notifications are written in the lock's transaction and published once it has committed.
 */
@Injectable()
export class AccountLockNotifier implements OnModuleInit {
  constructor(
    private readonly lockEvents: AccountLockEvents,
    private readonly notifications: NotificationService,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.lockEvents.onAccountLocked(async (tx, event) => {
      const admins = await this.identity.activeUserIds({ role: Role.ADMIN }, tx);
      const rows = await this.notifications.create(tx, admins, accountLockedDraft(event));
      return () => this.notifications.publish(rows);
    });
  }
}

function accountLockedDraft(event: AccountLockedEvent) {
  const until = districtTime(event.lockedUntil);
  return {
    kind: 'ACCOUNT_LOCKED',
    title: `账号已锁定：${event.displayName}（${event.username}） / Account locked: ${event.username}`,
    body:
      `${event.attempts} 次密码错误（最后一次来自 ${event.address}），账号锁定至 ${until}；如非本人所为，请核实并重置密码。` +
      ` / ${event.attempts} wrong passwords (the last from ${event.address}); locked until ${until} (Beijing time). If it was not the user, check and reset the password.`,
    subjectId: event.userId,
  };
}
