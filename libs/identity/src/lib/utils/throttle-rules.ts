import { LoginLimits } from '@siban/config';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * How one sign-in counter slows attempts down. The first `free - 1` attempts follow each other
 * freely; after attempt `free + i` the next one must wait `delaysMs[i]` (the last entry repeats).
 * A counter that stayed quiet for `forgetAfterMs` starts again from one.
 */
export interface ThrottleRule {
  free: number;
  delaysMs: number[];
  forgetAfterMs: number;
}

/** The wait that follows attempt number `attempt` (1-based) under `rule`. */
export function delayAfter(rule: ThrottleRule, attempt: number): number {
  if (attempt < rule.free) return 0;
  return rule.delaysMs[Math.min(attempt - rule.free, rule.delaysMs.length - 1)];
}

/** Per client address, whatever the usernames: `ratePerMinute` attempts, then a minute's wait. */
export function addressRule(limits: LoginLimits): ThrottleRule {
  return { free: limits.ratePerMinute, delaysMs: [MINUTE_MS], forgetAfterMs: MINUTE_MS };
}

/** Waits after the free wrong passwords of one account from one address: doubling up to 15 minutes. */
export const PAIR_DELAYS_MS = [1, 2, 4, 8, 15].map((minutes) => minutes * MINUTE_MS);

/**
 * Per (account, address): the person at their own desk is slowed down only by their own typing,
 * never by a stranger's guesses from elsewhere. Cleared by a successful sign-in.
 */
export function pairRule(limits: LoginLimits): ThrottleRule {
  return { free: limits.freeAttempts, delaysMs: PAIR_DELAYS_MS, forgetAfterMs: DAY_MS };
}

/**
 * Per account, from every address together: at the threshold the account is locked (and admins
 * told); once the lock has run out, each further wrong password locks it again, until a quiet day.
 */
export function accountRule(limits: LoginLimits): ThrottleRule {
  const lockMs = limits.accountLockMinutes * MINUTE_MS;
  // Forgotten only after a quiet day past the lock, so a lock's end is not a fresh start.
  return { free: limits.accountLockThreshold, delaysMs: [lockMs], forgetAfterMs: lockMs + DAY_MS };
}
