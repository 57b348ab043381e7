import { LoginLimits } from '@siban/config';
import { accountRule, addressRule, delayAfter, pairRule } from './throttle-rules';

const limits: LoginLimits = { ratePerMinute: 30, freeAttempts: 5, accountLockThreshold: 50, accountLockMinutes: 60 };
const minutes = (ms: number) => ms / 60_000;

describe('sign-in throttle rules', () => {
  it('lets the free wrong passwords of one account from one address through, then doubles the wait up to 15 minutes', () => {
    const rule = pairRule(limits);
    expect([1, 2, 3, 4].map((n) => delayAfter(rule, n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 50].map((n) => minutes(delayAfter(rule, n)))).toEqual([1, 2, 4, 8, 15, 15, 15]);
    expect(minutes(rule.forgetAfterMs)).toBe(24 * 60);
  });

  it('locks the account at the threshold, and again after every later attempt until a quiet day past the lock', () => {
    const rule = accountRule(limits);
    expect(delayAfter(rule, 49)).toBe(0);
    expect(minutes(delayAfter(rule, 50))).toBe(60);
    expect(minutes(delayAfter(rule, 51))).toBe(60);
    expect(minutes(rule.forgetAfterMs)).toBe(25 * 60);
  });

  it('allows an address its rate per minute, then one minute of silence that also forgets the count', () => {
    const rule = addressRule(limits);
    expect(delayAfter(rule, 29)).toBe(0);
    expect(minutes(delayAfter(rule, 30))).toBe(1);
    expect(rule.forgetAfterMs).toBe(delayAfter(rule, 30));
  });

  it('follows the configured limits', () => {
    const strict = { ...limits, freeAttempts: 2, accountLockThreshold: 3, accountLockMinutes: 5 };
    expect(delayAfter(pairRule(strict), 1)).toBe(0);
    expect(minutes(delayAfter(pairRule(strict), 2))).toBe(1);
    expect(minutes(delayAfter(accountRule(strict), 3))).toBe(5);
  });
});
