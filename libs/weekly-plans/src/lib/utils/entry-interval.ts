import type { HalfDay, Interval, PlanEntryData } from '../domain/types';
import { addDays, localDateOf, localTimeOf, localTimeToInstant } from './week';

/** Shanghai wall-clock bounds of the half-day slots printed in the weekly table. */
export const SLOT_TIMES: Readonly<Record<HalfDay, Readonly<{ start: string; end: string }>>> = Object.freeze({
  MORNING: Object.freeze({ start: '08:00', end: '12:00' }),
  AFTERNOON: Object.freeze({ start: '14:00', end: '18:00' }),
  EVENING: Object.freeze({ start: '19:00', end: '22:00' }),
});

/** Which half-day column of the printed table an exact start time belongs in. */
export function slotOfInstant(instant: Date): HalfDay {
  // Lunch (12:00-14:00) and dinner (18:00-19:00) gaps are folded into the following slot, so
  // every time of day lands in exactly one column; HH:MM strings compare correctly as text.
  const time = localTimeOf(instant);
  if (time < SLOT_TIMES.MORNING.end) return 'MORNING';
  if (time < SLOT_TIMES.AFTERNOON.end) return 'AFTERNOON';
  return 'EVENING';
}

function endForMissingEndAt(start: Date): Date {
  // An exact start without an end still has to block some time for conflict checks: assume it
  // runs to the end of its half-day, or to midnight when it starts after the evening slot.
  const date = localDateOf(start);
  const slotEnd = localTimeToInstant(date, SLOT_TIMES[slotOfInstant(start)].end);
  return slotEnd.getTime() > start.getTime() ? slotEnd : localTimeToInstant(addDays(date, 1), '00:00');
}

export function entryInterval(entry: PlanEntryData): Interval {
  if (entry.startAt) {
    const start = new Date(entry.startAt.getTime());
    const end = entry.endAt ? new Date(entry.endAt.getTime()) : endForMissingEndAt(start);
    return { start, end };
  }
  // A last day before the first day is a data-entry slip; treating it as a single day keeps the
  // entry visible to conflict checks instead of turning it into an empty interval.
  const lastDay = entry.endDate && entry.endDate > entry.date ? entry.endDate : entry.date;
  if (entry.slot) {
    const slot = SLOT_TIMES[entry.slot];
    return { start: localTimeToInstant(entry.date, slot.start), end: localTimeToInstant(lastDay, slot.end) };
  }
  return { start: localTimeToInstant(entry.date, '00:00'), end: localTimeToInstant(addDays(lastDay, 1), '00:00') };
}

/** Half-open overlap: back-to-back intervals do not overlap, and an empty interval overlaps nothing. */
export function overlaps(a: Interval, b: Interval): boolean {
  const [as, ae, bs, be] = [a.start.getTime(), a.end.getTime(), b.start.getTime(), b.end.getTime()];
  return as < ae && bs < be && as < be && bs < ae;
}
