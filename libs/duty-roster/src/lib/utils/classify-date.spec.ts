import { classifyDate, classifyRange } from './classify-date';
import { shippedCalendar } from './test-fixtures';

const calendars = [shippedCalendar(2025), shippedCalendar(2026)];

describe('classifyDate', () => {
  it.each([
    ['2026-10-01', { kind: 'HOLIDAY', holiday: '国庆节' }],
    ['2026-10-07', { kind: 'HOLIDAY', holiday: '国庆节' }],
    ['2026-10-03', { kind: 'HOLIDAY', holiday: '国庆节' }], // a Saturday inside the holiday is a holiday
    ['2026-09-20', { kind: 'WORKDAY', adjustedFor: '国庆节' }], // 调休 Sunday
    ['2026-10-10', { kind: 'WORKDAY', adjustedFor: '国庆节' }], // 调休 Saturday
    ['2026-02-14', { kind: 'WORKDAY', adjustedFor: '春节' }],
    ['2026-02-15', { kind: 'HOLIDAY', holiday: '春节' }],
    ['2026-02-23', { kind: 'HOLIDAY', holiday: '春节' }],
    ['2026-01-04', { kind: 'WORKDAY', adjustedFor: '元旦' }],
    ['2026-10-08', { kind: 'WORKDAY', adjustedFor: null }],
    ['2026-10-11', { kind: 'WEEKEND' }],
    ['2026-10-17', { kind: 'WEEKEND' }],
    ['2025-01-01', { kind: 'HOLIDAY', holiday: '元旦' }],
    ['2025-10-08', { kind: 'HOLIDAY', holiday: '国庆节、中秋节' }],
    ['2025-09-28', { kind: 'WORKDAY', adjustedFor: '国庆节、中秋节' }],
    ['2025-04-27', { kind: 'WORKDAY', adjustedFor: '劳动节' }],
  ])('%s', (date, expected) => {
    expect(classifyDate(date, calendars)).toEqual(expected);
  });

  it('reports a year with no calendar instead of guessing from the weekday', () => {
    expect(classifyDate('2027-01-01', calendars)).toEqual({ kind: 'NO_CALENDAR', year: 2027 });
    expect(classifyDate('2027-01-02', calendars)).toEqual({ kind: 'NO_CALENDAR', year: 2027 });
    expect(classifyDate('2026-10-01', [])).toEqual({ kind: 'NO_CALENDAR', year: 2026 });
  });

  it('applies a holiday that begins in the year before, once that year is loaded too', () => {
    const y2024 = { year: 2024, source: '通知', holidays: [{ name: '元旦', from: '2023-12-30', to: '2024-01-01' }], adjustedWorkdays: [] };
    const y2023 = {
      year: 2023,
      source: '通知',
      holidays: [{ name: '国庆节', from: '2023-09-29', to: '2023-10-06' }],
      adjustedWorkdays: [],
    };
    expect(classifyDate('2023-12-30', [y2024])).toEqual({ kind: 'NO_CALENDAR', year: 2023 });
    expect(classifyDate('2023-12-30', [y2023, y2024])).toEqual({ kind: 'HOLIDAY', holiday: '元旦' });
    expect(classifyDate('2024-01-01', [y2024])).toEqual({ kind: 'HOLIDAY', holiday: '元旦' });
  });
});

describe('classifyRange', () => {
  it('counts the kinds of the 2026 National Day quarter and names the missing years', () => {
    const { kinds, missingYears } = classifyRange('2026-09-01', '2026-11-30', calendars);
    const count = (kind: string) => [...kinds.values()].filter((k) => k === kind).length;
    // 13 weekends in Sep-Nov 2026 = 26 days; 国庆 takes Oct 3, 4; 中秋 Sep 26, 27; 调休 Sep 20, Oct 10.
    expect(count('HOLIDAY')).toBe(10);
    expect(count('WEEKEND')).toBe(26 - 4 - 2);
    expect(count('WORKDAY')).toBe(91 - 10 - 20);
    expect(missingYears).toEqual([]);
    expect(classifyRange('2026-12-30', '2027-01-02', calendars).missingYears).toEqual([2027]);
  });
});
