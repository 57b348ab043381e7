import type { LocalDate, QuarterId } from './types';
import { addDays, isLocalDate, isoWeekday } from './week';

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function assertDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new Error(`Invalid local date "${date}": expected a real YYYY-MM-DD day`);
}

/** The quarter a district date falls in, e.g. "2026-Q4". */
export function quarterOf(date: LocalDate): QuarterId {
  assertDate(date);
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** First and last day (inclusive) of a quarter. */
export function quarterDays(id: QuarterId): { first: LocalDate; last: LocalDate } {
  const m = QUARTER_RE.exec(id);
  if (!m) throw new Error(`Invalid quarter "${id}": expected YYYY-Qn, e.g. "2026-Q4"`);
  const [year, quarter] = [Number(m[1]), Number(m[2])];
  const first = `${m[1]}-${pad(quarter * 3 - 2, 2)}-01`;
  const next = quarter === 4 ? `${pad(year + 1, 4)}-01-01` : `${m[1]}-${pad(quarter * 3 + 1, 2)}-01`;
  return { first, last: addDays(next, -1) };
}

/**
 * The public holidays and adjusted working days (调休) of the years in use. The State Council
 * publishes them each December, so they are data handed in by whoever keeps them, never rules.
 */
export interface HolidayCalendar {
  /** Days off that would otherwise be working days (e.g. 国庆节 1 to 7 October). */
  holidays: Iterable<LocalDate>;
  /** Weekend days worked in exchange (调休上班). */
  workdays: Iterable<LocalDate>;
}

/** Whether offices work on a date: Monday to Friday, unless a holiday, plus adjusted weekend days. */
export function isWorkingDay(date: LocalDate, calendar: HolidayCalendar = { holidays: [], workdays: [] }): boolean {
  assertDate(date);
  if ([...calendar.workdays].includes(date)) return true;
  if ([...calendar.holidays].includes(date)) return false;
  return isoWeekday(date) <= 5;
}
