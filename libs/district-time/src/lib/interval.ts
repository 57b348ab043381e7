import type { HalfDay, Interval, LocalDate, Timed, WallClockWindow } from './types';
import { addDays, localDateOf, localTimeOf, localTimeToInstant } from './week';

export type HalfDayBounds = Readonly<Record<HalfDay, Readonly<WallClockWindow>>>;

/** The half-days in the order a printed schedule lists them. */
export const HALF_DAYS: readonly HalfDay[] = Object.freeze(['MORNING', 'AFTERNOON', 'EVENING']);

/** Shanghai wall-clock bounds of 上午, 下午 and 晚上 as the weekly table prints them. */
export const HALF_DAY_BOUNDS: HalfDayBounds = Object.freeze({
  MORNING: Object.freeze({ start: '08:00', end: '12:00' }),
  AFTERNOON: Object.freeze({ start: '14:00', end: '18:00' }),
  EVENING: Object.freeze({ start: '19:00', end: '22:00' }),
});

const HALF_DAY_BOUNDS_RE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Half-day bounds written as a setting, "08:00-12:00,14:00-18:00,19:00-22:00" (上午, 下午, 晚上 in
 * that order, Shanghai wall-clock): each ends after it starts, and each starts no earlier than
 * the one before ends. Throws an Error saying what is wrong.
 */
export function parseHalfDayBounds(text: string): HalfDayBounds {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== HALF_DAYS.length || !parts.every((part) => HALF_DAY_BOUNDS_RE.test(part))) {
    throw new Error('must be three windows HH:MM-HH:MM for morning, afternoon and evening, e.g. 08:00-12:00,14:00-18:00,19:00-22:00');
  }
  const windows = parts.map((part) => {
    const [start, end] = part.split('-');
    return Object.freeze({ start, end });
  });
  windows.forEach((w, i) => {
    if (w.end <= w.start) throw new Error(`${w.start}-${w.end} must end after it starts`);
    const previous = windows[i - 1];
    if (previous && w.start < previous.end) throw new Error(`${w.start}-${w.end} must not start before ${previous.end}`);
  });
  return Object.freeze({ MORNING: windows[0], AFTERNOON: windows[1], EVENING: windows[2] });
}

/**
 * Where timed items go in a day's half-day rows: the rows tile the whole day, each gap folded into
 * the half-day after it (as `halfDayOf` does), so 上午 is [00:00, morning's end), 下午 up to the
 * afternoon's end, 晚上 to midnight.
 */
export function halfDayRows(date: LocalDate, bounds: HalfDayBounds = HALF_DAY_BOUNDS): Record<HalfDay, Interval> {
  const [dayStart, nextDay] = [localTimeToInstant(date, '00:00'), localTimeToInstant(addDays(date, 1), '00:00')];
  const [morningEnd, afternoonEnd] = [localTimeToInstant(date, bounds.MORNING.end), localTimeToInstant(date, bounds.AFTERNOON.end)];
  return {
    MORNING: { start: dayStart, end: morningEnd },
    AFTERNOON: { start: morningEnd, end: afternoonEnd },
    EVENING: { start: afternoonEnd, end: nextDay },
  };
}

/** Which half-day column an exact start time belongs in. */
export function halfDayOf(instant: Date, bounds: HalfDayBounds = HALF_DAY_BOUNDS): HalfDay {
  // Lunch (12:00-14:00) and dinner (18:00-19:00) gaps are folded into the following half-day, so
  // every time of day lands in exactly one column; HH:MM strings compare correctly as text.
  const time = localTimeOf(instant);
  if (time < bounds.MORNING.end) return 'MORNING';
  if (time < bounds.AFTERNOON.end) return 'AFTERNOON';
  return 'EVENING';
}

function endForMissingEndAt(start: Date, bounds: HalfDayBounds): Date {
  // An exact start without an end still has to block some time for conflict checks: assume it
  // runs to the end of its half-day, or to midnight when it starts after the evening slot.
  const date = localDateOf(start);
  const slotEnd = localTimeToInstant(date, bounds[halfDayOf(start, bounds)].end);
  return slotEnd.getTime() > start.getTime() ? slotEnd : localTimeToInstant(addDays(date, 1), '00:00');
}

/** The instants something written as a slot, exact times or whole days occupies. */
export function intervalOf(item: Timed, bounds: HalfDayBounds = HALF_DAY_BOUNDS): Interval {
  if (item.startAt) {
    const start = new Date(item.startAt.getTime());
    const end = item.endAt ? new Date(item.endAt.getTime()) : endForMissingEndAt(start, bounds);
    return { start, end };
  }
  // A last day before the first day is a data-entry slip; treating it as a single day keeps the
  // item visible to conflict checks instead of turning it into an empty interval.
  const lastDay = item.endDate && item.endDate > item.date ? item.endDate : item.date;
  if (item.slot) {
    const slot = bounds[item.slot];
    return { start: localTimeToInstant(item.date, slot.start), end: localTimeToInstant(lastDay, slot.end) };
  }
  return { start: localTimeToInstant(item.date, '00:00'), end: localTimeToInstant(addDays(lastDay, 1), '00:00') };
}

/** Half-open overlap: back-to-back intervals do not overlap, and an empty interval overlaps nothing. */
export function overlaps(a: Interval, b: Interval): boolean {
  const [as, ae, bs, be] = [a.start.getTime(), a.end.getTime(), b.start.getTime(), b.end.getTime()];
  return as < ae && bs < be && as < be && bs < ae;
}

/**
 * Every pair of items whose intervals overlap (someone booked twice, two shifts for one person),
 * earlier start first in each pair and pairs in order of their first item's start; items that
 * start together keep their input order. Sorting first means each item is compared only with
 * those that start before it ends.
 */
export function overlappingPairs<T>(items: readonly T[], intervalOfItem: (item: T) => Interval): [T, T][] {
  const sorted = items
    .map((item) => ({ item, interval: intervalOfItem(item) }))
    .sort((a, b) => a.interval.start.getTime() - b.interval.start.getTime());
  const pairs: [T, T][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [a, b] = [sorted[i], sorted[j]];
      if (b.interval.start.getTime() >= a.interval.end.getTime()) break;
      if (overlaps(a.interval, b.interval)) pairs.push([a.item, b.item]);
    }
  }
  return pairs;
}
