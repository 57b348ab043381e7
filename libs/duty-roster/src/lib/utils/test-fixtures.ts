import fs from 'node:fs';
import path from 'node:path';
import type { HolidayCalendar } from '../domain/types';
import { parseHolidayCalendarJson } from './holiday-calendar';

const DATA_DIR = path.join(__dirname, '..', '..', '..', 'data');

/** A calendar file shipped in libs/duty-roster/data, through the same parser an admin's upload takes. */
export function shippedCalendar(year: number): HolidayCalendar {
  const parsed = parseHolidayCalendarJson(fs.readFileSync(path.join(DATA_DIR, `holidays-${year}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`holidays-${year}.json: ${JSON.stringify(parsed.problems)}`);
  return parsed.calendar;
}

export const DAY24 = { id: 'day24', startTime: '08:30', durationMinutes: 1440 } as const;

/** `n` person ids: p01, p02, ... */
export const people = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
