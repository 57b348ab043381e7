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
