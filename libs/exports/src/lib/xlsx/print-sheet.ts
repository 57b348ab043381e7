// Printable spreadsheets as the district offices print and circulate them (the weekly table, the
// duty roster, allowance sheets): page set-up, fonts, borders and row heights that come out
// right on paper. Pure: options in, an ExcelJS sheet out; the caller lays out its own cells.
import ExcelJS from 'exceljs';

export type PaperSize = 'A4' | 'A3';

/** ExcelJS's paperSize codes (the OOXML ST_PaperSize values). */
const PAPER_CODES: Readonly<Record<PaperSize, number>> = { A3: 8, A4: 9 };

/** Centred page numbers, "第 1 页  共 3 页", on every printed page. */
export const PAGE_NUMBER_FOOTER = '&C第 &P 页  共 &N 页';

// 宋体 is on every Chinese Windows and WPS install; with Calibri (ExcelJS's default) CJK glyphs
// fall back per character and the printed metrics stop matching the row heights set here.
export const FONT_NAME = '宋体';
export const BODY_SIZE = 11;
export const TITLE_SIZE = 18;
/** Points per printed line of body text. */
export const LINE_HEIGHT_PT = 15;
const TITLE_ROW_HEIGHT = 32;
const MIN_TEXT_ROW_HEIGHT = 20;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const TABLE_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface CellStyle {
  font: Partial<ExcelJS.Font>;
  alignment: Partial<ExcelJS.Alignment>;
  fill?: ExcelJS.Fill;
  border?: Partial<ExcelJS.Borders>;
}

