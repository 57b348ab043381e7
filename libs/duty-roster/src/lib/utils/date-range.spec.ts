import { monthsBetween, rangeProblem, yearAfter } from './date-range';

describe('date ranges of the roster', () => {
  it('lists the months a range touches, across a new year', () => {
    expect(monthsBetween('2026-09-15', '2026-09-20')).toEqual(['2026-09']);
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-01-01', '2026-12-31')).toHaveLength(12);
  });

  it('allows at most a year, and nothing reversed', () => {
    expect(rangeProblem('2026-01-01', '2026-12-31')).toBeUndefined();
    expect(rangeProblem('2026-01-01', '2027-01-01')).toBe('TOO_LONG');
    expect(rangeProblem('2026-09-01', '2027-08-31')).toBeUndefined();
    expect(rangeProblem('2026-10-02', '2026-10-01')).toBe('REVERSED');
    expect(rangeProblem('2026-10-01', '2026-10-01')).toBeUndefined();
    expect(rangeProblem('2020-01-01', '2029-01-01', true)).toBeUndefined();
  });

  it('counts a year from 29 February to 1 March', () => {
    expect(yearAfter('2028-02-29')).toBe('2029-03-01');
    expect(yearAfter('2026-03-31')).toBe('2027-03-31');
    expect(rangeProblem('2028-02-29', '2029-02-28')).toBeUndefined();
    expect(rangeProblem('2028-02-29', '2029-03-01')).toBe('TOO_LONG');
  });
});
