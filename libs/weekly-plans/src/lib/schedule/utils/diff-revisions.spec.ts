import type { PlanEntryData } from '../../domain/types';
import { changedFields, diffEntries, ENTRY_DIFF_FIELDS } from './diff-revisions';
import { at, entry } from '../../utils/test-fixtures';

describe('ENTRY_DIFF_FIELDS', () => {
  it('covers every PlanEntryData field except id', () => {
    const sample = entry({ id: 'e1' });
    expect([...ENTRY_DIFF_FIELDS].sort()).toEqual(
      Object.keys(sample)
        .filter((k) => k !== 'id')
        .sort(),
    );
  });
});

describe('changedFields', () => {
  const base = entry({
    id: 'e1',
    slot: null,
    startAt: at('2026-11-24', '09:00'),
    endAt: at('2026-11-24', '11:00'),
    attendeeLeaderIds: ['chen', 'sun'],
  });

  it('compares dates by time value and attendees as a set', () => {
    const same: PlanEntryData = {
      ...base,
      startAt: new Date(at('2026-11-24', '09:00').getTime()),
      endAt: new Date('2026-11-24T03:00:00Z'),
      attendeeLeaderIds: ['sun', 'chen', 'sun'],
    };
    expect(changedFields(base, same)).toEqual([]);
  });

  it('reports every differing field in the fixed order, whatever order they were edited in', () => {
    const edited: PlanEntryData = {
      ...base,
      note: '请提前十分钟到场',
      attendeeLeaderIds: ['chen'],
      place: '区委二号会议室',
      endAt: at('2026-11-24', '11:30'),
      slot: 'MORNING',
    };
    expect(changedFields(base, edited)).toEqual(['slot', 'endAt', 'place', 'attendeeLeaderIds', 'note']);
  });

  it('sees null <-> value changes', () => {
    expect(changedFields(base, { ...base, startAt: null, endDate: '2026-11-25', sessionOf: 'STANDING_COMMITTEE' })).toEqual([
      'endDate',
      'startAt',
      'sessionOf',
    ]);
  });

  it('treats a changed title as a change even if only its spacing differs', () => {
    expect(changedFields(base, { ...base, title: '常委会 ' })).toEqual(['title']);
  });
});

describe('diffEntries', () => {
  const a = entry({ id: 'a', title: '常委会', date: '2026-11-24' });
  const b = entry({ id: 'b', title: '调研', date: '2026-11-23', kind: 'INSPECTION' });
  const c = entry({ id: 'c', title: '信访接待', date: '2026-11-25' });
  const d = entry({ id: 'd', title: '招商洽谈', date: '2026-11-23' });
  const e = entry({ id: 'e', title: '专题会', date: '2026-11-26' });

  it('classifies entries by id as added, removed or changed, sorted by date then id', () => {
    const diff = diffEntries(
      [e, a, b, c],
      [{ ...c, place: '区信访局' }, d, a, { ...e, date: '2026-11-22' }, entry({ id: 'f', title: '干部大会', date: '2026-11-23' })],
    );
    expect(diff.added.map((x) => x.id)).toEqual(['d', 'f']);
    expect(diff.removed.map((x) => x.id)).toEqual(['b']);
    expect(diff.changed.map((x) => [x.entryId, x.fields])).toEqual([
      ['e', ['date']],
      ['c', ['place']],
    ]);
    expect(diff.changed[1].before).toBe(c);
    expect(diff.changed[1].after.place).toBe('区信访局');
  });

  it('is empty for identical revisions', () => {
    expect(diffEntries([a, b], [b, { ...a }])).toEqual({ added: [], removed: [], changed: [] });
  });

  it('rejects duplicate ids', () => {
    expect(() => diffEntries([a, a], [a])).toThrow('Duplicate entry id "a" in the before revision');
  });
});