/** The styles of a printed table; `styleCell` copies them so no two cells share an object. */
export const CELL_STYLES = {
  /** The sheet's title above the table. */
  title: { font: { name: FONT_NAME, size: TITLE_SIZE, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  /** A line under the title (week, version, date of publication). */
  subtitle: { font: { name: FONT_NAME, size: BODY_SIZE }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  /** The column headings, repeated on every printed page. */
  header: {
    font: { name: FONT_NAME, size: BODY_SIZE, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
    border: TABLE_BORDER,
  },
  /** A row heading (a date down the left). */
  rowLabel: {
    font: { name: FONT_NAME, size: BODY_SIZE, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: TABLE_BORDER,
  },
  /** A short centred value inside the table (上午, 下午, 晚上). */
  centered: { font: { name: FONT_NAME, size: BODY_SIZE }, alignment: { horizontal: 'center', vertical: 'middle' }, border: TABLE_BORDER },
  /** Text inside the table, top-left, wrapped. */
  body: {
    font: { name: FONT_NAME, size: BODY_SIZE },
    alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
    border: TABLE_BORDER,
  },
  /** A note under the table. */
  note: { font: { name: FONT_NAME, size: BODY_SIZE }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
} satisfies Record<string, CellStyle>;

export type CellStyleName = keyof typeof CELL_STYLES;

export type Orientation = 'landscape' | 'portrait';

/** ISO 216 sheets, portrait, in points (1/72 inch). */
const PAPER_POINTS: Readonly<Record<PaperSize, { width: number; height: number }>> = {
  A4: { width: 595.3, height: 841.9 },
  A3: { width: 841.9, height: 1190.6 },
};

/** Page margins in inches (ExcelJS's unit); the footer with page numbers sits in the bottom one. */
export const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/**
 * Printed points per unit of column width. Excel and WPS render a unit as 7 px of Calibri 11 at
 * 96 dpi (5.25 pt); LibreOffice, measured from its PDFs with Carlito (Calibri's metric twin)
 * installed, as about 5.6 pt. Tables sized to the paper take the wider reading, so they fit at 100 %
 * in both; text wrapping is estimated on the narrower one, so rows are never too short.
 */
export const POINTS_PER_WIDTH_UNIT = { widest: 5.7, narrowest: 5.25 } as const;

/** The area inside the margins, in points. */
export function printableArea(paper: PaperSize, orientation: Orientation): { width: number; height: number } {
  const sheet = PAPER_POINTS[paper];
  const [width, height] = orientation === 'landscape' ? [sheet.height, sheet.width] : [sheet.width, sheet.height];
  return {
    width: width - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72,
    height: height - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72,
  };
}

/** The column width (in units) that prints at most `points` wide in any of the programs above. */
export function widthForPoints(points: number): number {
  return Math.floor((points / POINTS_PER_WIDTH_UNIT.widest) * 100) / 100;
}

/**
 * The factor by which a sheet of these columns prints when fitted to the paper's width: 1 when it
 * fits (fitting never enlarges), less when it must shrink. Printed text size = font size x this.
 */
export function printScale(paper: PaperSize, orientation: Orientation, columnWidths: readonly number[]): number {
  const sheetWidth = columnWidths.reduce((sum, w) => sum + w * POINTS_PER_WIDTH_UNIT.widest, 0);
  return Math.min(1, printableArea(paper, orientation).width / sheetWidth);
}

/**
 * Printed lines of `text` in a column `points` wide at `fontSize`: a CJK character (and full-width
 * punctuation) is one em wide, anything else half of one, as in 宋体; a cell keeps ~4 pt of padding.
 */
export function estimateLinesAt(text: string, points: number, fontSize: number): number {
  const usable = Math.max(points - 4, fontSize);
  let lines = 0;
  for (const line of text.split('\n')) {
    let width = 0;
    for (const char of line) width += (char.codePointAt(0) ?? 0) >= 0x2000 ? fontSize : fontSize / 2;
    lines += Math.max(1, Math.ceil(width / usable - 1e-9));
  }
  return lines;
}

/** Height of one printed line at `fontSize`: CJK fonts (Noto Sans CJK, 宋体) need about 1.45 em. */
export function lineHeightAt(fontSize: number): number {
  return Math.ceil(fontSize * 1.45 * 4) / 4;
}

/** A manual page break after `row` (1-based): the next row starts a page. */
export function breakPageAfter(sheet: ExcelJS.Worksheet, row: number): void {
  sheet.getRow(row).addPageBreak();
}

export interface PrintSheetOptions {
  name: string;
  /** Widths of the columns, left to right, in "0" digits of the default font. */
  columnWidths: number[];
  /** A4 unless a table is too wide to read on it. */
  paper?: PaperSize;
  orientation?: Orientation;
  /**
   * `width` (default): shrink to one page wide, as many pages tall as needed. `actual`: print at
   * 100 % for a sheet already sized to its paper; unlike fitting (which Excel applies by ignoring
   * them), it keeps the manual page breaks a layout sets.
   */
  fit?: 'width' | 'actual';
  /** Rows (1-based, inclusive) printed again at the top of every page: a loose sheet stays readable. */
  repeatRows?: { first: number; last: number };
  /** Excel header/footer codes; page numbers by default. */
  footer?: string;
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
}

/**
 * A workbook whose document properties say when its content was produced. Without `generatedAt`
 * ExcelJS takes them from the clock (as it does the zip entries' times regardless), so the bytes
 * are never reproducible; the sheet content is.
 */
export function createWorkbook(generatedAt?: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Siban';
  if (generatedAt) {
    workbook.created = generatedAt;
    workbook.modified = generatedAt;
  }
  return workbook;
}

/** A sheet that prints one page wide (as many tall as needed), centred, with page numbers. */
export function addPrintSheet(workbook: ExcelJS.Workbook, options: PrintSheetOptions): ExcelJS.Worksheet {
  const { repeatRows, freeze } = options;
  const sheet = workbook.addWorksheet(options.name, {
    pageSetup: {
      paperSize: PAPER_CODES[options.paper ?? 'A4'],
      orientation: options.orientation ?? 'landscape',
      ...(options.fit === 'actual'
        ? { fitToPage: false, scale: 100 }
        : // One page wide however many columns there are; as many pages tall as the table needs.
          { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      horizontalCentered: true,
      margins: { ...PAGE_MARGINS },
      ...(repeatRows ? { printTitlesRow: `${repeatRows.first}:${repeatRows.last}` } : {}),
    },
    headerFooter: { oddFooter: options.footer ?? PAGE_NUMBER_FOOTER },
    ...(freeze ? { views: [{ state: 'frozen' as const, xSplit: freeze.columns, ySplit: freeze.rows }] } : {}),
  });
  options.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return sheet;
}

export function styleCell(cell: ExcelJS.Cell, style: CellStyleName | CellStyle): void {
  const s: CellStyle = typeof style === 'string' ? CELL_STYLES[style] : style;
  cell.font = { ...s.font };
  cell.alignment = { ...s.alignment };
  if (s.fill) cell.fill = { ...s.fill };
  if (s.border) cell.border = { ...s.border };
}

/**
 * A line of text across the whole table (title, subtitle, a note under it): one merged cell from
 * column 1 to `lastColumn`, tall enough for its wrapped text over `width` characters.
 */
export function addSpanningRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  text: string,
  options: { style: 'title' | 'subtitle' | 'note'; lastColumn: number; width: number },
): void {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  styleCell(cell, options.style);
  sheet.getRow(row).height =
    options.style === 'title' ? TITLE_ROW_HEIGHT : rowHeight([estimateLines(text, options.width)], MIN_TEXT_ROW_HEIGHT);
  sheet.mergeCells(row, 1, row, options.lastColumn);
}

/**
 * Rough count of printed lines for `text` in a column `width` characters wide. Excel does not
 * grow rows to fit wrapped text in a file it did not lay out itself, so heights are set here.
 * Column width is measured in "0" digits of the default font; a CJK glyph is about two of them.
 */
export function estimateLines(text: string, width: number): number {
  const usable = Math.max(width - 1, 1); // cell padding
  let lines = 0;
  for (const line of text.split('\n')) {
    let units = 0;
    for (const char of line) units += (char.codePointAt(0) ?? 0) >= 0x2000 ? 2.1 : 1.1;
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

/** Height in points of a row whose tallest cell prints this many lines, at least `min`. */
export function rowHeight(lineCounts: number[], min: number): number {
  const lines = Math.max(0, ...lineCounts);
  return Math.max(min, lines * LINE_HEIGHT_PT + 4);
}

/** Prints exactly the table: columns 1 to `lastColumn`, rows 1 to `lastRow`. */
export function setPrintArea(sheet: ExcelJS.Worksheet, lastColumn: number, lastRow: number): void {
  // ExcelJS prefixes only the column with "$"; the row's "$" makes the range fully absolute.
  sheet.pageSetup.printArea = `A$1:${sheet.getColumn(lastColumn).letter}$${lastRow}`;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  // ExcelJS declares its own ArrayBuffer-like Buffer type; hand callers a real Node Buffer.
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
