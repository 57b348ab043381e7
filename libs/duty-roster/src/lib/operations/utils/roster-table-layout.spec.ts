import fs from 'node:fs';
import path from 'node:path';
import { classifyRange } from '../../utils/classify-date';
import { parseHolidayCalendarJson } from '../../utils/holiday-calendar';
import { layOutRosterTable, VACANT } from './roster-table-layout';

const parsed = parseHolidayCalendarJson(fs.readFileSync(path.join(__dirname, '../../../../data/holidays-2026.json'), 'utf8'));
if (!parsed.ok) throw new Error('the shipped 2026 calendar does not parse');
const { classes } = classifyRange('2026-09-30', '2026-10-11', [parsed.calendar]);
const days = [...classes].map(([date, dayClass]) => ({ date, dayClass }));

describe('monthly roster layout', () => {
  const layout = layOutRosterTable({
    title: '清河区总值班表',
    subtitle: '2026年10月',
    note: '班次以开始日期计。',
    posts: [
      { id: 'leader', heading: '带班领导' },
      { id: 'officer', heading: '值班员' },
    ],
    days,
    seats: [
      { date: '2026-10-01', postId: 'leader', seat: 1, name: '王建国', phone: '13800000001' },
      { date: '2026-10-01', postId: 'officer', seat: 2, name: '李四', phone: null },
      { date: '2026-10-01', postId: 'officer', seat: 1, name: '张三', phone: '010-6000 0001' },
      { date: '2026-10-02', postId: 'officer', seat: 1, name: null, phone: null },
    ],
  });

  it('puts dates down and, for each post, a name and a phone column across', () => {
    expect(layout.headingTop).toEqual([
      { text: '日期', span: 1 },
      { text: '星期', span: 1 },
      { text: '节假日', span: 1 },
      { text: '带班领导', span: 2 },
      { text: '值班员', span: 2 },
    ]);
    expect(layout.headingBottom).toEqual(['', '', '', '姓名', '联系电话', '姓名', '联系电话']);
    expect(layout.columnWidths).toHaveLength(7);
    expect(layout.rows).toHaveLength(12);
    // Two seats of one post share a cell, one line each, in seat order.
    expect(layout.rows[1].cells).toEqual(['10月1日', '星期四', '国庆节', '王建国', '13800000001', '张三\n李四', '010-6000 0001\n']);
    // An empty seat is printed as vacant; a post nobody was assigned to stays blank.
    expect(layout.rows[2].cells).toEqual(['10月2日', '星期五', '国庆节', '', '', VACANT, '']);
  });

  it('names holidays and marks 调休 working days, weekends plain', () => {
    const byDate = (label: string) => layout.rows.find((r) => r.cells[0] === label);
    expect(byDate('9月30日')).toMatchObject({ kind: 'WORKDAY', cells: expect.arrayContaining(['星期三', '']) });
    expect(byDate('10月7日')).toMatchObject({ kind: 'HOLIDAY' });
    expect(byDate('10月7日')?.cells[2]).toBe('国庆节');
    expect(byDate('10月10日')).toMatchObject({ kind: 'ADJUSTED_WORKDAY' });
    expect(byDate('10月10日')?.cells.slice(1, 3)).toEqual(['星期六', '调休上班（国庆节）']);
    expect(byDate('10月11日')).toMatchObject({ kind: 'WEEKEND' });
    expect(byDate('10月11日')?.cells.slice(1, 3)).toEqual(['星期日', '']);
  });
});
