import { localDateOf, weekOf } from '@siban/district-time';
import { DEFAULT_SUBMISSION_RULE, defaultSubmissionDeadline, submissionDeadline } from './submission-deadline';

describe('submission deadlines', () => {
  it('defaults to Friday 17:00 Shanghai of the previous week', () => {
    expect(defaultSubmissionDeadline('2026-W48').toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(localDateOf(defaultSubmissionDeadline('2026-W48'))).toBe('2026-11-20');
    expect(weekOf(defaultSubmissionDeadline('2026-W48'))).toBe('2026-W47');
  });

  it('crosses into the previous year for week 1', () => {
    // 2027-W01 starts on Monday 2027-01-04, so its plans are due on Friday 2027-01-01.
    expect(defaultSubmissionDeadline('2027-W01').toISOString()).toBe('2027-01-01T09:00:00.000Z');
    expect(defaultSubmissionDeadline('2026-W01').toISOString()).toBe('2025-12-26T09:00:00.000Z');
  });

  it('is the default rule applied explicitly', () => {
    expect(DEFAULT_SUBMISSION_RULE).toEqual({ weekdayOffset: -3, time: '17:00' });
    expect(submissionDeadline('2026-W48')).toEqual(defaultSubmissionDeadline('2026-W48'));
  });

  it('follows a custom rule', () => {
    // Thursday 12:00 before the week.
    expect(submissionDeadline('2026-W48', { weekdayOffset: -4, time: '12:00' }).toISOString()).toBe('2026-11-19T04:00:00.000Z');
    // Monday 08:30 of the week itself.
    expect(submissionDeadline('2026-W48', { weekdayOffset: 0, time: '08:30' }).toISOString()).toBe('2026-11-23T00:30:00.000Z');
  });

  it('rejects a malformed rule', () => {
    expect(() => submissionDeadline('2026-W48', { weekdayOffset: -3, time: '5pm' })).toThrow(/Invalid time/);
    expect(() => submissionDeadline('2026-W48', { weekdayOffset: -2.5, time: '17:00' })).toThrow(/integer/);
  });
});
