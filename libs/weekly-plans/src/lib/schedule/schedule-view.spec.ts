import { parseHalfDayBounds } from '@siban/district-time';
import { layOutWeek, viewDiff, viewEntries, viewEvents, visibleConflicts } from './schedule-view';
import { at, entry, LEADERS, LEADERS_BY_ID } from '../utils/test-fixtures';

const WEEK = '2026-W48';
const outsider = { roles: ['SECRETARY'], officeCode: 'GOVERNMENT', leaderId: null };
const coordinator = { roles: ['COORDINATOR'], officeCode: 'PARTY', leaderId: null };

function slotIds(days: ReturnType<typeof layOutWeek>['days']) {
  return (date: string, slot: string) =>
    days
      .find((d) => d.date === date)
      ?.slots.find((s) => s.slot === slot)
      ?.events.map((e) => e.id);
}

describe('layOutWeek', () => {
  it('places half-days, exact times across the half-days they cover, and whole days in every half-day', () => {
    const entries = [
      entry({ id: 'a', date: '2026-11-23', slot: 'MORNING' }),
      entry({
        id: 'b',
        date: '2026-11-24',
        slot: null,
        startAt: at('2026-11-24', '11:00'),
        endAt: at('2026-11-24', '15:00'),
        title: '调研',
      }),
      entry({ id: 'c', leaderId: 'li', date: '2026-11-26', endDate: '2026-11-27', slot: null, kind: 'TRIP', title: '赴省城汇报' }),
    ];
    const { days, events } = layOutWeek(WEEK, entries, coordinator, LEADERS);
    const ids = slotIds(days);
    expect(events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(ids('2026-11-23', 'MORNING')).toEqual(['a']);
    expect(ids('2026-11-24', 'MORNING')).toEqual(['b']);
    expect(ids('2026-11-24', 'AFTERNOON')).toEqual(['b']);
    expect(ids('2026-11-24', 'EVENING')).toEqual([]);
    expect(days.filter((d) => d.allDay.some((e) => e.id === 'c')).map((d) => d.date)).toEqual(['2026-11-26', '2026-11-27']);
    for (const slot of ['MORNING', 'AFTERNOON', 'EVENING']) {
      expect([ids('2026-11-26', slot), ids('2026-11-27', slot), ids('2026-11-28', slot)]).toEqual([['c'], ['c'], []]);
    }
  });

  it('keeps an exact time past midnight in the evening of its day, and a trip from the week before on the days it reaches', () => {
    const entries = [
      entry({ id: 'late', date: '2026-11-25', slot: null, startAt: at('2026-11-25', '21:00'), endAt: at('2026-11-26', '01:00') }),
      entry({ id: 'trip', date: '2026-11-21', endDate: '2026-11-24', slot: null, kind: 'TRIP', title: '赴外省考察' }),
    ];
    const { days } = layOutWeek(WEEK, entries, coordinator, LEADERS);
    const ids = slotIds(days);
    expect([ids('2026-11-25', 'EVENING'), ids('2026-11-26', 'MORNING')]).toEqual([['late'], []]);
    expect([ids('2026-11-23', 'EVENING'), ids('2026-11-24', 'MORNING'), ids('2026-11-25', 'MORNING')]).toEqual([['trip'], ['trip'], []]);
  });

  it('uses the district’s half-day bounds for slots and rows', () => {
    const bounds = parseHalfDayBounds('08:00-11:30,12:30-17:00,18:00-21:00');
    const entries = [
      entry({ id: 'noon', date: '2026-11-23', slot: null, startAt: at('2026-11-23', '11:40'), endAt: at('2026-11-23', '12:10') }),
      entry({ id: 'pm', date: '2026-11-23', slot: 'AFTERNOON' }),
    ];
    const { days, events } = layOutWeek(WEEK, entries, coordinator, LEADERS, bounds);
    expect(slotIds(days)('2026-11-23', 'AFTERNOON')).toEqual(['noon', 'pm']);
    expect(events.find((e) => e.id === 'pm')?.interval.start).toEqual(at('2026-11-23', '12:30'));
  });
});

describe('viewEvents', () => {
  const restricted = { confidentiality: 'RESTRICTED' as const, slot: null };

  it('keeps unrelated restricted events apart, each busy block at its own time with its own leaders', () => {
    const entries = [
      entry({
        id: 'w',
        leaderId: 'wang',
        ...restricted,
        startAt: at('2026-11-24', '09:00'),
        endAt: at('2026-11-24', '11:00'),
        attendeeLeaderIds: ['li'],
        title: '酝酿会',
      }),
      entry({
        id: 'z',
        leaderId: 'zhang',
        ...restricted,
        startAt: at('2026-11-24', '15:00'),
        endAt: at('2026-11-24', '16:00'),
        attendeeLeaderIds: ['li'],
        title: '座谈会',
      }),
    ];
    const events = viewEvents(entries, outsider, LEADERS);
    expect(events.map((e) => [e.id, e.entry.busy, e.leaderIds, e.interval.start])).toEqual([
      ['w', true, ['wang', 'li'], at('2026-11-24', '09:00')],
      ['z', true, ['li', 'zhang'], at('2026-11-24', '15:00')],
    ]);
  });

  it('merges a joint event’s readable entries, and shows its hidden ones as a separate busy block', () => {
    const entries = [
      entry({ id: 'a', leaderId: 'wang', attendeeLeaderIds: ['li'], title: '经济工作会' }),
      entry({ id: 'b', leaderId: 'li', attendeeLeaderIds: ['wang'], title: '经济工作会', confidentiality: 'RESTRICTED' }),
    ];
    expect(viewEvents(entries, coordinator, LEADERS).map((e) => e.entryIds)).toEqual([['a', 'b']]);
    const party = { roles: ['SECRETARY'], officeCode: 'PARTY', leaderId: null };
    expect(viewEvents(entries, party, LEADERS).map((e) => [e.entryIds, e.entry.title])).toEqual([
      [['a'], '经济工作会'],
      [['b'], '忙碌 / Busy'],
    ]);
  });
});

describe('what a viewer may see', () => {
  const secret = entry({ id: 's', confidentiality: 'RESTRICTED', title: '干部任免酝酿', place: '书记办公室' });

  it('turns a restricted entry into a busy block for another office, not for the coordinator', () => {
    expect(viewEntries([secret], outsider, LEADERS_BY_ID)[0]).toMatchObject({ busy: true, title: '忙碌 / Busy', place: '' });
    expect(viewEntries([secret], coordinator, LEADERS_BY_ID)[0]).toMatchObject({ busy: false, title: '干部任免酝酿' });
  });

  it('shows no change where only hidden details changed, and the time change where it moved', () => {
    const renamed = { ...secret, title: '另一议题' };
    expect(viewDiff([secret], [renamed], outsider, LEADERS_BY_ID).changed).toEqual([]);
    expect(viewDiff([secret], [renamed], coordinator, LEADERS_BY_ID).changed.map((c) => c.fields)).toEqual([['title']]);
    const moved = { ...secret, slot: 'AFTERNOON' as const };
    const diff = viewDiff([secret], [moved], outsider, LEADERS_BY_ID);
    expect(diff.changed.map((c) => c.fields)).toEqual([['slot']]);
    expect([diff.busyBefore.has('s'), diff.busyAfter.has('s')]).toEqual([true, true]);
  });

  it('keeps conflicts about hidden entries from viewers who cannot read them', () => {
    const open = entry({ id: 'o' });
    const viewed = viewEntries([secret, open], outsider, LEADERS_BY_ID);
    const conflicts = [{ entryIds: ['o', 's'] }, { entryIds: ['o'] }];
    expect(visibleConflicts(conflicts, viewed)).toEqual([{ entryIds: ['o'] }]);
  });
});
