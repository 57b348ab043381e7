import type { HalfDay, Interval, Timed, WallClockWindow } from './types';
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
