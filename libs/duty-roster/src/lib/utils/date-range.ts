import type { LocalDate } from '../domain/types';
import { dayNumber } from './local-date';

/** Months "YYYY-MM" from the month of `from` to that of `to`, both included: the roster periods a range touches. */
export function monthsBetween(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const last = to.slice(0, 7);
  for (let id = from.slice(0, 7); id <= last; id = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(id);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return months;
}

/** The same date a year later; a year after 29 February is 1 March. */
export function yearAfter(date: LocalDate): LocalDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * What is wrong with a range, if anything: it ends before it starts, or (unless `anyLength`) it
 * reaches the same date a year later (2026-01-01 to 2026-12-31 is the longest from New Year).
 */
export function rangeProblem(from: LocalDate, to: LocalDate, anyLength = false): 'REVERSED' | 'TOO_LONG' | undefined {
  if (dayNumber(to) < dayNumber(from)) return 'REVERSED';
  if (!anyLength && to >= yearAfter(from)) return 'TOO_LONG';
  return undefined;
}
