import type { FieldProblem } from '@siban/graphql-core';
import type { LocalDate, WeekId } from '../../domain/types';
import { addDays, localDateOf, localTimeToInstant, weekDays } from '@siban/district-time';

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
/** How late on the next morning an exact-time entry may end (Shanghai): a late meeting, not a second day. */
export const LATEST_END_NEXT_DAY = '06:00';

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
      const onItsDate = localDateOf(entry.startAt) === entry.date;
      if (!onItsDate) at('startAt', '开始时间须在所填日期当天（北京时间） / startAt must fall on `date` (Asia/Shanghai)');
      if (entry.endAt.getTime() <= entry.startAt.getTime()) at('endAt', '结束时间须晚于开始时间 / endAt must be after startAt');
      else if (onItsDate && entry.endAt.getTime() > localTimeToInstant(addDays(entry.date, 1), LATEST_END_NEXT_DAY).getTime())
        at(
          'endAt',
          `具体时间的安排最晚到次日 ${LATEST_END_NEXT_DAY}，更长的请按整天填写 endDate / exact times end by ${LATEST_END_NEXT_DAY} the next day; for longer, give whole days up to endDate`,
        );
    }
    if (entry.endDate) at('endDate', '多日安排不填具体时间 / a multi-day entry has no exact times');
  }
  if (entry.slot && entry.endDate)
    at('endDate', '半天时段只指一天的一个半天，不填结束日期 / a half-day slot is one half-day of one date: give no endDate');
  else if (entry.endDate) {
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
