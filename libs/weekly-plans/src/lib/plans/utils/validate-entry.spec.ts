import { entryTimingProblems } from './validate-entry';

const week = '2026-W48'; // Monday 2026-11-23 .. Sunday 2026-11-29

describe('entryTimingProblems', () => {
  it('accepts a half-day, an exact time on its date, and a multi-day trip', () => {
    expect(entryTimingProblems({ date: '2026-11-23', slot: 'MORNING' }, week, 'entry')).toEqual([]);
    expect(
      entryTimingProblems(
        { date: '2026-11-24', startAt: new Date('2026-11-24T01:00:00Z'), endAt: new Date('2026-11-24T03:00:00Z') },
        week,
        'entry',
      ),
    ).toEqual([]);
    expect(entryTimingProblems({ date: '2026-11-27', endDate: '2026-12-02' }, week, 'entry')).toEqual([]);
  });

  it('lets exact times run past midnight up to 06:00 the next day', () => {
    const meeting = (end: string) => ({ date: '2026-11-25', startAt: new Date('2026-11-25T21:00:00+08:00'), endAt: new Date(end) });
    expect(entryTimingProblems(meeting('2026-11-26T01:00:00+08:00'), week, 'entry')).toEqual([]);
    expect(entryTimingProblems(meeting('2026-11-26T06:00:00+08:00'), week, 'entry')).toEqual([]);
    expect(entryTimingProblems(meeting('2026-11-26T06:01:00+08:00'), week, 'entry').map((p) => p.field)).toEqual(['entry.endAt']);
  });

  it('names each wrong field under the path', () => {
    const fields = (entry: Parameters<typeof entryTimingProblems>[0]) => entryTimingProblems(entry, week, 'entries.2').map((p) => p.field);
    expect(fields({ date: '2026-11-30', slot: 'MORNING' })).toEqual(['entries.2.date']);
    expect(fields({ date: '2026-02-30' })).toEqual(['entries.2.date']);
    expect(
      fields({ date: '2026-11-23', slot: 'MORNING', startAt: new Date('2026-11-23T01:00:00Z'), endAt: new Date('2026-11-23T02:00:00Z') }),
    ).toEqual(['entries.2.slot']);
    expect(fields({ date: '2026-11-23', startAt: new Date('2026-11-23T01:00:00Z') })).toEqual(['entries.2.endAt']);
    expect(fields({ date: '2026-11-23', startAt: new Date('2026-11-23T03:00:00Z'), endAt: new Date('2026-11-23T02:00:00Z') })).toEqual([
      'entries.2.endAt',
    ]);
    // 2026-11-23T17:00Z is already 2026-11-24 01:00 in Shanghai.
    expect(fields({ date: '2026-11-23', startAt: new Date('2026-11-23T17:00:00Z'), endAt: new Date('2026-11-23T18:00:00Z') })).toEqual([
      'entries.2.startAt',
    ]);
    expect(fields({ date: '2026-11-25', endDate: '2026-11-24' })).toEqual(['entries.2.endDate']);
    expect(fields({ date: '2026-11-25', endDate: '2026-11-26', slot: 'MORNING' })).toEqual(['entries.2.endDate']);
    expect(fields({ date: '2026-11-25', endDate: '2026-11-25', slot: 'EVENING' })).toEqual(['entries.2.endDate']);
    expect(fields({ date: '2026-11-25', endDate: '2026-12-25' })).toEqual(['entries.2.endDate']);
    expect(entryTimingProblems({ date: '2026-11-23', attendeeLeaderIds: ['l1'] }, week, 'e', 'l1').map((p) => p.field)).toEqual([
      'e.attendeeLeaderIds',
    ]);
  });
});
