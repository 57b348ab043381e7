import type { Interval, LocalDate, WallClockWindow, WeekId } from './types';

// China has not observed DST since 1991, so Asia/Shanghai is a fixed UTC+8 for every date this
// system handles. Plain arithmetic on a constant offset is exact, cheap, and does not depend on
// the ICU data or locale of the machine running it.
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_ID_RE = /^(\d{4})-W(\d{2})$/;
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function utcMidnight(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not remap years 0..99 to 1900..1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Days since 1970-01-01 of a local date; throws on anything that is not a real calendar day. */
function dayNumberOf(date: LocalDate): number {
  const m = LOCAL_DATE_RE.exec(date);
  if (!m) throw new Error(`Invalid local date "${date}": expected YYYY-MM-DD`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = utcMidnight(year, month, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`Invalid local date "${date}": no such calendar day`);
  }
  return ms / DAY_MS;
}

function localDateOfDayNumber(n: number): LocalDate {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
function isoDayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

function isoWeekOfDayNumber(n: number): { year: number; week: number } {
  // The ISO year of a week is the calendar year of its Thursday.
  const thursday = n - isoDayIndex(n) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = utcMidnight(year, 1, 1) / DAY_MS;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

function weeksInIsoYear(year: number): number {
  // 28 December always falls in the last ISO week of its year.
  return isoWeekOfDayNumber(utcMidnight(year, 12, 28) / DAY_MS).week;
}

function mondayDayNumber(id: WeekId): number {
  const { year, week } = parseWeekId(id);
  // 4 January is always in week 1.
  const jan4 = utcMidnight(year, 1, 4) / DAY_MS;
  return jan4 - isoDayIndex(jan4) + (week - 1) * 7;
}

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new Error(`Invalid instant: ${String(instant)}`);
  }
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new Error(`${what} must be an integer, got ${n}`);
}

export function parseWeekId(id: string): { year: number; week: number } {
  const m = WEEK_ID_RE.exec(id);
  if (!m) throw new Error(`Invalid week id "${id}": expected YYYY-Www, e.g. "2026-W48"`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  const max = weeksInIsoYear(year);
  if (week < 1 || week > max) {
    throw new Error(`Invalid week id "${id}": ISO year ${year} has weeks W01 to W${pad(max, 2)}`);
  }
  return { year, week };
}

export function isWeekId(value: string): boolean {
  try {
    parseWeekId(value);
    return true;
  } catch {
    return false;
  }
}

export function isLocalDate(value: string): boolean {
  try {
    dayNumberOf(value);
    return true;
  } catch {
    return false;
  }
}

export function weekOfDate(date: LocalDate): WeekId {
  const { year, week } = isoWeekOfDayNumber(dayNumberOf(date));
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

export function localDateOf(instant: Date): LocalDate {
  assertValidInstant(instant);
  return localDateOfDayNumber(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** Shanghai wall-clock time of an instant, "HH:MM". */
export function localTimeOf(instant: Date): string {
  assertValidInstant(instant);
  const msIntoDay = (((instant.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  const minutes = Math.floor(msIntoDay / 60_000);
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

/** Monday = 1 ... Sunday = 7 (ISO 8601). */
export function isoWeekday(date: LocalDate): number {
  return isoDayIndex(dayNumberOf(date)) + 1;
}

export function weekOf(instant: Date): WeekId {
  return weekOfDate(localDateOf(instant));
}

export function addDays(date: LocalDate, n: number): LocalDate {
  assertInteger(n, 'Day offset');
  return localDateOfDayNumber(dayNumberOf(date) + n);
}

export function weekDays(id: WeekId): LocalDate[] {
  const monday = mondayDayNumber(id);
  return Array.from({ length: 7 }, (_, i) => localDateOfDayNumber(monday + i));
}

export function addWeeks(id: WeekId, n: number): WeekId {
  assertInteger(n, 'Week offset');
  return weekOfDate(localDateOfDayNumber(mondayDayNumber(id) + n * 7));
}

/** The UTC instant at which Shanghai wall clocks show `hhmm` on `date`. */
export function localTimeToInstant(date: LocalDate, hhmm: string): Date {
  const m = HHMM_RE.exec(hhmm);
  if (!m) throw new Error(`Invalid time "${hhmm}": expected HH:MM between 00:00 and 23:59`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return new Date(dayNumberOf(date) * DAY_MS + minutes * 60_000 - SHANGHAI_OFFSET_MS);
}

/** The instant a district day begins (00:00 in Shanghai). */
export function startOfDistrictDay(date: LocalDate): Date {
  return localTimeToInstant(date, '00:00');
}

/** A whole district day, [00:00, next day 00:00). */
export function dayInterval(date: LocalDate): Interval {
  return { start: startOfDistrictDay(date), end: startOfDistrictDay(addDays(date, 1)) };
}

/** A whole ISO week, Monday 00:00 to the next Monday 00:00. */
export function weekInterval(id: WeekId): Interval {
  const days = weekDays(id);
  return { start: startOfDistrictDay(days[0]), end: startOfDistrictDay(addDays(days[6], 1)) };
}

/**
 * Wall-clock bounds on a date as instants. "24:00" ends at the next midnight, and an end at or
 * before the start ends on the next day, as an 08:30 to 08:30 duty shift does.
 */
export function windowOn(date: LocalDate, window: WallClockWindow): Interval {
  const start = localTimeToInstant(date, window.start);
  if (window.end === '24:00') return { start, end: startOfDistrictDay(addDays(date, 1)) };
  const sameDayEnd = localTimeToInstant(date, window.end);
  return { start, end: sameDayEnd.getTime() > start.getTime() ? sameDayEnd : localTimeToInstant(addDays(date, 1), window.end) };
}
