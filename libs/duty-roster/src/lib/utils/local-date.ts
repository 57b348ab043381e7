// Calendar dates as day numbers, and the Shanghai wall clock as minutes: what the roster's pure
// core compares millions of times when it generates a year. Dates, weekdays and adding days are
// `@siban/district-time`'s (re-exported here so the core imports one module); district-time keeps
// its day numbers private, so the few lines of day arithmetic the generator leans on stay here.
import { isoWeekday, SHANGHAI_OFFSET_MS } from '@siban/district-time';
import type { LocalDate } from '@siban/district-time';

export { addDays, isLocalDate, isoWeekday } from '@siban/district-time';
export type { LocalDate } from '@siban/district-time';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01; consecutive dates have consecutive numbers. Throws for anything but a real date. */
export function dayNumber(date: LocalDate): number {
  const match = DATE_PATTERN.exec(date);
  const probe = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !probe || probe.toISOString().slice(0, 10) !== date) throw new RangeError(`not a date "YYYY-MM-DD": ${date}`);
  return probe.getTime() / MS_PER_DAY;
}

export function fromDayNumber(days: number): LocalDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

/** Every date from `from` to `to`, both included (none when `to` is before `from`). */
export function eachDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const dates: LocalDate[] = [];
  for (let day = first; day <= last; day++) dates.push(fromDayNumber(day));
  return dates;
}

/** The instant of minute `minuteOfDay` (0 = midnight) of a Shanghai date; may run into later days. */
export function shanghaiInstant(date: LocalDate, minuteOfDay: number): Date {
  return new Date(dayNumber(date) * MS_PER_DAY + minuteOfDay * 60_000 - SHANGHAI_OFFSET_MS);
}

/** The Shanghai day number and minute of the day (with fractions) of an instant. */
export function shanghaiWallClock(at: Date): { day: number; minute: number } {
  const local = at.getTime() + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  return { day, minute: (local - day * MS_PER_DAY) / 60_000 };
}
