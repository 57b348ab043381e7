// Reads the workbook back with ExcelJS's own parser, so the checks see what a spreadsheet
// program would load rather than the in-memory model that produced it.
import { printableArea, printScale } from '@siban/exports';
import ExcelJS from 'exceljs';
import { weeklyTableContent } from './weekly-table-content';
import { layOutWeeklyTable } from './weekly-table-layout';
import { fixtureSource } from './weekly-table.fixture';
import { WORKSHEET_NAME, renderWeeklyTableXlsx } from './weekly-table-xlsx';

const MIN_PRINTED_PT = 9;

async function load(count: number, paper: 'A4' | 'A3' = 'A4'): Promise<ExcelJS.Worksheet> {
  const buffer = await renderWeeklyTableXlsx(weeklyTableContent(fixtureSource(count, paper)));
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its input as its own ArrayBuffer-like Buffer; a Node Buffer is what it reads.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(WORKSHEET_NAME);
  if (!sheet) throw new Error('worksheet missing');
  return sheet;
}

/** A cell's text, whether plain or rich (the leader cells are rich: the name in bold). */
function text(cell: ExcelJS.Cell): string {
  const value = cell.master.value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return value === null || value === undefined ? '' : String(value);
}

/** The cell of a leader's half-day on a day, found by labels as a reader of the printout would. */
function at(sheet: ExcelJS.Worksheet, leader: string, day: string, slot: '上午' | '下午' | '晚上'): ExcelJS.Cell {
  let top: number | undefined;
  sheet.getColumn(2).eachCell((cell, row) => {
    if (top === undefined && text(cell).split('\n')[0] === leader) top = row;
  });
  let col: number | undefined;
  sheet.getRow(3).eachCell((cell, c) => {
    if (text(cell).startsWith(`${day}\n`)) col = c;
  });
  if (top === undefined || col === undefined) throw new Error(`no cell for ${leader} ${day} ${slot}`);
  return sheet.getCell(top + ['上午', '下午', '晚上'].indexOf(slot), col);
}

function fontSizes(sheet: ExcelJS.Worksheet): number[] {
  const sizes: number[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (text(cell) === '') return;
      sizes.push(cell.font?.size ?? 11);
      const value = cell.value;
      if (value && typeof value === 'object' && 'richText' in value) for (const run of value.richText) sizes.push(run.font?.size ?? 11);
    }),
  );
  return sizes;
}

