import { classifyRange } from './classify-date';
import { listShiftSlots } from './list-shift-slots';
import { tallyShifts } from './tally-shifts';
import { shippedCalendar } from './test-fixtures';

const { kinds } = classifyRange('2026-09-01', '2026-10-31', [shippedCalendar(2026)]);
const shift = (date: string, personId: string) => ({ date, templateId: 'day24', personId });

describe('tallyShifts', () => {
  it('counts by the date a shift starts: 调休 days as workdays, holidays on a weekend as holidays', () => {
    const { tallies, unclassified } = tallyShifts(
      [shift('2026-09-20', 'a'), shift('2026-10-03', 'a'), shift('2026-10-11', 'a'), shift('2026-09-30', 'b'), shift('2026-10-10', 'b')],
      kinds,
    );
    expect(tallies).toEqual(
      new Map([
        ['a', { total: 3, weekend: 1, holiday: 1 }],
        ['b', { total: 2, weekend: 0, holiday: 0 }],
      ]),
    );
    expect(unclassified).toEqual([]);
  });

  it('keeps to a range, and counts a date with no day kind in the total only, naming it', () => {
    const shifts = [shift('2026-10-01', 'a'), shift('2026-10-02', 'a'), shift('2026-11-01', 'a')];
    expect(tallyShifts(shifts, kinds, { from: '2026-10-02', to: '2026-10-31' }).tallies.get('a')).toEqual({
      total: 1,
      weekend: 0,
      holiday: 1,
    });
    expect(tallyShifts(shifts, kinds)).toEqual({
      tallies: new Map([['a', { total: 3, weekend: 0, holiday: 2 }]]),
      unclassified: ['2026-11-01'],
    });
  });
});

describe('listShiftSlots', () => {
  it('staffs each post on its days: every day, non-workdays, holidays; with its seats', () => {
    const posts = [
      { id: 'officer', templateId: 'day24', days: 'EVERY_DAY' as const, seats: 1 },
      { id: 'weekend', templateId: 'day24', days: 'NON_WORKDAYS' as const, seats: 1 },
      { id: 'holiday', templateId: 'day24', days: 'HOLIDAYS' as const, seats: 2 },
    ];
    const slots = listShiftSlots('2026-09-30', '2026-10-01', posts, kinds).map((s) => `${s.date} ${s.postId} ${s.seat}`);
    expect(slots).toEqual([
      '2026-09-30 officer 1',
      '2026-10-01 officer 1',
      '2026-10-01 weekend 1',
      '2026-10-01 holiday 1',
      '2026-10-01 holiday 2',
    ]);
    expect(listShiftSlots('2026-10-10', '2026-10-11', posts, kinds).map((s) => `${s.date} ${s.postId}`)).toEqual([
      '2026-10-10 officer',
      '2026-10-11 officer',
      '2026-10-11 weekend',
    ]);
  });
});
