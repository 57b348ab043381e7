import type { Acknowledgement, PlanEntryData, RevisionDiff } from './domain/types';
import { readRevision, REVISION_JSON_VERSION, RevisionJsonError, revisionJson, revisionJsonSchemas } from './revision-json';
import { at, entry } from './utils/test-fixtures';

const ENTRIES: PlanEntryData[] = [
  entry({ id: 'slot' }),
  entry({
    id: 'exact',
    slot: null,
    startAt: at('2026-11-25', '09:00'),
    endAt: at('2026-11-25', '11:30'),
    attendeeLeaderIds: ['li', 'zhang'],
  }),
  entry({ id: 'trip', slot: null, date: '2026-11-26', endDate: '2026-11-28', kind: 'TRIP', place: '北京', note: '赴京汇报' }),
  entry({ id: 'session', leaderId: 'zhang', confidentiality: 'RESTRICTED', sessionOf: 'CONGRESS', kind: 'CONFERENCE' }),
];

const DIFF: RevisionDiff = {
  added: [ENTRIES[0]],
  removed: [entry({ id: 'gone' })],
  changed: [{ entryId: 'exact', fields: ['startAt', 'endAt'], before: ENTRIES[1], after: ENTRIES[1] }],
};

const ACKNOWLEDGEMENTS: Acknowledgement[] = [
  {
    kind: 'LEADER_DOUBLE_BOOKED',
    key: 'LEADER_DOUBLE_BOOKED:wang:exact:slot',
    entryIds: ['exact', 'slot'],
    leaderIds: ['wang'],
    message: '王建国 同一时间有两项安排 / Wang Jianguo is booked twice',
    note: '常委会后再去',
  },
];

/** A row as the database hands it back: the JSON columns after a trip through JSON text. */
function stored(columns: { snapshot: unknown; diff: unknown; acknowledgements: unknown }) {
  return {
    id: '6c3f4e0a-0000-4000-8000-000000000001',
    week: '2026-W48',
    number: 2,
    ...(JSON.parse(JSON.stringify(columns)) as Record<'snapshot' | 'diff' | 'acknowledgements', never>),
  };
}

describe('revision JSON', () => {
  it('writes every column with its version and reads back what was published', () => {
    const columns = revisionJson(ENTRIES, DIFF, ACKNOWLEDGEMENTS);
    const row = stored(columns);
    expect(row.snapshot).toMatchObject({ v: REVISION_JSON_VERSION });
    expect(row.diff).toEqual({ v: 1, added: ['slot'], removed: ['gone'], changed: [{ entryId: 'exact', fields: ['startAt', 'endAt'] }] });
    expect(row.acknowledgements).toMatchObject({ v: REVISION_JSON_VERSION });

    const read = readRevision(row);
    expect(read.entries).toEqual(ENTRIES);
    expect(read.entries[1].startAt).toBeInstanceOf(Date);
    expect(read.diff).toEqual({ added: ['slot'], removed: ['gone'], changed: [{ entryId: 'exact', fields: ['startAt', 'endAt'] }] });
    expect(read.acknowledgements).toEqual(ACKNOWLEDGEMENTS);
  });

  it.each(['snapshot', 'diff', 'acknowledgements'] as const)('round-trips the %s column through its schema', (column) => {
    const json = stored(revisionJson(ENTRIES, DIFF, ACKNOWLEDGEMENTS))[column];
    expect(revisionJsonSchemas[column].safeParse(json).success).toBe(true);
  });

  it('round-trips an empty first revision', () => {
    const read = readRevision(stored(revisionJson([], { added: [], removed: [], changed: [] }, [])));
    expect(read).toEqual({ entries: [], diff: { added: [], removed: [], changed: [] }, acknowledgements: [] });
  });

  it('reads a row written before the columns had a version as version 1', () => {
    // What publish wrote before: bare arrays, a diff without `v`, instants as ISO strings.
    const legacy = stored({
      snapshot: ENTRIES.map((e) => ({ ...e, startAt: e.startAt?.toISOString() ?? null, endAt: e.endAt?.toISOString() ?? null })),
      diff: { added: ['slot'], removed: [], changed: [] },
      acknowledgements: ACKNOWLEDGEMENTS,
    });
    const read = readRevision(legacy);
    expect(read.entries).toEqual(ENTRIES);
    expect(read.diff).toEqual({ added: ['slot'], removed: [], changed: [] });
    expect(read.acknowledgements).toEqual(ACKNOWLEDGEMENTS);
  });

  describe('refuses a row it cannot read, naming the revision, the column and the path', () => {
    const good = () => stored(revisionJson(ENTRIES, DIFF, ACKNOWLEDGEMENTS)) as Record<string, unknown> & ReturnType<typeof stored>;
    const snapshotWith = (change: (entries: Record<string, unknown>[]) => void) => {
      const row = good();
      change((row.snapshot as unknown as { entries: Record<string, unknown>[] }).entries);
      return row;
    };

    it.each([
      ['an instant that is no instant', () => snapshotWith((e) => (e[1].startAt = '25日上午9时')), /entries\[1\]\.startAt/],
      ['a missing field', () => snapshotWith((e) => delete e[0].leaderId), /entries\[0\]\.leaderId/],
      ['a field this version does not know', () => snapshotWith((e) => (e[0].room = '一号会议室')), /room/],
      ['an unknown slot', () => snapshotWith((e) => (e[0].slot = 'NIGHT')), /entries\[0\]\.slot/],
      ['a malformed date', () => snapshotWith((e) => (e[2].endDate = '28/11/2026')), /entries\[2\]\.endDate/],
    ])('a snapshot with %s', (_what, row, path) => {
      expect(() => readRevision(row())).toThrow(RevisionJsonError);
      expect(() => readRevision(row())).toThrow(/Corrupted revision 2026-W48 #2 \(6c3f4e0a-[^)]+\), snapshot/);
      expect(() => readRevision(row())).toThrow(path);
    });

    it('a version written by a newer build', () => {
      const row = good();
      row.snapshot = { ...(row.snapshot as object), v: 2 } as never;
      expect(() => readRevision(row)).toThrow(
        'Unreadable revision 2026-W48 #2 (6c3f4e0a-0000-4000-8000-000000000001), snapshot: stored as version 2, this build reads version 1',
      );
    });

    it('acknowledgements that are not conflicts', () => {
      const row = good();
      row.acknowledgements = { v: 1, conflicts: [{ key: 'k', note: '已确认' }] } as never;
      expect(() => readRevision(row)).toThrow(/Corrupted revision 2026-W48 #2 .*acknowledgements[\s\S]*conflicts\[0\]\.kind/);
    });

    it('a diff that is not a diff', () => {
      const row = good();
      row.diff = 'added 1' as never;
      expect(() => readRevision(row)).toThrow(/Unreadable revision .*, diff: stored as version undefined/);
    });
  });
});