describe.each([12, 35])('the printed weekly table with %i leaders', (count) => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    sheet = await load(count);
  });

  it('prints A4 landscape at actual size, with title, subtitle and day headings on every page', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: 100,
      printTitlesRow: '1:3',
    });
    expect(sheet.pageSetup.printArea).toMatch(/^A1:J\d+$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 });
  });

  it('prints no text smaller than 9 pt, given the scale its width needs on the paper', () => {
    const widths = Array.from({ length: 10 }, (_, i) => sheet.getColumn(i + 1).width ?? 0);
    const scale = printScale('A4', 'landscape', widths);
    // The sheet is sized to the paper: nothing shrinks.
    expect(scale).toBe(1);
    const smallest = Math.min(...fontSizes(sheet));
    expect(smallest * scale).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    expect(text(sheet.getCell('A1'))).toBe('清河区领导周工作安排表');
    expect(sheet.getCell('A1').font.size).toBeGreaterThan(smallest);
  });

  it('lists leaders down the side by body, in protocol order within each', () => {
    const groups: string[] = [];
    const leaders: string[] = [];
    sheet.getColumn(1).eachCell((cell, row) => {
      const inTable = ['上午', '下午', '晚上'].includes(text(sheet.getCell(row, 3)));
      if (inTable && cell.master === cell && text(cell) && !groups.includes(text(cell))) groups.push(text(cell));
    });
    sheet.getColumn(2).eachCell((cell, row) => {
      if (row > 3 && cell.master === cell && text(cell)) leaders.push(text(cell).split('\n')[0]);
    });
    expect(groups).toEqual(['区委', '人大', '政府', '政协', '法院', '检察院']);
    expect(leaders).toHaveLength(count);
    expect(leaders.slice(0, 2)).toEqual(['王建国', '陈强']);
    // 区长 李明 (rank 2) leads the government group even though 区委 lists come first.
    expect(leaders[leaders.indexOf('李明') - 1]).not.toBe('王建国');
  });

  it('gives every leader three half-day rows and the days across', () => {
    const header: string[] = [];
    sheet.getRow(3).eachCell((cell) => header.push(text(cell)));
    expect(header).toEqual([
      '单位',
      '领导',
      '时段',
      '11月30日\n星期一',
      '12月1日\n星期二',
      '12月2日\n星期三',
      '12月3日\n星期四',
      '12月4日\n星期五',
      '12月5日\n星期六',
      '12月6日\n星期日',
    ]);
    expect(['C4', 'C5', 'C6', 'C7'].map((a) => text(sheet.getCell(a)))).toEqual(['上午', '下午', '晚上', '上午']);
    expect(sheet.getCell('B6').master.address).toBe('B4');
  });

  it('places entries at their leader, day and half-day, with times and places', () => {
    expect(text(at(sheet, '王建国', '11月30日', '上午'))).toBe('08:30-11:30 区委常委会会议（区委一号会议室）');
    // The joint meeting in every one of its leaders' rows.
    expect(text(at(sheet, '陈强', '11月30日', '上午'))).toBe('08:30-11:30 区委常委会会议（区委一号会议室）');
    expect(text(at(sheet, '王建国', '12月2日', '下午'))).toBe('忙碌');
    expect(at(sheet, '王建国', '12月2日', '上午').value).toBeNull();
  });

  it('draws a multi-day trip over every half-day it covers', () => {
    const trip = at(sheet, '王建国', '12月3日', '上午');
    expect(text(trip)).toBe('赴省委参加全省经济工作会议（省城）');
    for (const day of ['12月3日', '12月4日']) {
      for (const slot of ['上午', '下午', '晚上'] as const) expect(at(sheet, '王建国', day, slot).master.address).toBe(trip.address);
    }
    expect(at(sheet, '王建国', '12月5日', '上午').master.address).not.toBe(trip.address);
  });

  it('marks acknowledged conflicts and explains them under the table', () => {
    expect(text(at(sheet, '王建国', '12月1日', '上午')).split('\n')).toEqual([
      '09:00-11:00 会见省发改委调研组（区委二号会议室）①',
      '【新】10:30-12:00 调研清河热力公司（清河热力公司）①',
    ]);
    const notes = noteTexts(sheet);
    expect(notes.find((n) => n.startsWith('①'))).toBe(
      '① 时间冲突（王建国）：「调研清河热力公司」12月1日 10:30–12:00；「会见省发改委调研组」12月1日 09:00–11:00。协调意见：会见结束后赴热力公司，调研推迟至 11:00 开始',
    );
  });

  it('marks what changed since the previous revision, with a legend, and lists what it cancelled', () => {
    expect(text(at(sheet, '王建国', '11月30日', '下午'))).toBe('【改】全区经济工作会议（区会议中心）');
    expect(text(at(sheet, '李明', '12月2日', '晚上'))).toBe('【新】19:30-21:00 防汛防冻专题调度会（区应急指挥中心）');
    const notes = noteTexts(sheet);
    expect(notes[0]).toMatch(/^说明：【新】本版新增\u3000【改】本版变更/);
    expect(notes).toContain('本版取消：李明 12月2日 上午「区长办公会」');
  });

  it('prints 未报 for a leader with no submitted plan, and notes it beside one listed by a colleague', () => {
    const silent = fixtureSource(count).leaders[count - 2].name;
    const cell = at(sheet, silent, '11月30日', '上午');
    expect(text(cell)).toBe('未报');
    expect(at(sheet, silent, '12月6日', '晚上').master.address).toBe(cell.address);
    const listed = fixtureSource(count).leaders[count - 1].name;
    expect(text(at(sheet, listed, '12月4日', '下午'))).toBe('联合督查民生实事项目（城南街道）');
    let label = '';
    sheet.getColumn(2).eachCell((c) => {
      if (text(c).startsWith(`${listed}\n`)) label = text(c);
    });
    expect(label.endsWith('（未报）')).toBe(true);
  });

  it('breaks pages between leaders only, and keeps the notes together', () => {
    // ExcelJS does not read page breaks back, so this checks the layout the file is written from.
    const layout = layOutWeeklyTable(weeklyTableContent(fixtureSource(count)));
    if (count === 35) expect(layout.pageBreaksAfter.length).toBeGreaterThan(2);
    for (const row of layout.pageBreaksAfter) {
      // After the last half-day (晚上) of a leader, or right before the notes.
      expect(text(sheet.getCell(row, 3)) === '晚上' || row === layout.lastTableRow).toBe(true);
    }
    const pageBody = printableArea('A4', 'landscape').height - layout.rowHeights.slice(1, 4).reduce((a, b) => a + b, 0);
    const pageStarts = [layout.repeatRows.last + 1, ...layout.pageBreaksAfter.map((r) => r + 1)];
    pageStarts.forEach((start, i) => {
      const end = i + 1 < pageStarts.length ? pageStarts[i + 1] - 1 : layout.lastRow;
      const height = layout.rowHeights.slice(start, end + 1).reduce((a, b) => a + b, 0);
      // A page that overflows would get a break from the printer in the middle of a leader.
      expect(height).toBeLessThanOrEqual(pageBody);
    });
  });
});

function noteTexts(sheet: ExcelJS.Worksheet): string[] {
  const notes: string[] = [];
  sheet.eachRow((row, n) => {
    const first = text(row.getCell(1));
    if (n > 3 && row.getCell(10).master.address === `A${n}` && first) notes.push(first);
  });
  return notes;
}

describe('the printed weekly table on A3', () => {
  it('prints on A3 in 五号 (10.5 pt) text', async () => {
    const sheet = await load(35, 'A3');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', scale: 100 });
    const widths = Array.from({ length: 10 }, (_, i) => sheet.getColumn(i + 1).width ?? 0);
    // ExcelJS reads a font size back as an integer (10.5 -> 10); the layout holds the sizes written.
    expect(Math.min(...fontSizes(sheet)) * printScale('A3', 'landscape', widths)).toBeGreaterThanOrEqual(10);
    const layout = layOutWeeklyTable(weeklyTableContent(fixtureSource(35, 'A3')));
    expect(Math.min(...Object.values(layout.fonts)) * layout.scale).toBe(10.5);
  });
});
