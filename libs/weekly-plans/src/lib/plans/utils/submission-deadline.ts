import { addDays, localTimeToInstant, weekDays, type WeekId } from '@siban/district-time';

/** Days relative to Monday of week W, and the Shanghai wall time, at which plans for W are due. */
export interface SubmissionRule {
  weekdayOffset: number;
  time: string;
}

/** Plans for week W are due the Friday before it (Monday - 3 days) at 17:00. */
export const DEFAULT_SUBMISSION_RULE: Readonly<SubmissionRule> = Object.freeze({ weekdayOffset: -3, time: '17:00' });

export function submissionDeadline(id: WeekId, rule: SubmissionRule = DEFAULT_SUBMISSION_RULE): Date {
  if (!Number.isInteger(rule.weekdayOffset)) throw new Error(`Submission weekday offset must be an integer, got ${rule.weekdayOffset}`);
  return localTimeToInstant(addDays(weekDays(id)[0], rule.weekdayOffset), rule.time);
}

export function defaultSubmissionDeadline(id: WeekId): Date {
  return submissionDeadline(id, DEFAULT_SUBMISSION_RULE);
}
