import { parseHolidayCalendar, parseHolidayCalendarJson } from './holiday-calendar';
import { shippedCalendar } from './test-fixtures';

const valid = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知',
  holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-07' }],
  adjustedWorkdays: [{ date: '2026-09-20', for: '国庆节' }],
};

function problems(input: unknown) {
  const result = parseHolidayCalendar(input);
  if (result.ok) throw new Error('accepted');
  return result.problems;
}

describe('parseHolidayCalendar', () => {
  it('reads the example of the documented format', () => {
    expect(parseHolidayCalendar(valid)).toEqual({ ok: true, calendar: valid });
  });

  it('reads the shipped 2026 and 2025 calendars', () => {
    const y2026 = shippedCalendar(2026);
    expect(y2026.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(y2026.adjustedWorkdays.map((w) => w.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    const y2025 = shippedCalendar(2025);
    expect(y2025.holidays).toHaveLength(6);
    expect(y2025.adjustedWorkdays).toHaveLength(5);
  });

  it('accepts a holiday that begins in the year before, as 元旦 2024 did', () => {
    const calendar = {
      year: 2024,
      source: '通知',
      holidays: [{ name: '元旦', from: '2023-12-30', to: '2024-01-01' }],
      adjustedWorkdays: [],
    };
    expect(parseHolidayCalendar(calendar).ok).toBe(true);
  });

  it('names each missing or mistyped field, Chinese first', () => {
    expect(
      problems({ year: '2026', source: '', holidays: [{ name: '国庆节', from: '2026-10-01' }], adjustedWorkdays: [], extra: 1 }),
    ).toEqual([
      { field: 'year', message: '应为数字 / expected number' },
      { field: 'source', message: '不能为空 / must not be empty' },
      { field: 'holidays[0].to', message: '缺少此项 / required' },
      { field: '', message: '不认识的字段：extra / unknown field(s): extra' },
    ]);
    expect(problems({ ...valid, source: undefined })).toEqual([{ field: 'source', message: '缺少此项 / required' }]);
  });

  it('refuses dates that are not real dates', () => {
    expect(problems({ ...valid, holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-09-31' }] })).toEqual([
      { field: 'holidays[0].to', message: '不是有效日期（应为 YYYY-MM-DD） / not a valid date (YYYY-MM-DD)' },
    ]);
    expect(problems({ ...valid, adjustedWorkdays: [{ date: '2026/9/20', for: '国庆节' }] })[0].field).toBe('adjustedWorkdays[0].date');
  });

  it('reports every slip of a hand-typed file at once, with its path', () => {
    const found = problems({
      year: 2026,
      source: '通知',
      holidays: [
        { name: '国庆节', from: '2026-10-07', to: '2026-10-01' },
        { name: '中秋节', from: '2026-09-25', to: '2026-10-27' },
        { name: '春节', from: '2025-02-15', to: '2025-02-23' },
        { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
        { name: '劳动节', from: '2026-05-04', to: '2026-05-06' },
      ],
      adjustedWorkdays: [
        { date: '2026-09-21', for: '国庆节' },
        { date: '2026-05-02', for: '劳动节' },
        { date: '2026-09-20', for: '国庆' },
        { date: '2026-09-21', for: '国庆节' },
      ],
    });
    expect(found).toEqual([
      { field: 'holidays[0].to', message: '结束日期早于开始日期 / ends before it starts' },
      { field: 'holidays[1].to', message: '假期超过 15 天，请检查日期 / longer than 15 days: check the dates' },
      { field: 'holidays[2]', message: '假期不在 2026 年 / not in 2026' },
      { field: 'holidays[4].name', message: '假期名称重复：劳动节 / duplicate holiday name' },
      { field: 'holidays[4]', message: '与“劳动节”日期重叠 / overlaps 劳动节' },
      { field: 'adjustedWorkdays[0].date', message: '调休上班日应为周六或周日 / an adjusted working day must be a Saturday or Sunday' },
      { field: 'adjustedWorkdays[1].date', message: '落在“劳动节”假期内 / falls inside 劳动节' },
      { field: 'adjustedWorkdays[2].for', message: '没有名为“国庆”的假期 / names no holiday of this calendar' },
      { field: 'adjustedWorkdays[3].date', message: '调休上班日应为周六或周日 / an adjusted working day must be a Saturday or Sunday' },
      { field: 'adjustedWorkdays[3].date', message: '日期重复 / listed twice' },
    ]);
  });

  it('refuses an empty holiday list and a year out of range', () => {
    expect(problems({ ...valid, year: 1999, holidays: [] })).toEqual([
      { field: 'year', message: '不能小于 2000 / must be at least 2000' },
      { field: 'holidays', message: '至少 1 项 / at least 1 item(s)' },
    ]);
  });

  it('reports a file that is not JSON', () => {
    const result = parseHolidayCalendarJson('{ "year": 2026,');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].message).toMatch(/^不是有效的 JSON \/ not valid JSON: /);
  });
});
