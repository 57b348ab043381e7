import type { DayKind, LocalDate } from '../../domain/types';
import { tallyShifts } from '../../utils/tally-shifts';
import type { CsvCell } from './csv';

/** A seat held in the month, as the allowance counts it. */
export interface HeldShift {
  personId: string;
  date: LocalDate;
  templateId: string;
  postName: string;
  /** Column order of the post: people are listed by the first post they held. */
  postPosition: number;
}

export interface AllowancePerson {
  name: string;
  officeName: string;
}

export interface AllowanceRow {
  personId: string;
  name: string;
  officeName: string;
  /** The posts held, in post order: 值班员, or 带班领导、值班员 for someone who held both. */
  posts: string;
  total: number;
  workday: number;
  weekend: number;
  holiday: number;
}

export const ALLOWANCE_HEADINGS = ['序号', '姓名', '单位', '岗位', '值班总数', '工作日', '周末', '节假日'] as const;

/**
 * A month's duty table per person for the allowance (值班补贴): every shift, and of them those
 * on workdays, weekends and holidays, by the date each shift starts (调休 working days are
 * workdays). People in post order, then by name in pinyin order.
 */
export function allowanceRows(
  shifts: readonly HeldShift[],
  dayKinds: ReadonlyMap<LocalDate, DayKind>,
  people: ReadonlyMap<string, AllowancePerson>,
): { rows: AllowanceRow[]; totals: Omit<AllowanceRow, 'personId' | 'name' | 'officeName' | 'posts'> } {
  const { tallies } = tallyShifts(shifts, dayKinds);
  const postsOf = new Map<string, Map<string, number>>();
  for (const s of shifts) {
    const posts = postsOf.get(s.personId) ?? new Map<string, number>();
    posts.set(s.postName, Math.min(posts.get(s.postName) ?? Infinity, s.postPosition));
    postsOf.set(s.personId, posts);
  }
  const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  const rows = [...tallies].map(([personId, tally]): AllowanceRow & { order: number } => {
    const posts = [...(postsOf.get(personId) ?? new Map<string, number>())].sort((a, b) => a[1] - b[1]);
    return {
      personId,
      name: people.get(personId)?.name ?? '',
      officeName: people.get(personId)?.officeName ?? '',
      posts: posts.map(([name]) => name).join('、'),
      total: tally.total,
      workday: tally.total - tally.weekend - tally.holiday,
      weekend: tally.weekend,
      holiday: tally.holiday,
      order: posts[0]?.[1] ?? 0,
    };
  });
  rows.sort((a, b) => a.order - b.order || collator.compare(a.name, b.name) || a.personId.localeCompare(b.personId));
  const sum = (key: 'total' | 'workday' | 'weekend' | 'holiday') => rows.reduce((n, r) => n + r[key], 0);
  return {
    rows: rows.map(({ order: _order, ...row }) => row),
    totals: { total: sum('total'), workday: sum('workday'), weekend: sum('weekend'), holiday: sum('holiday') },
  };
}

/** The table as rows of cells: headings, one line per person, then the totals. */
export function allowanceCells(table: ReturnType<typeof allowanceRows>): CsvCell[][] {
  return [
    [...ALLOWANCE_HEADINGS],
    ...table.rows.map((r, i) => [i + 1, r.name, r.officeName, r.posts, r.total, r.workday, r.weekend, r.holiday]),
    ['合计', '', '', '', table.totals.total, table.totals.workday, table.totals.weekend, table.totals.holiday],
  ];
}
