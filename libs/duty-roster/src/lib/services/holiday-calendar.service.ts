import fs from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { HolidayCalendar as HolidayCalendarRow, Prisma, PrismaClient, PrismaService, PrismaTx } from '@siban/db';
import type { HolidayCalendar } from '../domain/types';
import { DutyRosterErrors } from '../duty-roster.errors';
import { classifyRange } from '../utils/classify-date';
import { parseHolidayCalendar, parseHolidayCalendarJson } from '../utils/holiday-calendar';

/** The calendars shipped with the service (libs/duty-roster/data), seeded for years not yet loaded. */
export const SHIPPED_CALENDAR_FILES = ['holidays-2025.json', 'holidays-2026.json'];

/** Where the shipped calendar files are: beside the sources, and copied there in the built app (apps/api build assets). */
export const SHIPPED_CALENDAR_DIR = path.resolve(__dirname, '../../../data');

/**
 * Stores a checked calendar as its year's (replacing a calendar loaded before: a corrected file
 * wins). The CLI (`npm run duty:holidays`) and the mutation both come here.
 */
export async function storeHolidayCalendar(
  db: PrismaClient | PrismaTx,
  calendar: HolidayCalendar,
  loadedById: string | null,
  loadedAt: Date,
): Promise<HolidayCalendarRow> {
  const data = { source: calendar.source, content: calendar as unknown as Prisma.InputJsonValue, loadedById, loadedAt };
  return db.holidayCalendar.upsert({ where: { year: calendar.year }, create: { year: calendar.year, ...data }, update: data });
}

export interface CalendarDay {
  date: string;
  kind: 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'NO_CALENDAR';
  holiday: string | null;
  adjustedFor: string | null;
}

/** Holiday calendars as data: loaded from files, kept as the JSON itself, parsed on read. */
@Injectable()
export class HolidayCalendarService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /** Checks and stores a calendar file's text; every mistake is reported at once with its path. */
  async load(json: string, loadedById: string | null): Promise<HolidayCalendarRow> {
    const parsed = parseHolidayCalendarJson(json);
    if (!parsed.ok) throw DutyRosterErrors.badCalendar(parsed.problems);
    return storeHolidayCalendar(this.prisma, parsed.calendar, loadedById, this.clock.now());
  }

  /** Loads the shipped calendars whose year has none yet (a calendar loaded by hand is kept). */
  async seedShipped(): Promise<number[]> {
    const loaded = new Set((await this.prisma.holidayCalendar.findMany({ select: { year: true } })).map((r) => r.year));
    const seeded: number[] = [];
    for (const file of SHIPPED_CALENDAR_FILES) {
      const parsed = parseHolidayCalendarJson(fs.readFileSync(path.join(SHIPPED_CALENDAR_DIR, file), 'utf8'));
      if (!parsed.ok) throw new Error(`shipped holiday calendar ${file} is invalid: ${JSON.stringify(parsed.problems)}`);
      if (loaded.has(parsed.calendar.year)) continue;
      // Two instances starting at once: the year's key keeps the first, the second changes nothing.
      const { count } = await this.prisma.holidayCalendar.createMany({
        data: [
          {
            year: parsed.calendar.year,
            source: parsed.calendar.source,
            content: parsed.calendar as unknown as Prisma.InputJsonValue,
            loadedAt: this.clock.now(),
          },
        ],
        skipDuplicates: true,
      });
      if (count) seeded.push(parsed.calendar.year);
    }
    return seeded;
  }

  async rows(): Promise<HolidayCalendarRow[]> {
    return this.prisma.holidayCalendar.findMany({ orderBy: { year: 'asc' } });
  }

  /** Every loaded calendar, read back through the same checks as a file. */
  async calendars(): Promise<HolidayCalendar[]> {
    return (await this.rows()).map(readCalendar);
  }

  /** Each date from `from` to `to` as the calendars classify it, and the years with none loaded. */
  async days(from: string, to: string, calendars?: HolidayCalendar[]): Promise<{ days: CalendarDay[]; missingYears: number[] }> {
    const { classes, missingYears } = classifyRange(from, to, calendars ?? (await this.calendars()));
    const days = [...classes].map(
      ([date, c]): CalendarDay => ({
        date,
        kind: c.kind,
        holiday: c.kind === 'HOLIDAY' ? c.holiday : null,
        adjustedFor: c.kind === 'WORKDAY' ? c.adjustedFor : null,
      }),
    );
    return { days, missingYears };
  }
}

/** A stored calendar; one that no longer passes the checks is refused with its year, never misread. */
export function readCalendar(row: HolidayCalendarRow): HolidayCalendar {
  const parsed = parseHolidayCalendar(row.content);
  if (!parsed.ok) throw new Error(`stored holiday calendar ${row.year} is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.calendar;
}
