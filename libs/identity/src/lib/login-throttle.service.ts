import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@siban/db';
import { delayAfter, ThrottleRule } from './utils/throttle-rules';

/** Which counter: (username, address), the account alone (address ''), the address alone (username ''). */
export interface ThrottleKey {
  username: string;
  address: string;
}

export type Reservation = { allowed: true; attempt: number; delayMs: number } | { allowed: false; retryAt: Date };

/** Rows quiet for longer than this are deleted now and then; every rule forgets sooner. */
const PURGE_AFTER_MS = 8 * 24 * 3600 * 1000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * Sign-in attempt counters in the database (table LoginThrottle), shared by every instance. An
 * attempt is reserved before the password is hashed, in one conditional upsert: of any number of
 * concurrent guesses, exactly as many as the rule allows find the row open, and each one that
 * passes sets the wait the next must respect. A right password gives its reservation back.
 */
@Injectable()
export class LoginThrottleService {
  private lastPurge = 0;

  constructor(private readonly prisma: PrismaService) {}

  async reserve(key: ThrottleKey, rule: ThrottleRule, now: Date): Promise<Reservation> {
    const forgetBefore = new Date(now.getTime() - rule.forgetAfterMs);
    const attempt = Prisma.sql`(CASE WHEN t."lastAttemptAt" <= ${forgetBefore} THEN 1 ELSE t."attempts" + 1 END)`;
    const delays = Prisma.sql`${rule.delaysMs}::int[]`;
    const waitAfter = (n: Prisma.Sql) =>
      Prisma.sql`(CASE WHEN ${n} < ${rule.free} THEN 0 ELSE (${delays})[LEAST(${n} - ${rule.free}, cardinality(${delays}) - 1) + 1] END)`;
    // Without a wait, the next attempt's time stays as it was (null, or past): concurrent requests
    // read the clock in a different order than they reach the row, and a free attempt must not
    // shut out one that read the clock a moment earlier.
    const nextAfter = (n: Prisma.Sql, otherwise: Prisma.Sql) =>
      Prisma.sql`(CASE WHEN ${waitAfter(n)} = 0 THEN ${otherwise} ELSE ${now}::timestamptz + ${waitAfter(n)} * interval '1 millisecond' END)`;
    const rows = await this.prisma.$queryRaw<{ attempts: number }[]>`
      INSERT INTO "LoginThrottle" AS t ("username", "address", "attempts", "nextAttemptAt", "lastAttemptAt")
      VALUES (${key.username}, ${key.address}, 1, ${nextAfter(Prisma.sql`1`, Prisma.sql`NULL::timestamptz`)}, ${now})
      ON CONFLICT ("username", "address") DO UPDATE SET
        "attempts" = ${attempt},
        "nextAttemptAt" = ${nextAfter(attempt, Prisma.sql`t."nextAttemptAt"`)},
        "lastAttemptAt" = GREATEST(t."lastAttemptAt", ${now})
      WHERE t."nextAttemptAt" IS NULL OR t."nextAttemptAt" <= ${now}
      RETURNING t."attempts"`;
    if (rows.length) {
      const n = Number(rows[0].attempts);
      return { allowed: true, attempt: n, delayMs: delayAfter(rule, n) };
    }
    const row = await this.prisma.loginThrottle.findUnique({ where: { username_address: key }, select: { nextAttemptAt: true } });
    return { allowed: false, retryAt: row?.nextAttemptAt ?? now };
  }

  /**
   * Gives back an attempt that turned out not to be a guess (a right password, or one refused
   * further on). Only a reservation that set a wait can have been the last to pass, so lifting
   * that wait lets nobody past it who should not be.
   */
  async refund(key: ThrottleKey, reservation: { delayMs: number }): Promise<void> {
    await this.prisma.loginThrottle.updateMany({
      where: { ...key, attempts: { gt: 0 } },
      data: { attempts: { decrement: 1 }, ...(reservation.delayMs > 0 ? { nextAttemptAt: null } : {}) },
    });
  }

  /** Forgets one counter (a successful sign-in from this address). */
  async clear(key: ThrottleKey): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: key });
  }

  /** Forgets every counter of a username (an admin's password reset lifts every lock). */
  async clearUsername(username: string): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { username } });
  }

  /** Deletes long-quiet counters, at most every ten minutes per instance (guessed usernames pile up). */
  async purgeStale(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    await this.prisma.loginThrottle.deleteMany({
      where: {
        lastAttemptAt: { lt: new Date(now.getTime() - PURGE_AFTER_MS) },
        OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lt: now } }],
      },
    });
  }
}
