import { groupJointEntries, mergeEntries, normalizeText } from './merge-schedule';
import { at, entry, LEADERS } from '../../utils/test-fixtures';

const ids = (groups: { id: string }[][]) => groups.map((g) => g.map((e) => e.id));

describe('normalizeText', () => {
  it('ignores whitespace, full-width forms and punctuation', () => {
    expect(normalizeText('  常委会（扩大） ')).toBe('常委会扩大');
    expect(normalizeText('常委会 (扩大)')).toBe('常委会扩大');
    expect(normalizeText('常委\u3000会')).toBe('常委会');
    expect(normalizeText('「全区经济工作会议」。')).toBe('全区经济工作会议');
    expect(normalizeText('ＡＰＥＣ 会议')).toBe('APEC会议');
  });

  it('keeps the words themselves', () => {
    expect(normalizeText('常委会')).not.toBe(normalizeText('常务会'));
  });
});

describe('groupJointEntries', () => {
  it('groups the same event entered in two plans that name each other', () => {
    const entries = [
      entry({ id: 'a', leaderId: 'wang', title: '常委会', attendeeLeaderIds: ['chen'] }),
      entry({ id: 'b', leaderId: 'chen', title: ' 常委会 ', attendeeLeaderIds: ['wang'] }),
    ];
    expect(ids(groupJointEntries(entries))).toEqual([['a', 'b']]);
  });

  it('needs intersecting leader sets, not just the same title and date', () => {
    const entries = [entry({ id: 'a', leaderId: 'wang', title: '专题调研' }), entry({ id: 'b', leaderId: 'li', title: '专题调研' })];
    expect(ids(groupJointEntries(entries))).toEqual([['a'], ['b']]);
  });

  it('needs the same date', () => {
    const entries = [
      entry({ id: 'a', leaderId: 'wang', title: '常委会', attendeeLeaderIds: ['chen'] }),
      entry({ id: 'b', leaderId: 'chen', title: '常委会', date: '2026-11-25', attendeeLeaderIds: ['wang'] }),
    ];
    expect(ids(groupJointEntries(entries))).toEqual([['a'], ['b']]);
  });

  it('links through a shared attendee even when neither owner is listed by the other', () => {
    const entries = [
      entry({ id: 'a', leaderId: 'wang', title: '全区安全生产会议', attendeeLeaderIds: ['zhao'] }),
      entry({ id: 'b', leaderId: 'li', title: '全区安全生产会议', attendeeLeaderIds: ['zhao'] }),
    ];
    expect(ids(groupJointEntries(entries))).toEqual([['a', 'b']]);
  });

  it('is transitive, keeps input order, and orders groups by their first entry', () => {
    const entries = [
      entry({ id: 'x', leaderId: 'sun', title: '干部大会' }),
      entry({ id: 'a', leaderId: 'wang', title: '常委会', attendeeLeaderIds: ['chen'] }),
      entry({ id: 'c', leaderId: 'zhao', title: '常委会', attendeeLeaderIds: ['li'] }),
      // b links a (via chen) and c (via li); a and c share no leader.
      entry({ id: 'b', leaderId: 'chen', title: '常委会', attendeeLeaderIds: ['li'] }),
    ];
    expect(ids(groupJointEntries(entries))).toEqual([['x'], ['a', 'c', 'b']]);
  });

  it('does not merge two entries of the same plan', () => {
    const entries = [
      entry({ id: 'a', leaderId: 'wang', title: '调研', slot: 'MORNING' }),
      entry({ id: 'b', leaderId: 'wang', title: '调研', slot: 'AFTERNOON' }),
    ];
    expect(ids(groupJointEntries(entries))).toEqual([['a'], ['b']]);
  });

  it('does not merge entries whose titles are empty after normalisation', () => {
    const entries = [
      entry({ id: 'a', leaderId: 'wang', title: '——', attendeeLeaderIds: ['chen'] }),
      entry({ id: 'b', leaderId: 'chen', title: '', attendeeLeaderIds: ['wang'] }),
    ];
    expect(ids(groupJointEntries(entries))).toEqual([['a'], ['b']]);
  });
});

describe('mergeEntries', () => {
  it('turns a joint group into one event led by the first-created entry, leaders in rank order', () => {
    const entries = [
      entry({ id: 'chen-1', leaderId: 'chen', title: '常委会', attendeeLeaderIds: ['sun', 'wang'] }),
      entry({
        id: 'wang-1',
        leaderId: 'wang',
        title: '常委会',
        place: '区委二号会议室',
        attendeeLeaderIds: ['chen', 'ghost'],
      }),
    ];
    const [event, ...rest] = mergeEntries(entries, LEADERS);
    expect(rest).toEqual([]);
    expect(event.id).toBe('chen-1');
    expect(event.entryIds).toEqual(['chen-1', 'wang-1']);
    expect(event.entry).toBe(entries[0]);
    expect(event.leaderIds).toEqual(['wang', 'chen', 'sun', 'ghost']);
    expect(event.interval.start.toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('sorts events by start, then by the rank of the first leader', () => {
    const entries = [
      entry({ id: 'afternoon', leaderId: 'wang', title: '信访接待', slot: 'AFTERNOON' }),
      entry({ id: 'sun-am', leaderId: 'sun', title: '组织工作座谈会', slot: 'MORNING' }),
      entry({ id: 'li-am', leaderId: 'li', title: '政府常务会议', slot: 'MORNING', leadOfficeCode: 'GOVERNMENT' }),
      entry({
        id: 'early',
        leaderId: 'zhou',
        title: '早班调研',
        slot: null,
        startAt: at('2026-11-24', '07:30'),
        endAt: at('2026-11-24', '08:30'),
      }),
    ];
    expect(mergeEntries(entries, LEADERS).map((e) => e.id)).toEqual(['early', 'li-am', 'sun-am', 'afternoon']);
  });

  it('returns nothing for no entries', () => {
    expect(mergeEntries([], LEADERS)).toEqual([]);
  });
});
