import { isWorkingDay, quarterDays, quarterOf } from './calendar';

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-09-30', '2026-Q3'],
    ['2026-12-31', '2026-Q4'],
  ])('%s is in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });

  it('gives first and last days, leap years included', () => {
    expect(quarterDays('2028-Q1')).toEqual({ first: '2028-01-01', last: '2028-03-31' });
    expect(quarterDays('2026-Q2')).toEqual({ first: '2026-04-01', last: '2026-06-30' });
    expect(quarterDays('2026-Q4')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
  });

  it('rejects malformed quarters and dates', () => {
    expect(() => quarterDays('2026-Q5')).toThrow(/YYYY-Qn/);
    expect(() => quarterOf('2026-02-30')).toThrow(/Invalid local date/);
  });
});

describe('isWorkingDay', () => {
  // 2026: 国庆节 1-7 October off, Saturday 10 October worked in exchange (illustrative data).
  const calendar = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], workdays: ['2026-10-10'] };

  it('works Monday to Friday without a calendar', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true);
    expect(isWorkingDay('2026-11-28')).toBe(false);
  });

  it('follows the holidays and adjusted working days it is given', () => {
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-05', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true);
    expect(isWorkingDay('2026-10-11', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-09', calendar)).toBe(true);
  });
});
