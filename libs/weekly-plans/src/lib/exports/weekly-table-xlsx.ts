// The printable weekly table (周工作安排表) as offices circulate and print it: days down,
// leaders across, one row per half-day. Pure: strings in, xlsx bytes out. Paper, fonts and row
// heights are the shared print layout's (@siban/exports).
import { HALF_DAY_LABELS, HALF_DAYS, type HalfDay } from '@siban/district-time';
import {
  addPrintSheet,
  addSpanningRow,
  createWorkbook,
  estimateLines,
  rowHeight,
  setPrintArea,
  styleCell,
  workbookBuffer,
} from '@siban/exports';

export interface WeeklyTableInput {
  /** e.g. "清河区领导周工作安排表" */
  title: string;
  /** e.g. "2026年第48周（11月23日—11月29日）  第2版  2026-11-20 17:30 发布" */
  subtitle: string;
  /** Rows, top to bottom; label e.g. "11月23日 星期一". */
  days: { date: string; label: string }[];
  /** Columns, left to right; label e.g. "王建国\n区委书记". */
  leaders: { id: string; label: string }[];
  /** Text lines per cell, e.g. "09:00 区委常委会会议（区委一号会议室）". */
  cells: { leaderId: string; date: string; slot: HalfDay; lines: string[] }[];
  /** e.g. "注：标“忙碌”者为不公开安排。" */
  footer?: string;
  /**
   * Recorded as the workbook's created/modified document properties. When absent ExcelJS fills
   * them from the clock itself (as it does the zip entries' times regardless), so the bytes are
   * never reproducible; the sheet content is.
   */
  generatedAt?: Date;
}

export const WORKSHEET_NAME = '周工作安排';

const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
const HEADER_ROW = 3;
const FIRST_DAY_ROW = HEADER_ROW + 1;
const DATE_COL = 1;
const SLOT_COL = 2;
const FIRST_LEADER_COL = 3;

const DATE_WIDTH = 14;
const SLOT_WIDTH = 6;
const LEADER_WIDTH = 22;

/** Blank half-days keep some height: printed copies get handwritten additions. */
const MIN_SLOT_ROW_HEIGHT = 24;
const MIN_HEADER_ROW_HEIGHT = 28;

export async function renderWeeklyTableXlsx(input: WeeklyTableInput): Promise<Buffer> {
  const leaderIndex = indexBy(input.leaders, (leader) => leader.id, 'leader id');
  const dayIndex = indexBy(input.days, (day) => day.date, 'date');
  const cellText = collectCellText(input.cells, leaderIndex, dayIndex);

  const workbook = createWorkbook(input.generatedAt);
  const lastCol = FIRST_LEADER_COL + input.leaders.length - 1;
  const tableLastCol = Math.max(lastCol, SLOT_COL);
  const lastTableRow = HEADER_ROW + input.days.length * HALF_DAYS.length;

  const sheet = addPrintSheet(workbook, {
    name: WORKSHEET_NAME,
    columnWidths: [DATE_WIDTH, SLOT_WIDTH, ...input.leaders.map(() => LEADER_WIDTH)],
    // Each printed page repeats the leader header so a loose sheet is still readable.
    repeatRows: { first: HEADER_ROW, last: HEADER_ROW },
    // Scrolling keeps leaders and day/slot labels in view.
    freeze: { rows: HEADER_ROW, columns: SLOT_COL },
  });
  const tableWidth = DATE_WIDTH + SLOT_WIDTH + input.leaders.length * LEADER_WIDTH;

  addSpanningRow(sheet, TITLE_ROW, input.title, { style: 'title', lastColumn: tableLastCol, width: tableWidth });
  addSpanningRow(sheet, SUBTITLE_ROW, input.subtitle, { style: 'subtitle', lastColumn: tableLastCol, width: tableWidth });

  const headerLabels = ['日期', '时段', ...input.leaders.map((leader) => leader.label)];
  headerLabels.forEach((label, i) => {
    const cell = sheet.getCell(HEADER_ROW, i + 1);
    cell.value = label;
    styleCell(cell, 'header');
  });
  sheet.getRow(HEADER_ROW).height = rowHeight(
    headerLabels.map((label, i) => estimateLines(label, columnWidth(i + 1))),
    MIN_HEADER_ROW_HEIGHT,
  );

  input.days.forEach((day, d) => {
    const firstRow = FIRST_DAY_ROW + d * HALF_DAYS.length;
    HALF_DAYS.forEach((slot, s) => {
      const row = firstRow + s;

      // Every cell of the merged date block gets the border, or its left edge prints broken.
      const dateCell = sheet.getCell(row, DATE_COL);
      if (s === 0) dateCell.value = day.label;
      styleCell(dateCell, 'rowLabel');

      const slotCell = sheet.getCell(row, SLOT_COL);
      slotCell.value = HALF_DAY_LABELS[slot].zh;
      styleCell(slotCell, 'centered');

      const lineCounts: number[] = [];
      input.leaders.forEach((leader, l) => {
        const cell = sheet.getCell(row, FIRST_LEADER_COL + l);
        const lines = cellText.get(cellKey(leader.id, day.date, slot));
        // An empty slot stays a truly empty cell, not "", so it reads back as blank.
        if (lines && lines.length > 0) {
          cell.value = lines.join('\n');
          lineCounts.push(lines.reduce((sum, line) => sum + estimateLines(line, LEADER_WIDTH), 0));
        }
        styleCell(cell, 'body');
      });
      sheet.getRow(row).height = rowHeight(lineCounts, MIN_SLOT_ROW_HEIGHT);
    });
    sheet.mergeCells(firstRow, DATE_COL, firstRow + HALF_DAYS.length - 1, DATE_COL);
  });

  let lastRow = lastTableRow;
  if (input.footer) {
    lastRow = lastTableRow + 1;
    addSpanningRow(sheet, lastRow, input.footer, { style: 'note', lastColumn: tableLastCol, width: tableWidth });
  }
  setPrintArea(sheet, tableLastCol, lastRow);
  return workbookBuffer(workbook);
}

function columnWidth(col: number): number {
  if (col === DATE_COL) return DATE_WIDTH;
  if (col === SLOT_COL) return SLOT_WIDTH;
  return LEADER_WIDTH;
}

function cellKey(leaderId: string, date: string, slot: HalfDay): string {
  return `${leaderId}\u0000${date}\u0000${slot}`;
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

/**
 * Groups cell lines by position. Several entries for one position are appended in order rather
 * than overwriting each other; an entry for an unknown leader or day throws, because a printed
 * schedule that silently drops a leader's engagement is worse than a failed export.
 */
function collectCellText(
  cells: WeeklyTableInput['cells'],
  leaderIndex: Map<string, number>,
  dayIndex: Map<string, number>,
): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const cell of cells) {
    if (!leaderIndex.has(cell.leaderId)) throw new Error(`Cell for unknown leader "${cell.leaderId}"`);
    if (!dayIndex.has(cell.date)) throw new Error(`Cell for a date outside the table: "${cell.date}"`);
    if (!HALF_DAYS.includes(cell.slot)) throw new Error(`Unknown half-day "${String(cell.slot)}"`);
    const key = cellKey(cell.leaderId, cell.date, cell.slot);
    const lines = byKey.get(key) ?? [];
    // A line may itself hold newlines; splitting keeps the height estimate honest.
    for (const line of cell.lines) lines.push(...line.split(/\r\n|\r|\n/));
    byKey.set(key, lines);
  }
  return byKey;
}
