import fs from 'node:fs';
import path from 'node:path';
import { classifyRange } from '../../utils/classify-date';
import { parseHolidayCalendarJson } from '../../utils/holiday-calendar';
import { allowanceCells, allowanceRows, HeldShift } from './allowance-table';

const parsed = parseHolidayCalendarJson(fs.readFileSync(path.join(__dirname, '../../../../data/holidays-2026.json'), 'utf8'));
if (!parsed.ok) throw new Error('the shipped 2026 calendar does not parse');
const { kinds } = classifyRange('2026-10-01', '2026-10-31', [parsed.calendar]);

const shift = (personId: string, date: string, postName = '值班员', postPosition = 1): HeldShift => ({
  personId,
  date,
  templateId: 't',
  postName,
  postPosition,
});

describe('allowance table', () => {
  it('counts holidays, weekends and 调休 working days by the date each shift starts', () => {
    const table = allowanceRows(
      [
        shift('a', '2026-10-01'), // 国庆节
        shift('a', '2026-10-07'), // 国庆节, a Wednesday
        shift('a', '2026-10-10'), // Saturday worked for 国庆节: a workday
        shift('b', '2026-10-17'), // Saturday
        shift('b', '2026-10-18'), // Sunday
        shift('b', '2026-10-19'), // Monday
        shift('l', '2026-10-03', '带班领导', 0),
        shift('l', '2026-10-12'),
      ],
      kinds,
      new Map([
        ['a', { name: '张三', officeName: '区委办' }],
        ['b', { name: '白露', officeName: '区政府办' }],
        ['l', { name: '王建国', officeName: '区委办' }],
      ]),
    );
    expect(table.rows).toEqual([
      { personId: 'l', name: '王建国', officeName: '区委办', posts: '带班领导、值班员', total: 2, workday: 1, weekend: 0, holiday: 1 },
      // 白 (bai) before 张 (zhang): pinyin order, not code points.
      { personId: 'b', name: '白露', officeName: '区政府办', posts: '值班员', total: 3, workday: 1, weekend: 2, holiday: 0 },
      { personId: 'a', name: '张三', officeName: '区委办', posts: '值班员', total: 3, workday: 1, weekend: 0, holiday: 2 },
    ]);
    expect(table.totals).toEqual({ total: 8, workday: 3, weekend: 2, holiday: 3 });
    const cells = allowanceCells(table);
    expect(cells[0]).toEqual(['序号', '姓名', '单位', '岗位', '值班总数', '工作日', '周末', '节假日']);
    expect(cells[1]).toEqual([1, '王建国', '区委办', '带班领导、值班员', 2, 1, 0, 1]);
    expect(cells.at(-1)).toEqual(['合计', '', '', '', 8, 3, 2, 3]);
  });

  it('is only headings and zero totals for a month nobody held', () => {
    expect(allowanceCells(allowanceRows([], kinds, new Map()))).toEqual([
      ['序号', '姓名', '单位', '岗位', '值班总数', '工作日', '周末', '节假日'],
      ['合计', '', '', '', 0, 0, 0, 0],
    ]);
  });
});
