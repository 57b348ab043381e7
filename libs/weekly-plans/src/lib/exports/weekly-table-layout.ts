// Where everything goes on the printed weekly table (周工作安排表), as plain data: leaders down
// the side, grouped by body and in protocol order, three half-day rows each; the seven days
// across. Sized so the table prints at 100 % on its paper: with 35 leaders a fit-to-width table
// with leaders across shrank body text to 2 pt.
import { HALF_DAY_LABELS, HALF_DAYS, type HalfDay } from '@siban/district-time';
import {
  estimateLinesAt,
  lineHeightAt,
  POINTS_PER_WIDTH_UNIT,
  printableArea,
  printScale,
  widthForPoints,
  type PaperSize,
} from '@siban/exports';

export interface WeeklyTableLeader {
  id: string;
  name: string;
  title: string;
  /** No plan submitted for the week: the row says 未报 rather than looking free. */
  notSubmitted?: boolean;
}

export interface WeeklyTableInput {
  /** e.g. "清河区领导周工作安排表" */
  title: string;
  /** e.g. "2026年第48周（11月23日—11月29日）\u3000第2版\u300011月20日 17:30 发布" */
  subtitle: string;
  paper: PaperSize;
  /** Columns, left to right; label e.g. "11月23日\n星期一". */
  days: { date: string; label: string }[];
  /** Row groups, top to bottom (区委, 人大, ...), each with its leaders in protocol order. */
  groups: { label: string; leaders: WeeklyTableLeader[] }[];
  /** What each leader does, with every half-day it fills (a whole day fills all three). */
  items: { leaderId: string; halfDays: { date: string; slot: HalfDay }[]; text: string }[];
  /** Lines under the table: the legend, conflict notes, what this revision cancelled. */
  notes: string[];
  /**
   * Recorded as the workbook's created/modified document properties. When absent ExcelJS fills
   * them from the clock itself, so the bytes are never reproducible; the sheet content is.
   */
  generatedAt?: Date;
}

export type TableCellStyle = 'title' | 'subtitle' | 'header' | 'group' | 'leader' | 'slot' | 'body' | 'notSubmitted' | 'note';

export interface TableCell {
  row: number;
  col: number;
  style: TableCellStyle;
  /** Plain text; a leader cell is the name, then the title on the next line. */
  text: string;
}

export interface TableMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WeeklyTableLayout {
  paper: PaperSize;
  /** Column widths in ExcelJS units, left to right. */
  columnWidths: number[];
  /** Font sizes in points, as set on the cells; printed at `scale` times these. */
  fonts: Record<TableCellStyle, number>;
  /** How much the sheet shrinks when printed (1: actual size). */
  scale: number;
  /** Row heights in points, by 1-based row number. */
  rowHeights: number[];
  cells: TableCell[];
  merges: TableMerge[];
  /** Rows after which a new page starts; a leader's three half-days never split. */
  pageBreaksAfter: number[];
  /** The rows printed again at the top of every page: title, subtitle and header. */
  repeatRows: { first: number; last: number };
  /** Rows and columns kept in view while scrolling. */
  freeze: { rows: number; columns: number };
  /** The last row of the grid; notes follow it. */
  lastTableRow: number;
  lastRow: number;
  lastColumn: number;
}

export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const HEADER_ROW = 3;
export const GROUP_COL = 1;
export const LEADER_COL = 2;
export const SLOT_COL = 3;
export const FIRST_DAY_COL = 4;

/** Printed text sizes: 小五 (9 pt) body on A4, 五号 (10.5 pt) on A3 where a poster is read from further away. */
const FONTS: Record<PaperSize, Record<TableCellStyle, number>> = {
  A4: { title: 18, subtitle: 10, header: 10, group: 10, leader: 10, slot: 9, body: 9, notSubmitted: 10, note: 9 },
  A3: { title: 22, subtitle: 12, header: 12, group: 12, leader: 12, slot: 10.5, body: 10.5, notSubmitted: 12, note: 10.5 },
};

/** Label columns in points: the body (one character a line), the leader, the half-day. */
const LABEL_POINTS: Record<PaperSize, [number, number, number]> = { A4: [20, 68, 26], A3: [24, 84, 30] };

/** Headroom against programs measuring column widths a little wider than `widthForPoints` assumes. */
const WIDTH_HEADROOM = 0.97;

const TITLE_HEIGHT: Record<PaperSize, number> = { A4: 28, A3: 34 };

