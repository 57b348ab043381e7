import type { FieldProblem } from '@siban/graphql-core';
import { z } from 'zod';
import type { HolidayCalendar } from '../domain/types';
import { dayNumber, isLocalDate, isWeekend } from './local-date';

// The holiday calendar file an admin loads each year (format in the README, "Duty roster"):
//
//   { "year": 2026, "source": "国务院办公厅关于2026年部分节假日安排的通知",
//     "holidays": [{ "name": "国庆节", "from": "2026-10-01", "to": "2026-10-07" }],
//     "adjustedWorkdays": [{ "date": "2026-09-20", "for": "国庆节" }] }
//
// It is typed by hand from a notice, so the parser looks for the slips a person makes (a range
// ending before it starts, a holiday in the wrong year, a 调休 day that is not a weekend day, a
// `for` that names no holiday) and reports every one of them at once, each with its path and a
// message in Chinese then English.

/** A holiday range longer than this is taken for a typo: the longest arrangement so far is 9 days. */
export const MAX_HOLIDAY_DAYS = 15;

const localDate = z.string().refine(isLocalDate, { error: '不是有效日期（应为 YYYY-MM-DD） / not a valid date (YYYY-MM-DD)' });
const name = z.string().trim().min(1);

export const holidayCalendarSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    source: z.string().trim().min(1),
    holidays: z.array(z.strictObject({ name, from: localDate, to: localDate })).min(1),
    adjustedWorkdays: z.array(z.strictObject({ date: localDate, for: name })),
  })
  // Across fields only once every field is sound: the checks read the dates as days.
  .superRefine(
    (calendar, ctx) => {
      const { year } = calendar;
      // Dates may reach into the bordering month of the years around (元旦 2024 began on 2023-12-30).
      const earliest = dayNumber(`${year - 1}-12-01`);
      const latest = dayNumber(`${year + 1}-01-31`);
      const yearStart = dayNumber(`${year}-01-01`);
      const yearEnd = dayNumber(`${year}-12-31`);
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

      const spans: { name: string; from: number; to: number; index: number }[] = [];
      calendar.holidays.forEach((holiday, index) => {
        const from = dayNumber(holiday.from);
        const to = dayNumber(holiday.to);
        if (to < from) return issue(['holidays', index, 'to'], '结束日期早于开始日期 / ends before it starts');
        if (to - from + 1 > MAX_HOLIDAY_DAYS) {
          return issue(
            ['holidays', index, 'to'],
            `假期超过 ${MAX_HOLIDAY_DAYS} 天，请检查日期 / longer than ${MAX_HOLIDAY_DAYS} days: check the dates`,
          );
        }
        if (to < yearStart || from > yearEnd || from < earliest || to > latest) {
          return issue(['holidays', index], `假期不在 ${year} 年 / not in ${year}`);
        }
        spans.push({ name: holiday.name, from, to, index });
      });

      const names = new Set<string>();
      calendar.holidays.forEach((holiday, index) => {
        if (names.has(holiday.name)) issue(['holidays', index, 'name'], `假期名称重复：${holiday.name} / duplicate holiday name`);
        names.add(holiday.name);
      });
      spans
        .sort((a, b) => a.from - b.from || a.index - b.index)
        .forEach((span, i, sorted) => {
          const previous = sorted[i - 1];
          if (previous && span.from <= previous.to) {
            issue(['holidays', span.index], `与“${previous.name}”日期重叠 / overlaps ${previous.name}`);
          }
        });

      const dates = new Set<string>();
      calendar.adjustedWorkdays.forEach((workday, index) => {
        const day = dayNumber(workday.date);
        if (day < earliest || day > latest) issue(['adjustedWorkdays', index, 'date'], `不在 ${year} 年 / not in ${year}`);
        else if (!isWeekend(workday.date)) {
          issue(['adjustedWorkdays', index, 'date'], '调休上班日应为周六或周日 / an adjusted working day must be a Saturday or Sunday');
        }
        const inside = spans.find((span) => day >= span.from && day <= span.to);
        if (inside) issue(['adjustedWorkdays', index, 'date'], `落在“${inside.name}”假期内 / falls inside ${inside.name}`);
        if (!names.has(workday.for)) {
          issue(['adjustedWorkdays', index, 'for'], `没有名为“${workday.for}”的假期 / names no holiday of this calendar`);
        }
        if (dates.has(workday.date)) issue(['adjustedWorkdays', index, 'date'], '日期重复 / listed twice');
        dates.add(workday.date);
      });
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export type HolidayCalendarParse = { ok: true; calendar: HolidayCalendar } | { ok: false; problems: FieldProblem[] };

/** Checks a calendar already read from JSON (a GraphQL input, a stored row). */
export function parseHolidayCalendar(input: unknown): HolidayCalendarParse {
  const result = holidayCalendarSchema.safeParse(input, { error: bilingual });
  if (result.success) return { ok: true, calendar: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message })),
  };
}

/** Reads a calendar file's text (what an admin uploads or the CLI reads). */
export function parseHolidayCalendarJson(text: string): HolidayCalendarParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ field: '', message: `不是有效的 JSON / not valid JSON: ${(error as Error).message}` }] };
  }
  return parseHolidayCalendar(json);
}

/** `holidays[0].to`: the path an admin can find in the file. */
function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

const TYPE_NAMES: Record<string, string> = { string: '文本', number: '数字', int: '整数', array: '数组', object: '对象' };

// zod's own messages are English only; the ones a hand-typed file can trigger, in both languages.
// Messages set on the schema itself (the refinements above) are kept as they are.
function bilingual(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少此项 / required';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected} / expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join(', ')} / unknown field(s): ${issue.keys.join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return '不能为空 / must not be empty';
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项 / at least ${issue.minimum} item(s)`;
      return `不能小于 ${issue.minimum} / must be at least ${issue.minimum}`;
    case 'too_big':
      return `不能大于 ${issue.maximum} / must be at most ${issue.maximum}`;
    default:
      return undefined;
  }
}
