// The printable weekly table (周工作安排表) as an xlsx file: the layout of weekly-table-layout
// written with the shared print set-up (@siban/exports). Pure: data in, xlsx bytes out.
import type ExcelJS from 'exceljs';
import {
  addPrintSheet,
  breakPageAfter,
  CELL_STYLES,
  type CellStyle,
  createWorkbook,
  FONT_NAME,
  setPrintArea,
  styleCell,
  workbookBuffer,
} from '@siban/exports';
import { HEADER_ROW, layOutWeeklyTable, type TableCellStyle, type WeeklyTableInput, type WeeklyTableLayout } from './weekly-table-layout';

export type { WeeklyTableInput } from './weekly-table-layout';

export const WORKSHEET_NAME = '周工作安排';

const CENTRED: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

function stylesFor(fonts: WeeklyTableLayout['fonts']): Record<TableCellStyle, CellStyle> {
  const font = (style: TableCellStyle, bold = false) => ({ name: FONT_NAME, size: fonts[style], bold });
  return {
    title: { ...CELL_STYLES.title, font: font('title', true) },
    subtitle: { ...CELL_STYLES.subtitle, font: font('subtitle') },
    header: { ...CELL_STYLES.header, font: font('header', true) },
    group: { ...CELL_STYLES.rowLabel, font: font('group', true) },
    leader: { ...CELL_STYLES.rowLabel, font: font('leader') },
    slot: { ...CELL_STYLES.centered, font: font('slot'), alignment: CENTRED },
    body: { ...CELL_STYLES.body, font: font('body') },
    notSubmitted: { ...CELL_STYLES.centered, font: font('notSubmitted', true), alignment: CENTRED },
    note: { ...CELL_STYLES.note, font: font('note') },
  };
}

export async function renderWeeklyTableXlsx(input: WeeklyTableInput): Promise<Buffer> {
  const layout = layOutWeeklyTable(input);
  const workbook = createWorkbook(input.generatedAt);
  const sheet = addPrintSheet(workbook, {
    name: WORKSHEET_NAME,
    columnWidths: layout.columnWidths,
    paper: layout.paper,
    orientation: 'landscape',
    // Sized to the paper: at 100 % the fonts print at their own size and the page breaks hold.
    fit: 'actual',
    // Title, subtitle and day headings on every page, so a loose page is still readable.
    repeatRows: layout.repeatRows,
    freeze: layout.freeze,
  });
  const styles = stylesFor(layout.fonts);

  // Borders on every cell of the table, including those hidden under merges, or edges print broken.
  for (let row = HEADER_ROW; row <= layout.lastTableRow; row++) {
    for (let col = 1; col <= layout.lastColumn; col++) styleCell(sheet.getCell(row, col), styles.body);
  }
  for (const cell of layout.cells) {
    const target = sheet.getCell(cell.row, cell.col);
    styleCell(target, styles[cell.style]);
    // An empty half-day stays a truly empty cell, not "", so it reads back as blank.
    if (cell.text === '') continue;
    target.value =
      cell.style === 'leader'
        ? {
            // The name stands out from the title under it.
            richText: cell.text.split('\n').map((text, i) => ({
              text: i === 0 ? text : `\n${text}`,
              font: { name: FONT_NAME, size: layout.fonts.leader, bold: i === 0 },
            })),
          }
        : cell.text;
  }
  for (const m of layout.merges) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
  layout.rowHeights.forEach((height, row) => {
    if (height !== undefined) sheet.getRow(row).height = height;
  });
  for (const row of layout.pageBreaksAfter) breakPageAfter(sheet, row);
  setPrintArea(sheet, layout.lastColumn, layout.lastRow);
  return workbookBuffer(workbook);
}