export function layOutWeeklyTable(input: WeeklyTableInput): WeeklyTableLayout {
  const dayIndex = indexBy(input.days, (d) => d.date, 'date');
  const leaders = input.groups.flatMap((g) => g.leaders);
  const leaderIndex = indexBy(leaders, (l) => l.id, 'leader id');
  const fonts = FONTS[input.paper];

  const printable = printableArea(input.paper, 'landscape');
  const [groupPt, leaderPt, slotPt] = LABEL_POINTS[input.paper];
  const dayPt = (printable.width * WIDTH_HEADROOM - groupPt - leaderPt - slotPt) / Math.max(input.days.length, 1);
  const columnWidths = [groupPt, leaderPt, slotPt, ...input.days.map(() => dayPt)].map(widthForPoints);
  // Wrapping is estimated on the narrowest reading of a width, so a row is never too short for its text.
  const pointsOf = (col: number) => columnWidths[col - 1] * POINTS_PER_WIDTH_UNIT.narrowest;
  const lastColumn = FIRST_DAY_COL + input.days.length - 1;
  const tableWidth = columnWidths.reduce((sum, w) => sum + w * POINTS_PER_WIDTH_UNIT.narrowest, 0);

  const cells: TableCell[] = [];
  const merges: TableMerge[] = [];
  const rowHeights: number[] = [];
  const put = (row: number, col: number, style: TableCellStyle, text: string) => cells.push({ row, col, style, text });
  const lineHeight = (style: TableCellStyle) => lineHeightAt(fonts[style]);
  const textHeight = (text: string, style: TableCellStyle, points: number) =>
    estimateLinesAt(text, points, fonts[style]) * lineHeight(style) + 4;

  put(TITLE_ROW, 1, 'title', input.title);
  merges.push({ top: TITLE_ROW, left: 1, bottom: TITLE_ROW, right: lastColumn });
  rowHeights[TITLE_ROW] = TITLE_HEIGHT[input.paper];
  put(SUBTITLE_ROW, 1, 'subtitle', input.subtitle);
  merges.push({ top: SUBTITLE_ROW, left: 1, bottom: SUBTITLE_ROW, right: lastColumn });
  rowHeights[SUBTITLE_ROW] = textHeight(input.subtitle, 'subtitle', tableWidth);

  const headers = ['单位', '领导', '时段', ...input.days.map((d) => d.label)];
  headers.forEach((label, i) => put(HEADER_ROW, i + 1, 'header', label));
  rowHeights[HEADER_ROW] = Math.max(...headers.map((label, i) => textHeight(label, 'header', pointsOf(i + 1))));

  // Each leader's cells: text lines per (day, half-day), and whole days to draw as one block.
  const lines = new Map<string, string[]>();
  const blocks = new Map<string, { first: number; last: number; text: string }[]>();
  for (const item of input.items) {
    if (!leaderIndex.has(item.leaderId)) throw new Error(`Item for unknown leader "${item.leaderId}"`);
    for (const { date, slot } of item.halfDays) {
      // A printed schedule that silently drops a leader's engagement is worse than a failed export.
      if (!dayIndex.has(date)) throw new Error(`Item for a date outside the table: "${date}"`);
      if (!HALF_DAYS.includes(slot)) throw new Error(`Unknown half-day "${String(slot)}"`);
    }
    for (const run of wholeDayRuns(item.halfDays, dayIndex)) {
      const list = blocks.get(item.leaderId) ?? [];
      list.push({ ...run, text: item.text });
      blocks.set(item.leaderId, list);
    }
    for (const key of new Set(item.halfDays.map(({ date, slot }) => cellKey(item.leaderId, dayIndex.get(date) as number, slot)))) {
      const list = lines.get(key) ?? [];
      list.push(item.text);
      lines.set(key, list);
    }
  }

  const tableTop = HEADER_ROW + 1;
  const leaderRows = new Map<string, number>();
  let row = tableTop;
  for (const group of input.groups) {
    for (const leader of group.leaders) {
      leaderRows.set(leader.id, row);
      row += HALF_DAYS.length;
    }
  }
  const lastTableRow = row - 1;

  for (const group of input.groups) {
    for (const leader of group.leaders) {
      const top = leaderRows.get(leader.id) as number;
      const bottom = top + HALF_DAYS.length - 1;
      const label = leader.notSubmitted ? `${leader.name}\n${leader.title}\n（未报）` : `${leader.name}\n${leader.title}`;
      put(top, LEADER_COL, 'leader', label);
      merges.push({ top, left: LEADER_COL, bottom, right: LEADER_COL });
      HALF_DAYS.forEach((slot, s) => put(top + s, SLOT_COL, 'slot', HALF_DAY_LABELS[slot].zh));

      const heights = HALF_DAYS.map(() => lineHeight('body') + 4);
      const hasItems = input.days.some((_, d) => HALF_DAYS.some((slot) => lines.has(cellKey(leader.id, d, slot))));
      if (leader.notSubmitted && !hasItems) {
        put(top, FIRST_DAY_COL, 'notSubmitted', '未报');
        merges.push({ top, left: FIRST_DAY_COL, bottom, right: lastColumn });
      } else {
        const drawn = new Set<string>();
        // A whole day (or several) with nothing else in it is one block, as offices draw a trip;
        // anything sharing its half-days keeps them as separate lines, so a clash stays visible.
        for (const block of blocks.get(leader.id) ?? []) {
          const keys = range(block.first, block.last).flatMap((d) => HALF_DAYS.map((slot) => cellKey(leader.id, d, slot)));
          if (keys.some((k) => (lines.get(k) ?? []).length !== 1 || drawn.has(k))) continue;
          keys.forEach((k) => drawn.add(k));
          put(top, FIRST_DAY_COL + block.first, 'body', block.text);
          merges.push({ top, left: FIRST_DAY_COL + block.first, bottom, right: FIRST_DAY_COL + block.last });
          const points = range(block.first, block.last).reduce((sum, d) => sum + pointsOf(FIRST_DAY_COL + d), 0);
          // Spread over the three rows; each gets a third of what the block needs.
          const share = textHeight(block.text, 'body', points) / HALF_DAYS.length;
          HALF_DAYS.forEach((_, s) => (heights[s] = Math.max(heights[s], share)));
        }
        input.days.forEach((_, d) =>
          HALF_DAYS.forEach((slot, s) => {
            const key = cellKey(leader.id, d, slot);
            if (drawn.has(key)) return;
            const text = (lines.get(key) ?? []).join('\n');
            put(top + s, FIRST_DAY_COL + d, 'body', text);
            if (text) heights[s] = Math.max(heights[s], textHeight(text, 'body', pointsOf(FIRST_DAY_COL + d)));
          }),
        );
      }
      // The leader's label needs the three rows together to be tall enough.
      const labelNeed = textHeight(label, 'leader', pointsOf(LEADER_COL));
      const short = labelNeed - heights.reduce((a, b) => a + b, 0);
      if (short > 0) heights.forEach((_, s) => (heights[s] += short / HALF_DAYS.length));
      heights.forEach((h, s) => (rowHeights[top + s] = Math.ceil(h)));
    }
  }

  // Pages: whole leaders only, and the group label again at the top of each page it continues on.
  const pageBody = printable.height - rowHeights[TITLE_ROW] - rowHeights[SUBTITLE_ROW] - rowHeights[HEADER_ROW];
  const pageBreaksAfter: number[] = [];
  let used = 0;
  for (const group of input.groups) {
    let segmentTop: number | undefined;
    let segmentBottom = 0;
    const closeSegment = () => {
      if (segmentTop === undefined) return;
      put(segmentTop, GROUP_COL, 'group', group.label);
      merges.push({ top: segmentTop, left: GROUP_COL, bottom: segmentBottom, right: GROUP_COL });
      segmentTop = undefined;
    };
    for (const leader of group.leaders) {
      const top = leaderRows.get(leader.id) as number;
      const height = HALF_DAYS.reduce((sum, _, s) => sum + rowHeights[top + s], 0);
      if (used > 0 && used + height > pageBody) {
        closeSegment();
        pageBreaksAfter.push(top - 1);
        used = 0;
      }
      segmentTop ??= top;
      segmentBottom = top + HALF_DAYS.length - 1;
      used += height;
    }
    closeSegment();
  }

  let lastRow = lastTableRow;
  let notesHeight = 0;
  for (const note of input.notes) {
    lastRow++;
    put(lastRow, 1, 'note', note);
    merges.push({ top: lastRow, left: 1, bottom: lastRow, right: lastColumn });
    rowHeights[lastRow] = textHeight(note, 'note', tableWidth);
    notesHeight += rowHeights[lastRow];
  }
  // The notes explain the marks: together, on one page.
  if (input.notes.length > 0 && used > 0 && used + notesHeight > pageBody) pageBreaksAfter.push(lastTableRow);

  return {
    paper: input.paper,
    columnWidths,
    fonts,
    scale: printScale(input.paper, 'landscape', columnWidths),
    rowHeights,
    cells,
    merges,
    pageBreaksAfter,
    repeatRows: { first: TITLE_ROW, last: HEADER_ROW },
    freeze: { rows: HEADER_ROW, columns: SLOT_COL },
    lastTableRow,
    lastRow,
    lastColumn,
  };
}

function cellKey(leaderId: string, day: number, slot: HalfDay): string {
  return `${leaderId}\u0000${day}\u0000${slot}`;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Runs of consecutive table days on which these half-days cover all three. */
function wholeDayRuns(halfDays: { date: string; slot: HalfDay }[], dayIndex: Map<string, number>): { first: number; last: number }[] {
  const slotsByDay = new Map<number, Set<HalfDay>>();
  for (const { date, slot } of halfDays) {
    const d = dayIndex.get(date) as number;
    slotsByDay.set(d, (slotsByDay.get(d) ?? new Set()).add(slot));
  }
  const whole = [...slotsByDay].filter(([, slots]) => slots.size === HALF_DAYS.length).map(([d]) => d);
  whole.sort((a, b) => a - b);
  const runs: { first: number; last: number }[] = [];
  for (const d of whole) {
    const last = runs.at(-1);
    if (last && last.last === d - 1) last.last = d;
    else runs.push({ first: d, last: d });
  }
  return runs;
}

function indexBy<T>(items: T[], key: (item: T) => string, what: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    if (index.has(k)) throw new Error(`Duplicate ${what} "${k}" in weekly table`);
    index.set(k, i);
  });
  return index;
}
