import { Injectable } from '@nestjs/common';
import { PrismaService } from '@siban/db';
import type { DayClass, HolidayCalendar, LocalDate } from '../../domain/types';
import { classifyRange } from '../../utils/classify-date';
import { parseHolidayCalendar } from '../../utils/holiday-calendar';
import { addDays } from '../../utils/local-date';
import { DutyOperationsErrors } from '../duty-operations.errors';
import { DutySeat, SEAT_INCLUDE, toSeat } from '../seats/seat-lookup';
import { DutyPersonInfo, DutySeatService } from '../seats/duty-seat.service';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-10", a month between 2000 and 2100, or a BAD_USER_INPUT naming `month`. */
export function checkMonth(value: string): string {
  const match = MONTH.exec(value);
  if (!match || Number(match[1]) < 2000 || Number(match[1]) > 2100) throw DutyOperationsErrors.badMonth(value);
  return value;
}

/** The first and last date of a month. */
export function monthDays(month: string): { first: LocalDate; last: LocalDate } {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, last: addDays(next, -1) };
}

export interface DutyMonth {
  month: string;
  publishedAt: Date;
  /** Every seat of the month, held or empty, by date then post order. */
  seats: DutySeat[];
  /** The posts the month has seats for, in column order. */
  posts: { id: string; name: string; position: number; templateId: string; templateName: string }[];
  templates: { id: string; name: string; startTime: string; durationMinutes: number }[];
  days: { date: LocalDate; dayClass: DayClass }[];
  people: Map<string, DutyPersonInfo>;
}

/** A published month of the roster with what the printed tables need: days classified, people named. */
@Injectable()
export class DutyMonthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly seats: DutySeatService,
  ) {}

  async load(month: string): Promise<DutyMonth> {
    checkMonth(month);
    const period = await this.prisma.dutyRosterPeriod.findUnique({ where: { month } });
    if (period?.status !== 'PUBLISHED' || !period.publishedAt) throw DutyOperationsErrors.notPublished(month);
    const { first, last } = monthDays(month);
    const year = Number(month.slice(0, 4));
    const [rows, calendarRows] = await Promise.all([
      this.prisma.dutyAssignment.findMany({
        where: { month },
        include: SEAT_INCLUDE,
        orderBy: [{ date: 'asc' }, { post: { position: 'asc' } }, { seat: 'asc' }],
      }),
      // A holiday may begin in the December before the notice's year (元旦 2024 began 2023-12-30).
      this.prisma.holidayCalendar.findMany({ where: { year: { in: [year - 1, year, year + 1] } } }),
    ]);
    const calendars = calendarRows.flatMap((r): HolidayCalendar[] => {
      const parsed = parseHolidayCalendar(r.content);
      return parsed.ok ? [parsed.calendar] : [];
    });
    const { classes, missingYears } = classifyRange(first, last, calendars);
    if (missingYears.length) throw DutyOperationsErrors.noCalendar(missingYears);
    const seats = rows.map(toSeat);
    const posts = new Map<string, DutyMonth['posts'][number]>();
    const templates = new Map<string, DutyMonth['templates'][number]>();
    for (const row of rows) {
      posts.set(row.postId, { ...row.post, templateId: row.templateId, templateName: row.template.name });
      templates.set(row.templateId, row.template);
    }
    const people = await this.seats.people(seats.flatMap((s) => (s.person ? [s.person.id] : [])));
    return {
      month,
      publishedAt: period.publishedAt,
      seats,
      posts: [...posts.values()].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)),
      templates: [...templates.values()],
      days: [...classes].map(([date, dayClass]) => ({ date, dayClass })),
      people,
    };
  }
}
