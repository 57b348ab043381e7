import type { FieldProblem } from '@siban/graphql-core';
import type { LocalDate, WeekId } from '../../domain/types';
import { addDays, localDateOf, weekDays } from '@siban/district-time';

export interface EntryTiming {
  date: LocalDate;
  endDate?: LocalDate | null;
  slot?: string | null;
  startAt?: Date | null;
  endAt?: Date | null;
  leaderId?: string;
  attendeeLeaderIds?: string[];
}

const MAX_SPAN_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;

function isRealDate(date: LocalDate): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

/**
 * What is wrong with an entry's timing for a plan of `week`, each problem naming its field under
 * `path` (e.g. "entries.3.startAt"). Shapes and lengths are checked at the edge already; these
 * are the rules that need the week and several fields at once.
 */
export function entryTimingProblems(entry: EntryTiming, week: WeekId, path: string, planLeaderId?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string, message: string) => problems.push({ field: `${path}.${field}`, message });
  if (!isRealDate(entry.date)) at('date', `不存在的日期 / no such date: ${entry.date}`);
  else if (!weekDays(week).includes(entry.date)) at('date', `日期不在 ${week} 周内 / date is not in week ${week}`);

  const exact = entry.startAt != null || entry.endAt != null;
  if (entry.slot && exact) at('slot', '时段与具体时间只能二选一 / give a half-day slot or exact times, not both');
  if (exact) {
    if (!entry.startAt || !entry.endAt) at(entry.startAt ? 'endAt' : 'startAt', '开始与结束时间须同时填写 / give both startAt and endAt');
    else {
      if (entry.endAt.getTime() <= entry.startAt.getTime()) at('endAt', '结束时间须晚于开始时间 / endAt must be after startAt');
      else if (entry.endAt.getTime() - entry.startAt.getTime() > DAY_MS)
        at('endAt', '具体时间的安排不超过24小时，多日安排请用 endDate / exact times span at most 24 hours; use endDate for several days');
      if (localDateOf(entry.startAt) !== entry.date)
        at('startAt', '开始时间须在所填日期当天（北京时间） / startAt must fall on `date` (Asia/Shanghai)');
    }
    if (entry.endDate) at('endDate', '多日安排不填具体时间 / a multi-day entry has no exact times');
  }
  if (entry.endDate) {
    if (!isRealDate(entry.endDate)) at('endDate', `不存在的日期 / no such date: ${entry.endDate}`);
    else if (entry.endDate < entry.date) at('endDate', '结束日期不能早于开始日期 / endDate is before date');
    else if (entry.endDate > addDays(entry.date, MAX_SPAN_DAYS - 1))
      at('endDate', `最长 ${MAX_SPAN_DAYS} 天 / at most ${MAX_SPAN_DAYS} days`);
  }
  if (planLeaderId && entry.attendeeLeaderIds?.includes(planLeaderId)) {
    at('attendeeLeaderIds', '参加领导中不必再列本人 / the plan’s own leader is not listed as an attendee');
  }
  return problems;
}
