import type { DayClass, LocalDate } from '../../domain/types';
import { isoWeekday } from '../../utils/local-date';

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
/** An empty seat of a published month: the gap is printed, not hidden. */
export const VACANT = '（空缺）';

export interface RosterTablePost {
  id: string;
  /** 带班领导, 值班员, or with several shift templates "白班·值班员". */
  heading: string;
}

export interface RosterTableSeat {
  date: LocalDate;
  postId: string;
  seat: number;
  /** Null for an empty seat. */
  name: string | null;
  phone: string | null;
}

export interface RosterTableInput {
  title: string;
  subtitle: string;
  /** Printed under the table: when shifts run. */
  note: string;
  posts: readonly RosterTablePost[];
  days: readonly { date: LocalDate; dayClass: DayClass }[];
  seats: readonly RosterTableSeat[];
}

export type RosterRowKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'ADJUSTED_WORKDAY';

export interface RosterTableLayout {
  title: string;
  subtitle: string;
  /** First heading row: 日期, 星期, 节假日, then each post over its two columns. */
  headingTop: { text: string; span: number }[];
  /** Second heading row: blank under the first three (merged), 姓名 and 联系电话 under each post. */
  headingBottom: string[];
  rows: { kind: RosterRowKind; cells: string[] }[];
  columnWidths: number[];
  note: string;
}

/** 10月1日 */
function dayLabel(date: LocalDate): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function rowKind(dayClass: DayClass): { kind: RosterRowKind; mark: string } {
  switch (dayClass.kind) {
    case 'HOLIDAY':
      return { kind: 'HOLIDAY', mark: dayClass.holiday };
    case 'WORKDAY':
      return dayClass.adjustedFor
        ? { kind: 'ADJUSTED_WORKDAY', mark: `调休上班（${dayClass.adjustedFor}）` }
        : { kind: 'WORKDAY', mark: '' };
    case 'WEEKEND':
      return { kind: 'WEEKEND', mark: '' };
    default:
      return { kind: 'WORKDAY', mark: '' };
  }
}

/**
 * The printable monthly roster (值班表): dates down, posts across (each with its holder's name
 * and contact number), holidays named and 调休 working days marked. Pure: data in, cells out.
 */
export function layOutRosterTable(input: RosterTableInput): RosterTableLayout {
  const bySlot = new Map<string, RosterTableSeat[]>();
  for (const seat of input.seats) {
    const key = `${seat.date}|${seat.postId}`;
    bySlot.set(
      key,
      [...(bySlot.get(key) ?? []), seat].sort((a, b) => a.seat - b.seat),
    );
  }
  const rows = input.days.map(({ date, dayClass }) => {
    const { kind, mark } = rowKind(dayClass);
    const cells = [dayLabel(date), WEEKDAYS[isoWeekday(date)], mark];
    for (const post of input.posts) {
      const seats = bySlot.get(`${date}|${post.id}`) ?? [];
      cells.push(seats.map((s) => s.name ?? VACANT).join('\n'), seats.map((s) => s.phone ?? '').join('\n'));
    }
    return { kind, cells };
  });
  return {
    title: input.title,
    subtitle: input.subtitle,
    headingTop: [
      { text: '日期', span: 1 },
      { text: '星期', span: 1 },
      { text: '节假日', span: 1 },
      ...input.posts.map((p) => ({ text: p.heading, span: 2 })),
    ],
    headingBottom: ['', '', '', ...input.posts.flatMap(() => ['姓名', '联系电话'])],
    rows,
    columnWidths: [9, 8, 16, ...input.posts.flatMap(() => [11, 15])],
    note: input.note,
  };
}
