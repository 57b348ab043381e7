import type { DayClass, DayKind, HolidayCalendar, LocalDate } from '../domain/types';
import { dayNumber, eachDate, isWeekend } from './local-date';

/**
 * What `date` is under the loaded calendars (one per year). A date of a year with no calendar is
 * `NO_CALENDAR`, never guessed from the weekday. Every loaded calendar is consulted, since a
 * holiday may begin in the year before the notice that announces it.
 */
export function classifyDate(date: LocalDate, calendars: readonly HolidayCalendar[]): DayClass {
  const year = Number(date.slice(0, 4));
  const day = dayNumber(date);
  if (!calendars.some((calendar) => calendar.year === year)) return { kind: 'NO_CALENDAR', year };
  for (const calendar of calendars) {
    const holiday = calendar.holidays.find((h) => day >= dayNumber(h.from) && day <= dayNumber(h.to));
    if (holiday) return { kind: 'HOLIDAY', holiday: holiday.name };
  }
  for (const calendar of calendars) {
    const adjusted = calendar.adjustedWorkdays.find((w) => w.date === date);
    if (adjusted) return { kind: 'WORKDAY', adjustedFor: adjusted.for };
  }
  return isWeekend(date) ? { kind: 'WEEKEND' } : { kind: 'WORKDAY', adjustedFor: null };
}

export interface ClassifiedRange {
  /** Each date's kind; dates of years without a calendar are absent. */
  kinds: Map<LocalDate, DayKind>;
  classes: Map<LocalDate, DayClass>;
  /** Years in the range with no calendar loaded, ascending: the roster view warns, generation refuses. */
  missingYears: number[];
}

/** Classifies every date from `from` to `to` (inclusive). */
export function classifyRange(from: LocalDate, to: LocalDate, calendars: readonly HolidayCalendar[]): ClassifiedRange {
  const kinds = new Map<LocalDate, DayKind>();
  const classes = new Map<LocalDate, DayClass>();
  const missing = new Set<number>();
  for (const date of eachDate(from, to)) {
    const dayClass = classifyDate(date, calendars);
    classes.set(date, dayClass);
    if (dayClass.kind === 'NO_CALENDAR') missing.add(dayClass.year);
    else kinds.set(date, dayClass.kind);
  }
  return { kinds, classes, missingYears: [...missing].sort((a, b) => a - b) };
}
