import { layOutWeek, viewDiff, viewEntries, visibleConflicts } from './schedule-view';
import { at, entry, LEADERS, LEADERS_BY_ID } from '../utils/test-fixtures';

const WEEK = '2026-W48';
const outsider = { roles: ['SECRETARY'], officeCode: 'GOVERNMENT', leaderId: null };
const coordinator = { roles: ['COORDINATOR'], officeCode: 'PARTY', leaderId: null };

describe('layOutWeek', () => {
  it('places half-days, exact times across the half-days they cover, and whole days apart', () => {
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
    const { days, events } = layOutWeek(WEEK, viewEntries(entries, coordinator, LEADERS_BY_ID), LEADERS);
    const ids = (date: string, slot: string) =>
      days
        .find((d) => d.date === date)
        ?.slots.find((s) => s.slot === slot)
        ?.events.map((e) => e.id);
    expect(events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(ids('2026-11-23', 'MORNING')).toEqual(['a']);
    expect(ids('2026-11-24', 'MORNING')).toEqual(['b']);
    expect(ids('2026-11-24', 'AFTERNOON')).toEqual(['b']);
    expect(ids('2026-11-24', 'EVENING')).toEqual([]);
    expect(days.filter((d) => d.allDay.some((e) => e.id === 'c')).map((d) => d.date)).toEqual(['2026-11-26', '2026-11-27']);
    expect(ids('2026-11-26', 'MORNING')).toEqual([]);
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
