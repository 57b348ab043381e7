import ExcelJS from 'exceljs';
import {
  addPrintSheet,
  addSpanningRow,
  createWorkbook,
  estimateLines,
  estimateLinesAt,
  LINE_HEIGHT_PT,
  printableArea,
  printScale,
  widthForPoints,
  PAGE_NUMBER_FOOTER,
  rowHeight,
  setPrintArea,
  styleCell,
  workbookBuffer,
} from './print-sheet';

/** Writes the workbook and reads it back, as Excel or WPS would open the file. */
async function reopen(workbook: ExcelJS.Workbook, name: string): Promise<ExcelJS.Worksheet> {
  const read = new ExcelJS.Workbook();
  await read.xlsx.load((await workbookBuffer(workbook)) as unknown as ExcelJS.Buffer);
  const sheet = read.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe('addPrintSheet', () => {
  it('prints A4 landscape, one page wide, with page numbers and repeated header rows', async () => {
    const workbook = createWorkbook(new Date('2026-11-20T09:30:00Z'));
    const sheet = addPrintSheet(workbook, {
      name: '值班表',
      columnWidths: [14, 6, 22],
      repeatRows: { first: 3, last: 4 },
      freeze: { rows: 4, columns: 2 },
    });
    sheet.getCell(5, 3).value = '张三';
    setPrintArea(sheet, 3, 5);

    const read = await reopen(workbook, '值班表');
    expect(read.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '3:4',
      printArea: 'A1:C5',
    });
    expect(read.headerFooter.oddFooter).toBe(PAGE_NUMBER_FOOTER);
    expect([1, 2, 3].map((c) => read.getColumn(c).width)).toEqual([14, 6, 22]);
    expect(read.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(workbook.created).toEqual(new Date('2026-11-20T09:30:00Z'));
  });

  it('takes A3, portrait and another footer when asked, and repeats nothing unless told', async () => {
    const workbook = createWorkbook();
    addPrintSheet(workbook, { name: '津贴表', columnWidths: [10], paper: 'A3', orientation: 'portrait', footer: '&L清河区&R&P/&N' });
    const read = await reopen(workbook, '津贴表');
    expect(read.pageSetup).toMatchObject({ paperSize: 8, orientation: 'portrait' });
    expect(read.pageSetup.printTitlesRow).toBeUndefined();
    expect(read.headerFooter.oddFooter).toBe('&L清河区&R&P/&N');
  });
});

describe('addSpanningRow and styleCell', () => {
  it('merges a title across the table and sizes wrapped rows for their text', async () => {
    const workbook = createWorkbook();
    const sheet = addPrintSheet(workbook, { name: '表', columnWidths: [10, 10, 10] });
    addSpanningRow(sheet, 1, '清河区领导周工作安排表', { style: 'title', lastColumn: 3, width: 30 });
    const long = '注：'.padEnd(40, '长');
    addSpanningRow(sheet, 2, long, { style: 'note', lastColumn: 3, width: 30 });
    const header = sheet.getCell(3, 1);
    header.value = '日期';
    styleCell(header, 'header');
    styleCell(sheet.getCell(3, 2), 'header');

    const read = await reopen(workbook, '表');
    expect(read.getCell(1, 3).master.address).toBe('A1');
    expect(read.getCell(1, 1).font).toMatchObject({ name: '宋体', size: 18, bold: true });
    expect(read.getRow(1).height).toBe(32);
    // 40 CJK characters at about two digits each need three lines of a 30-digit span.
    expect(read.getRow(2).height).toBe(3 * LINE_HEIGHT_PT + 4);
    expect(read.getCell(2, 1).alignment).toMatchObject({ horizontal: 'left', vertical: 'top', wrapText: true });
    expect(read.getCell(3, 1).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } });
    expect(read.getCell(3, 1).border.left).toMatchObject({ style: 'thin' });

    // Styles are copied: changing one cell's font leaves its neighbour's alone.
    sheet.getCell(3, 1).font.bold = false;
    expect(sheet.getCell(3, 2).font.bold).toBe(true);
  });
});

describe('row heights', () => {
  it('counts wrapped lines, with CJK characters about two digits wide', () => {
    expect(estimateLines('', 10)).toBe(1);
    expect(estimateLines('abcdefgh', 10)).toBe(1);
    expect(estimateLines('区委常委会会议', 10)).toBe(2);
    expect(estimateLines('一\n二\n三', 10)).toBe(3);
  });

  it('sets a row to its tallest cell, at least the minimum', () => {
    expect(rowHeight([], 24)).toBe(24);
    expect(rowHeight([1, 3, 2], 24)).toBe(3 * LINE_HEIGHT_PT + 4);
  });
});

describe('sizing a sheet to its paper', () => {
  it('knows the printable area inside the margins', () => {
    expect(printableArea('A4', 'landscape').width).toBeCloseTo(841.9 - 57.6, 1);
    expect(printableArea('A4', 'landscape').height).toBeCloseTo(595.3 - 86.4, 1);
    expect(printableArea('A3', 'portrait').width).toBeCloseTo(printableArea('A4', 'landscape').width, 1);
  });

  it('computes the print scale a fit to width applies: 1 when it fits, less when it must shrink', () => {
    const fits = [widthForPoints(400), widthForPoints(380)];
    expect(printScale('A4', 'landscape', fits)).toBe(1);
    // The old table, 11 leaders across at 22 units each, shrank to about half on A4.
    const wide = [14, 6, ...Array.from({ length: 11 }, () => 22)];
    expect(printScale('A4', 'landscape', wide)).toBeCloseTo(784.3 / (262 * 5.7), 3);
    expect(11 * printScale('A4', 'landscape', wide)).toBeLessThan(6);
  });

  it('prints at 100 % when asked, for a sheet sized to its paper', async () => {
    const workbook = createWorkbook();
    addPrintSheet(workbook, { name: '表', columnWidths: [10], fit: 'actual' });
    const read = await reopen(workbook, '表');
    expect(read.pageSetup).toMatchObject({ fitToPage: false, scale: 100 });
  });

  it('estimates wrapped lines in points at a font size', () => {
    expect(estimateLinesAt('区委常委会会议', 7 * 9 + 4, 9)).toBe(1);
    expect(estimateLinesAt('区委常委会会议', 6 * 9 + 4, 9)).toBe(2);
    expect(estimateLinesAt('09:00 会议', 4 * 9 + 4, 9)).toBe(2);
    expect(estimateLinesAt('一\n二', 100, 9)).toBe(2);
  });
});
