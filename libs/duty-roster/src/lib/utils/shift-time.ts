import type { LocalDate, ShiftRef, ShiftTemplate } from '../domain/types';
import { dayNumber, fromDayNumber, MINUTES_PER_DAY, shanghaiInstant, shanghaiWallClock } from './local-date';

/** The default roster: one 24-hour shift from 08:30 to 08:30 the next day (Asia/Shanghai). */
export const DEFAULT_SHIFT_TEMPLATE = { code: 'DAY24', name: '全天班', startTime: '08:30', durationMinutes: MINUTES_PER_DAY } as const;

const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM" (00:00 to 23:59). */
export function startMinute(startTime: string): number {
  const match = START_TIME.exec(startTime);
  if (!match) throw new RangeError(`not a start time "HH:MM": ${startTime}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether a template describes a daily shift: a valid start time, and 1 minute to 24 hours long. */
export function isValidTemplate(template: Pick<ShiftTemplate, 'startTime' | 'durationMinutes'>): boolean {
  return (
    START_TIME.test(template.startTime) &&
    Number.isInteger(template.durationMinutes) &&
    template.durationMinutes >= 1 &&
    template.durationMinutes <= MINUTES_PER_DAY
  );
}

/** A shift's start and end as Shanghai wall-clock minutes since 1970-01-01: cheap to compare, exact. */
export function shiftMinutes(date: LocalDate, template: ShiftTemplate): { start: number; end: number } {
  const start = dayNumber(date) * MINUTES_PER_DAY + startMinute(template.startTime);
  return { start, end: start + template.durationMinutes };
}

export interface ShiftInterval extends ShiftRef {
  /** Inclusive. */
  startsAt: Date;
  /** Exclusive: at this instant the next shift holds the post. */
  endsAt: Date;
}

export function shiftInterval(shift: ShiftRef, template: ShiftTemplate): ShiftInterval {
  const start = startMinute(template.startTime);
  return {
    date: shift.date,
    templateId: shift.templateId,
    startsAt: shanghaiInstant(shift.date, start),
    endsAt: shanghaiInstant(shift.date, start + template.durationMinutes),
  };
}

/**
 * The shifts that cover the instant `at`, one per template at most (a template lasts at most a
 * day), in the templates' order. A shift covers [start, end): at 08:29:59.999 on the 2nd the
 * 1st's 08:30 shift still holds; at 08:30 the 2nd's begins.
 */
export function shiftsAt(at: Date, templates: readonly ShiftTemplate[]): ShiftInterval[] {
  const { day, minute } = shanghaiWallClock(at);
  const covering: ShiftInterval[] = [];
  for (const template of templates) {
    const start = startMinute(template.startTime);
    // The latest start at or before `at`: today's, or yesterday's when today's is still ahead.
    const startDay = minute >= start ? day : day - 1;
    const elapsed = (day - startDay) * MINUTES_PER_DAY + minute - start;
    if (elapsed < template.durationMinutes)
      covering.push(shiftInterval({ date: fromDayNumber(startDay), templateId: template.id }, template));
  }
  return covering;
}
