// Reads the workbook back with ExcelJS's own parser, so the checks see what a spreadsheet
// program would load rather than the in-memory model that produced it.
import ExcelJS from 'exceljs';

import { WORKSHEET_NAME, WeeklyTableInput, renderWeeklyTableXlsx } from './weekly-table-xlsx';

const DAYS = ['一', '二', '三', '四', '五', '六', '日'].map((weekday, i) => ({
  date: `2026-11-${23 + i}`,
  label: `11月${23 + i}日 星期${weekday}`,
}));

const LEADERS = [
  { id: 'L1', label: '王建国\n区委书记' },
  { id: 'L2', label: '李明华\n区长' },
  { id: 'L3', label: '赵振华\n区人大常委会主任' },
  { id: 'L4', label: '孙丽\n区政协主席' },
];

const INPUT: WeeklyTableInput = {
  title: '清河区领导周工作安排表',
  subtitle: '2026年第48周（11月23日—11月29日）  第2版  2026-11-20 17:30 发布',
  days: DAYS,
  leaders: LEADERS,
  cells: [
    { leaderId: 'L1', date: '2026-11-23', slot: 'MORNING', lines: ['09:00 区委常委会会议（区委一号会议室）'] },
    {
      leaderId: 'L2',
      date: '2026-11-25',
      slot: 'AFTERNOON',
      lines: ['14:30 调研冬季供暖保障工作（清河热力公司）', '16:30 区政府常务会议（区政府三号会议室）'],
    },
    { leaderId: 'L3', date: '2026-11-26', slot: 'EVENING', lines: ['忙碌'] },
    // A second cell for the same position is appended, not lost.
    { leaderId: 'L1', date: '2026-11-23', slot: 'MORNING', lines: ['11:00 会见省发改委调研组（区委二号会议室）'] },
    { leaderId: 'L4', date: '2026-11-29', slot: 'MORNING', lines: ['08:30 全区政协委员视察活动（集合于区政协门前）'] },
  ],
  footer: '注：标“忙碌”者为不公开安排。',
};

async function load(input: WeeklyTableInput = INPUT): Promise<ExcelJS.Worksheet> {
  const buffer = await renderWeeklyTableXlsx(input);
  expect(Buffer.isBuffer(buffer)).toBe(true);
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its input as its own ArrayBuffer-like Buffer; a Node Buffer is what it reads.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(WORKSHEET_NAME);
  if (!sheet) throw new Error('worksheet missing');
  return sheet;
}

/** Locates cells by their labels, the way a reader of the printout would. */
function locate(sheet: ExcelJS.Worksheet, dayLabel: string, slotLabel: string, leaderLabel: string): ExcelJS.Cell {
  let row: number | undefined;
  sheet.eachRow((r, n) => {
    // A merged date cell reads back as its master's value on every row of the block.
    if (r.getCell(1).master.value === dayLabel && r.getCell(2).value === slotLabel) row = n;
  });
  let col: number | undefined;
  sheet.getRow(3).eachCell((c, n) => {
    if (c.value === leaderLabel) col = n;
  });
  if (row === undefined || col === undefined) throw new Error(`no cell for ${dayLabel} ${slotLabel} ${leaderLabel}`);
  return sheet.getCell(row, col);
}

