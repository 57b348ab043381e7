// Calendar dates ("YYYY-MM-DD", Asia/Shanghai) as day numbers, and the Shanghai wall clock.
//
// Deliberately private and minimal: `@siban/district-time` (Shanghai weeks, days, shifts and
// intervals, being moved out of weekly-plans on another branch) is the shared home for this
// math. Until it lands, the roster's pure core keeps only what it needs here, so it depends on
// nothing in flight. Swap these for district-time's functions once it is merged.

/** A calendar date in Asia/Shanghai, "YYYY-MM-DD". */
export type LocalDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact
// for every date a roster can name.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Whether `value` is a real date written "YYYY-MM-DD" (2026-02-30 is not). */
export function isLocalDate(value: string): boolean {
  return toDayNumber(value) !== undefined;
}

/** Days since 1970-01-01; consecutive dates have consecutive numbers. */
export function dayNumber(date: LocalDate): number {
  const day = toDayNumber(date);
  if (day === undefined) throw new RangeError(`not a date "YYYY-MM-DD": ${date}`);
  return day;
}

function toDayNumber(value: string): number | undefined {
  const match = DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return real ? probe.getTime() / MS_PER_DAY : undefined;
}

export function fromDayNumber(days: number): LocalDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday ... 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const weekday = new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
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
