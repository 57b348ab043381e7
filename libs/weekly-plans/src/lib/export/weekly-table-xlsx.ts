// The printable weekly table (周工作安排表) as offices circulate and print it: days down,
// leaders across, one row per half-day. Pure: strings in, xlsx bytes out.
import ExcelJS from 'exceljs';

import type { HalfDay } from '../domain/types';

// Re-exported rather than redeclared so that `export *` of this file and the domain types
// from one barrel cannot clash.
export type { HalfDay };

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

export const SLOT_ORDER: readonly HalfDay[] = ['MORNING', 'AFTERNOON', 'EVENING'];
export const SLOT_LABELS: Readonly<Record<HalfDay, string>> = {
  MORNING: '上午',
  AFTERNOON: '下午',
  EVENING: '晚上',
};

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

// 宋体 is on every Chinese Windows and WPS install; with Calibri (ExcelJS's default) CJK glyphs
// fall back per character and the printed metrics stop matching the row heights set below.
const FONT_NAME = '宋体';
const BODY_SIZE = 11;
const TITLE_SIZE = 18;
const LINE_HEIGHT_PT = 15;
/** Blank half-days keep some height: printed copies get handwritten additions. */
const MIN_SLOT_ROW_HEIGHT = 24;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const TABLE_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function renderWeeklyTableXlsx(input: WeeklyTableInput): Promise<Buffer> {
  const leaderIndex = indexBy(input.leaders, (leader) => leader.id, 'leader id');
  const dayIndex = indexBy(input.days, (day) => day.date, 'date');
  const cellText = collectCellText(input.cells, leaderIndex, dayIndex);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Siban';
  if (input.generatedAt) {
    workbook.created = input.generatedAt;
    workbook.modified = input.generatedAt;
  }

  const lastCol = FIRST_LEADER_COL + input.leaders.length - 1;
  const tableLastCol = Math.max(lastCol, SLOT_COL);
  const lastTableRow = HEADER_ROW + input.days.length * SLOT_ORDER.length;

  const sheet = workbook.addWorksheet(WORKSHEET_NAME, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      // One page wide however many leaders there are; as many pages tall as the week needs.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      // Each printed page repeats the leader header so a loose sheet is still readable.
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页  共 &N 页' },
    // Scrolling keeps leaders and day/slot labels in view.
    views: [{ state: 'frozen', xSplit: SLOT_COL, ySplit: HEADER_ROW }],
  });

  sheet.getColumn(DATE_COL).width = DATE_WIDTH;
  sheet.getColumn(SLOT_COL).width = SLOT_WIDTH;
  for (let i = 0; i < input.leaders.length; i++) sheet.getColumn(FIRST_LEADER_COL + i).width = LEADER_WIDTH;
  const tableWidth = DATE_WIDTH + SLOT_WIDTH + input.leaders.length * LEADER_WIDTH;

  // Title and subtitle span the whole table.
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = input.title;
  title.font = { name: FONT_NAME, size: TITLE_SIZE, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(TITLE_ROW).height = 32;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, tableLastCol);

  const subtitle = sheet.getCell(SUBTITLE_ROW, 1);
  subtitle.value = input.subtitle;
  subtitle.font = { name: FONT_NAME, size: BODY_SIZE };
  subtitle.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(SUBTITLE_ROW).height = rowHeight([estimateLines(input.subtitle, tableWidth)], 20);
  sheet.mergeCells(SUBTITLE_ROW, 1, SUBTITLE_ROW, tableLastCol);

  const headerLabels = ['日期', '时段', ...input.leaders.map((leader) => leader.label)];
  headerLabels.forEach((label, i) => {
    const cell = sheet.getCell(HEADER_ROW, i + 1);
    cell.value = label;
    cell.font = { name: FONT_NAME, size: BODY_SIZE, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = TABLE_BORDER;
  });
  sheet.getRow(HEADER_ROW).height = rowHeight(
    headerLabels.map((label, i) => estimateLines(label, columnWidth(i + 1))),
    28,
  );

  input.days.forEach((day, d) => {
    const firstRow = FIRST_DAY_ROW + d * SLOT_ORDER.length;
    SLOT_ORDER.forEach((slot, s) => {
      const row = firstRow + s;

      // Every cell of the merged date block gets the border, or its left edge prints broken.
      const dateCell = sheet.getCell(row, DATE_COL);
      if (s === 0) dateCell.value = day.label;
      dateCell.font = { name: FONT_NAME, size: BODY_SIZE, bold: true };
      dateCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      dateCell.border = TABLE_BORDER;

      const slotCell = sheet.getCell(row, SLOT_COL);
      slotCell.value = SLOT_LABELS[slot];
      slotCell.font = { name: FONT_NAME, size: BODY_SIZE };
      slotCell.alignment = { horizontal: 'center', vertical: 'middle' };
      slotCell.border = TABLE_BORDER;

      const lineCounts: number[] = [];
      input.leaders.forEach((leader, l) => {
        const col = FIRST_LEADER_COL + l;
        const cell = sheet.getCell(row, col);
        const lines = cellText.get(cellKey(leader.id, day.date, slot));
        // An empty slot stays a truly empty cell, not "", so it reads back as blank.
        if (lines && lines.length > 0) {
          cell.value = lines.join('\n');
          lineCounts.push(lines.reduce((sum, line) => sum + estimateLines(line, LEADER_WIDTH), 0));
        }
        cell.font = { name: FONT_NAME, size: BODY_SIZE };
        cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
        cell.border = TABLE_BORDER;
      });
      sheet.getRow(row).height = rowHeight(lineCounts, MIN_SLOT_ROW_HEIGHT);
    });
    sheet.mergeCells(firstRow, DATE_COL, firstRow + SLOT_ORDER.length - 1, DATE_COL);
  });

  let lastRow = lastTableRow;
  if (input.footer) {
    lastRow = lastTableRow + 1;
    const footer = sheet.getCell(lastRow, 1);
    footer.value = input.footer;
    footer.font = { name: FONT_NAME, size: BODY_SIZE };
    footer.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    sheet.getRow(lastRow).height = rowHeight(
      input.footer.split('\n').map((line) => estimateLines(line, tableWidth)),
      20,
    );
    sheet.mergeCells(lastRow, 1, lastRow, tableLastCol);
  }

  // ExcelJS prefixes only the column with "$"; the row's "$" makes the range fully absolute.
  sheet.pageSetup.printArea = `A$1:${sheet.getColumn(tableLastCol).letter}$${lastRow}`;

  // ExcelJS declares its own ArrayBuffer-like Buffer type; hand callers a real Node Buffer.
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
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
    if (!SLOT_ORDER.includes(cell.slot)) throw new Error(`Unknown half-day "${String(cell.slot)}"`);
    const key = cellKey(cell.leaderId, cell.date, cell.slot);
    const lines = byKey.get(key) ?? [];
    // A line may itself hold newlines; splitting keeps the height estimate honest.
    for (const line of cell.lines) lines.push(...line.split(/\r\n|\r|\n/));
    byKey.set(key, lines);
  }
  return byKey;
}

/**
 * Rough count of printed lines for `text` in a column `width` characters wide. Excel does not
 * grow rows to fit wrapped text in a file it did not lay out itself, so heights are set here.
 * Column width is measured in "0" digits of the default font; a CJK glyph is about two of them.
 */
function estimateLines(text: string, width: number): number {
  const usable = Math.max(width - 1, 1); // cell padding
  let lines = 0;
  for (const line of text.split('\n')) {
    let units = 0;
    for (const char of line) units += (char.codePointAt(0) ?? 0) >= 0x2000 ? 2.1 : 1.1;
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

function rowHeight(lineCounts: number[], min: number): number {
  const lines = Math.max(0, ...lineCounts);
  return Math.max(min, lines * LINE_HEIGHT_PT + 4);
}