describe('renderWeeklyTableXlsx', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    sheet = await load();
  });

  it('puts a merged, bold, centred title and a merged subtitle on top', () => {
    const title = sheet.getCell('A1');
    expect(title.value).toBe('清河区领导周工作安排表');
    expect(title.font.bold).toBe(true);
    expect(title.font.size).toBeGreaterThan(sheet.getCell('C4').font.size ?? 0);
    expect(title.alignment.horizontal).toBe('center');
    expect(sheet.getCell('A2').value).toBe(INPUT.subtitle);
    // 2 label columns + 4 leaders: A..F.
    expect(sheet.getCell('F1').master.address).toBe('A1');
    expect(sheet.getCell('F2').master.address).toBe('A2');
    expect(sheet.getCell('G1').isMerged).toBe(false);
  });

  it('writes the header row with leaders across', () => {
    const header = sheet.getRow(3);
    expect([1, 2, 3, 4, 5, 6].map((c) => header.getCell(c).value)).toEqual([
      '日期',
      '时段',
      '王建国\n区委书记',
      '李明华\n区长',
      '赵振华\n区人大常委会主任',
      '孙丽\n区政协主席',
    ]);
    expect(header.getCell(3).font.bold).toBe(true);
  });

  it('lays days down in three half-day rows with the date merged over them', () => {
    expect(sheet.getCell('A4').value).toBe('11月23日 星期一');
    expect(['B4', 'B5', 'B6'].map((a) => sheet.getCell(a).value)).toEqual(['上午', '下午', '晚上']);
    expect(sheet.getCell('A5').master.address).toBe('A4');
    expect(sheet.getCell('A6').master.address).toBe('A4');
    expect(sheet.getCell('A7').master.address).toBe('A7');
    expect(sheet.getCell('A7').value).toBe('11月24日 星期二');
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    for (let d = 0; d < 7; d++) expect(merges).toContain(`A${4 + d * 3}:A${6 + d * 3}`);
    // 3 header rows + 7 days x 3 half-days, then the footer.
    expect(sheet.getCell('B24').value).toBe('晚上');
    expect(sheet.getCell('A22').value).toBe('11月29日 星期日');
  });

  it('places each entry at its day, half-day and leader', () => {
    expect(locate(sheet, '11月23日 星期一', '上午', '王建国\n区委书记').value).toBe(
      '09:00 区委常委会会议（区委一号会议室）\n11:00 会见省发改委调研组（区委二号会议室）',
    );
    const l2 = locate(sheet, '11月25日 星期三', '下午', '李明华\n区长');
    expect(l2.address).toBe('D11');
    expect(l2.value).toBe('14:30 调研冬季供暖保障工作（清河热力公司）\n16:30 区政府常务会议（区政府三号会议室）');
    expect(locate(sheet, '11月26日 星期四', '晚上', '赵振华\n区人大常委会主任').address).toBe('E15');
    expect(sheet.getCell('E15').value).toBe('忙碌');
    expect(locate(sheet, '11月29日 星期日', '上午', '孙丽\n区政协主席').address).toBe('F22');
  });

  it('leaves empty slots empty', () => {
    expect(sheet.getCell('C5').value).toBeNull();
    expect(locate(sheet, '11月25日 星期三', '下午', '王建国\n区委书记').value).toBeNull();
    expect(sheet.getCell('D10').value).toBeNull();
  });

  it('formats table cells for printing', () => {
    const cell = sheet.getCell('D11');
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // Including the slave cells of a merged date block, or its left edge prints broken.
    for (const address of ['A3', 'F3', 'C5', 'D11', 'A5', 'A6', 'B24', 'F24']) {
      const border = sheet.getCell(address).border;
      expect([border.top?.style, border.left?.style, border.bottom?.style, border.right?.style]).toEqual(['thin', 'thin', 'thin', 'thin']);
    }
    // Multi-line cells get taller rows than blank half-days.
    expect(sheet.getRow(11).height).toBeGreaterThan(sheet.getRow(10).height);
    expect(sheet.getColumn(1).width).toBe(14);
    expect(sheet.getColumn(2).width).toBe(6);
    expect(sheet.getColumn(3).width).toBe(22);
    expect(sheet.getColumn(6).width).toBe(22);
  });

  it('sets up A4 landscape printing with the header repeated', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
      printArea: 'A1:F25',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
  });

  it('records generatedAt as the workbook times', async () => {
    const generatedAt = new Date('2026-11-20T09:30:00Z');
    const workbook = new ExcelJS.Workbook();
    const buffer = await renderWeeklyTableXlsx({ ...INPUT, generatedAt });
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    expect(workbook.created.toISOString()).toBe(generatedAt.toISOString());
    expect(workbook.modified.toISOString()).toBe(generatedAt.toISOString());
  });

  it('adds the footer note below the table', () => {
    expect(sheet.getCell('A25').value).toBe('注：标“忙碌”者为不公开安排。');
    expect(sheet.getCell('F25').master.address).toBe('A25');
    expect(sheet.rowCount).toBe(25);
  });

  it('omits the footer row when there is no footer', async () => {
    const bare = await load({ ...INPUT, footer: undefined });
    expect(bare.rowCount).toBe(24);
  });

  it('rejects cells that would silently fall off the table', async () => {
    await expect(
      renderWeeklyTableXlsx({ ...INPUT, cells: [{ leaderId: 'L9', date: '2026-11-23', slot: 'MORNING', lines: ['x'] }] }),
    ).rejects.toThrow(/unknown leader/);
    await expect(
      renderWeeklyTableXlsx({ ...INPUT, cells: [{ leaderId: 'L1', date: '2026-11-30', slot: 'MORNING', lines: ['x'] }] }),
    ).rejects.toThrow(/outside the table/);
    await expect(renderWeeklyTableXlsx({ ...INPUT, leaders: [...LEADERS, LEADERS[0]] })).rejects.toThrow(/Duplicate/);
  });
});
