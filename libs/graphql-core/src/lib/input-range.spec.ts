import { isDistrictDate, isIsoWeek, ParseWeekPipe } from './input-range';

describe('input ranges', () => {
  it('accepts ISO weeks that exist between 2000 and 2100', () => {
    expect(['2026-W48', '2000-W01', '2100-W52', '2026-W53', '2020-W53'].map(isIsoWeek)).toEqual([true, true, true, true, true]);
    // 2026 starts on a Thursday (53 weeks); 2027 does not.
    expect(['2027-W53', '0000-W01', '9999-W52', '1999-W10', '2026-W00', '2026-48', ' 2026-W48', 2026].map(isIsoWeek)).toEqual(
      Array(8).fill(false),
    );
  });

  it('accepts calendar dates that exist between 2000 and 2100', () => {
    expect(['2026-11-23', '2000-01-01', '2100-12-31', '2024-02-29'].map(isDistrictDate)).toEqual([true, true, true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-04-31', '0000-01-01', '9999-12-31', '2026-1-1'].map(isDistrictDate)).toEqual(
      Array(6).fill(false),
    );
  });

  it('refuses a week argument with BAD_USER_INPUT naming it', () => {
    expect(new ParseWeekPipe().transform('2026-W48')).toBe('2026-W48');
    expect(() => new ParseWeekPipe().transform('9999-W52')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'week' }));
  });
});
