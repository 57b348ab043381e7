// The duty roster's printed tables as xlsx, on the shared print set-up (@siban/exports): the
// allowance sheet (值班补贴) and the monthly roster (值班表). Pure: table content in, bytes out.
import type ExcelJS from 'exceljs';
import {
  addPrintSheet,
  addSpanningRow,
  CELL_STYLES,
  type CellStyle,
  createWorkbook,
  estimateLines,
  rowHeight,
  setPrintArea,
  styleCell,
  workbookBuffer,
} from '@siban/exports';
import type { CsvCell } from '../utils/csv';
import type { RosterRowKind, RosterTableLayout } from '../utils/roster-table-layout';

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
/** Holidays stand out on the printed roster; 调休 working days less so; weekends lightly. */
const ROW_FILLS: Partial<Record<RosterRowKind, ExcelJS.Fill>> = {
  HOLIDAY: fill('FFFDE9E7'),
  ADJUSTED_WORKDAY: fill('FFFFF5D6'),
  WEEKEND: fill('FFF2F2F2'),
};
const MIN_ROW_HEIGHT = 20;

export interface AllowanceSheetInput {
  title: string;
  subtitle: string;
  note: string;
  /** Headings, one row per person, totals last (allowanceCells). */
  cells: CsvCell[][];
  generatedAt: Date;
}

const ALLOWANCE_WIDTHS = [6, 12, 12, 20, 10, 9, 9, 9];

export async function renderAllowanceXlsx(input: AllowanceSheetInput): Promise<Buffer> {
  const workbook = createWorkbook(input.generatedAt);
  const last = ALLOWANCE_WIDTHS.length;
  const width = ALLOWANCE_WIDTHS.reduce((a, b) => a + b, 0);
  const sheet = addPrintSheet(workbook, {
    name: '值班补贴',
    columnWidths: ALLOWANCE_WIDTHS,
    orientation: 'portrait',
    repeatRows: { first: 3, last: 3 },
    freeze: { rows: 3, columns: 0 },
  });
  addSpanningRow(sheet, 1, input.title, { style: 'title', lastColumn: last, width });
  addSpanningRow(sheet, 2, input.subtitle, { style: 'subtitle', lastColumn: last, width });
  input.cells.forEach((cells, i) => {
    const row = 3 + i;
    const heading = i === 0;
    const total = i === input.cells.length - 1;
    cells.forEach((value, c) => {
      const cell = sheet.getCell(row, c + 1);
      if (value !== '') cell.value = value;
      styleCell(cell, heading ? 'header' : c >= 4 || c === 0 ? 'centered' : 'body');
      if (total) cell.font = { ...cell.font, bold: true };
    });
    sheet.getRow(row).height = rowHeight(
      cells.map((v, c) => estimateLines(String(v), ALLOWANCE_WIDTHS[c])),
      MIN_ROW_HEIGHT,
    );
  });
  const lastRow = 3 + input.cells.length;
  addSpanningRow(sheet, lastRow, input.note, { style: 'note', lastColumn: last, width });
  setPrintArea(sheet, last, lastRow);
  return workbookBuffer(workbook);
}

export async function renderRosterXlsx(layout: RosterTableLayout, generatedAt: Date): Promise<Buffer> {
  const workbook = createWorkbook(generatedAt);
  const last = layout.columnWidths.length;
  const width = layout.columnWidths.reduce((a, b) => a + b, 0);
  const sheet = addPrintSheet(workbook, {
    name: '值班表',
    columnWidths: layout.columnWidths,
    orientation: last > 9 ? 'landscape' : 'portrait',
    repeatRows: { first: 3, last: 4 },
    freeze: { rows: 4, columns: 3 },
  });
  addSpanningRow(sheet, 1, layout.title, { style: 'title', lastColumn: last, width });
  addSpanningRow(sheet, 2, layout.subtitle, { style: 'subtitle', lastColumn: last, width });
  let col = 1;
  for (const { text, span } of layout.headingTop) {
    for (let c = col; c < col + span; c++) {
      styleCell(sheet.getCell(3, c), 'header');
      styleCell(sheet.getCell(4, c), 'header');
    }
    sheet.getCell(3, col).value = text;
    // 日期, 星期, 节假日 span both heading rows; a post spans its name and phone columns.
    if (span === 1) sheet.mergeCells(3, col, 4, col);
    else sheet.mergeCells(3, col, 3, col + span - 1);
    col += span;
  }
  layout.headingBottom.forEach((text, i) => {
    if (text) sheet.getCell(4, i + 1).value = text;
  });
  sheet.getRow(3).height = MIN_ROW_HEIGHT;
  sheet.getRow(4).height = MIN_ROW_HEIGHT;
  layout.rows.forEach(({ kind, cells }, i) => {
    const row = 5 + i;
    cells.forEach((value, c) => {
      const cell = sheet.getCell(row, c + 1);
      if (value !== '') cell.value = value;
      const style: CellStyle =
        c < 3 ? CELL_STYLES.rowLabel : { ...CELL_STYLES.centered, alignment: { ...CELL_STYLES.centered.alignment, wrapText: true } };
      styleCell(cell, { ...style, ...(ROW_FILLS[kind] ? { fill: ROW_FILLS[kind] } : {}) });
    });
    sheet.getRow(row).height = rowHeight(
      cells.map((v, c) => estimateLines(v, layout.columnWidths[c])),
      MIN_ROW_HEIGHT,
    );
  });
  const lastRow = 5 + layout.rows.length;
  addSpanningRow(sheet, lastRow, layout.note, { style: 'note', lastColumn: last, width });
  setPrintArea(sheet, last, lastRow);
  return workbookBuffer(workbook);
}
