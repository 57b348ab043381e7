import { ManualClock } from '@siban/clock';
import { databaseKinds, gqlOk, Scenario, scenario } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';
import {
  enterPlan,
  EntryFixture,
  entryTitled,
  MERGED,
  PUBLISH,
  REMOVE,
  REVISIONS,
  shanghai,
  UPDATE,
  WEEKLY_PLAN,
} from '../test/weekly-plans';

const W48 = '2026-W48'; // Mon 2026-11-23 .. Sun 2026-11-29
const BUSY = '忙碌 / Busy';

// What 王建国's restricted entries say; none of it may reach a user outside the party office.
const R1 = { title: '市委巡视组反馈会', place: '区委三楼保密会议室', note: '仅限书记本人' };
const R1_LATER = { title: '市委巡视组反馈意见整改部署会', place: '区委四楼保密会议室' };
const R2 = { title: '干部任免酝酿会', place: '区委小会议室' };
const SECRETS = [R1.title, R1.place, R1.note, R1_LATER.title, R1_LATER.place];

describe.each(databaseKinds())('restricted entries on %s', (kind) => {
  let t: TestApp;
  let s: Scenario;
  let ids: Record<string, string>;
  let coord: string;
  let r1: any;
  let r2: any;
  let conflictKey: string;
  const clock = new ManualClock('2026-11-18T02:00:00Z');

  const wangWeek = (): EntryFixture[] => [
    { date: '2026-11-23', slot: 'MORNING', kind: 'MEETING', title: '区委常委会会议', place: '区委一号会议室', leadOfficeCode: 'PARTY' },
    {
      date: '2026-11-24',
      startAt: shanghai('2026-11-24', '14:30'),
      endAt: shanghai('2026-11-24', '16:00'),
      kind: 'MEETING',
      ...R1,
      leadOfficeCode: 'PARTY',
      confidentiality: 'RESTRICTED',
    },
    // 李明 attends this one; it overlaps the one above, so the coordinator acknowledges a conflict naming both.
    {
      date: '2026-11-24',
      slot: 'AFTERNOON',
      kind: 'MEETING',
      ...R2,
      leadOfficeCode: 'PARTY',
      confidentiality: 'RESTRICTED',
      attendeeLeaderIds: [ids['李明']],
    },
  ];
  const revisionsFor = async (username: string) =>
    (await gqlOk(t.url, await s.token(username), REVISIONS, { week: W48 })).scheduleRevisions;
  const planFor = async (username: string) =>
    (await gqlOk(t.url, await s.token(username), WEEKLY_PLAN, { leaderId: ids['王建国'], week: W48 })).weeklyPlan;
  const busyBlock = (entry: any, startAt: string | null, endAt: string | null, slot: string | null) => ({
    ...entry,
    busy: true,
    title: BUSY,
    place: '',
    note: '',
    kind: 'OTHER',
    leadOfficeCode: '',
    attendees: entry.attendees ?? [],
    sessionOf: null,
    confidentiality: 'RESTRICTED',
    startAt,
    endAt,
    slot,
    leader: { name: '王建国' },
  });
  const eventOf = (revision: any, entryId: string) => revision.events.find((e: any) => e.entryIds.includes(entryId));

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    // A LEADER account from another office: 李明 reads as himself.
    s = await scenario(t)
      .user('leader.li', { office: 'GOVERNMENT', roles: ['LEADER'], leader: '李明', displayName: '李明' })
      .build();
    ids = s.leaderIds();
    coord = await t.tokenFor('party.coord');
    const wang = await enterPlan(t, await t.tokenFor('party.sec'), ids['王建国'], W48, wangWeek());
    r1 = entryTitled(wang.entries, R1.title);
    r2 = entryTitled(wang.entries, R2.title);
    await enterPlan(t, await t.tokenFor('gov.sec'), ids['李明'], W48, [
      {
        date: '2026-11-25',
        slot: 'MORNING',
        kind: 'MEETING',
        title: '区政府常务会议',
        place: '区政府常务会议室',
        leadOfficeCode: 'GOVERNMENT',
      },
    ]);
    const merged = (await gqlOk(t.url, coord, MERGED, { week: W48 })).mergedSchedule;
    expect(merged.conflicts).toHaveLength(1);
    conflictKey = merged.conflicts[0].key;
    await gqlOk(t.url, coord, PUBLISH, {
      input: { week: W48, note: '第一版', acknowledgements: [{ conflictKey, note: `「${R1.title}」结束后再开「${R2.title}」` }] },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['party.sec', 'party.director', 'party.coord', 'leader.wang', 'admin'])(
    'shows a restricted entry in full to %s',
    async (username) => {
      const [revision] = await revisionsFor(username);
      const shown = eventOf(revision, r1.id).entry;
      expect(shown).toMatchObject({
        ...R1,
        busy: false,
        kind: 'MEETING',
        leadOfficeCode: 'PARTY',
        confidentiality: 'RESTRICTED',
        startAt: r1.startAt,
        endAt: r1.endAt,
      });
      expect(revision.changes.added.find((e: any) => e.id === r1.id)).toMatchObject({ ...R1, busy: false });
      expect(eventOf(revision, r2.id).leaders).toEqual([{ name: '王建国' }, { name: '李明' }]);
      expect(revision.acknowledgements).toEqual([
        expect.objectContaining({ key: conflictKey, note: expect.stringContaining(R1.title), message: expect.stringContaining(R1.title) }),
      ]);

      const plan = await planFor(username);
      expect(entryTitled(plan.entries, R1.title)).toMatchObject({ ...R1, busy: false });
      expect(entryTitled(plan.entries, R2.title)).toMatchObject({ ...R2, busy: false, attendees: [{ name: '李明' }] });
    },
  );

  it.each(['gov.sec', 'reception.staff', 'congress.sec', 'cppcc.sec', 'gov.director', 'leader.li'])(
    'shows %s only a busy block, and never the details',
    async (username) => {
      const revisions = await revisionsFor(username);
      const [revision] = revisions;
      const block = busyBlock({ id: r1.id, date: '2026-11-24', endDate: null }, r1.startAt, r1.endAt, null);
      expect(eventOf(revision, r1.id).entry).toEqual(block);
      expect(eventOf(revision, r1.id).leaders).toEqual([{ name: '王建国' }]);
      expect(revision.changes.added.find((e: any) => e.id === r1.id)).toEqual(block);
      const tuesday = revision.days.find((d: any) => d.date === '2026-11-24');
      const afternoon = tuesday.slots.find((s: any) => s.slot === 'AFTERNOON').events.map((e: any) => e.entry);
      expect(afternoon).toContainEqual(block);
      // The acknowledged conflict names the hidden titles: not shown.
      expect(revision.acknowledgements).toEqual([]);
      // The open entry is there in full.
      expect(revision.events.find((e: any) => e.entry.title === '区委常委会会议').entry).toMatchObject({
        busy: false,
        place: '区委一号会议室',
      });

      const plan = await planFor(username);
      expect(plan.entries.find((e: any) => e.id === r1.id)).toEqual(block);
      for (const secret of SECRETS) {
        expect({ secret, inRevisions: JSON.stringify(revisions).includes(secret), inPlan: JSON.stringify(plan).includes(secret) }).toEqual({
          secret,
          inRevisions: false,
          inPlan: false,
        });
      }
    },
  );

  it('shows a leader of another office the restricted events they attend', async () => {
    const [revision] = await revisionsFor('leader.li');
    expect(eventOf(revision, r2.id).entry).toMatchObject({ ...R2, busy: false, attendees: [{ name: '李明' }] });
    expect(eventOf(revision, r2.id).leaders).toEqual([{ name: '王建国' }, { name: '李明' }]);
    const govView = eventOf((await revisionsFor('gov.sec'))[0], r2.id);
    expect(govView.entry).toMatchObject({ busy: true, title: BUSY, place: '' });
    expect(JSON.stringify(await revisionsFor('gov.sec'))).not.toContain(R2.title);
  });

  it('keeps hidden details out of the changes of later revisions', async () => {
    const party = await t.tokenFor('party.sec');
    const later = { ...wangWeek()[1], ...R1_LATER, startAt: shanghai('2026-11-24', '16:30'), endAt: shanghai('2026-11-24', '17:30') };
    await gqlOk(t.url, party, UPDATE, { input: { id: r1.id, entry: later } });
    // Still overlapping the same entry: the same conflict to acknowledge.
    await gqlOk(t.url, coord, PUBLISH, { input: { week: W48, note: '调整', acknowledgements: [{ conflictKey, note: '已确认' }] } });

    const full = (await revisionsFor('party.sec'))[1].changes.changed;
    expect(full.map((c: any) => [c.entryId, c.fields])).toEqual([[r1.id, ['startAt', 'endAt', 'title', 'place']]]);
    expect(full[0].before).toMatchObject({ ...R1, busy: false });
    expect(full[0].after).toMatchObject({ ...R1_LATER, busy: false });

    for (const username of ['gov.sec', 'reception.staff']) {
      const revisions = await revisionsFor(username);
      const [change] = revisions[1].changes.changed;
      // Only what the busy block shows changed: its time.
      expect(revisions[1].changes).toEqual({
        added: [],
        removed: [],
        changed: [
          {
            entryId: r1.id,
            fields: ['startAt', 'endAt'],
            before: busyBlock({ id: r1.id, date: '2026-11-24', endDate: null }, r1.startAt, r1.endAt, null),
            after: busyBlock({ id: r1.id, date: '2026-11-24', endDate: null }, later.startAt, later.endAt, null),
          },
        ],
      });
      expect(change.after.busy).toBe(true);
      const plan = await planFor(username);
      for (const secret of SECRETS) {
        expect({ username, secret, leaked: JSON.stringify(revisions).includes(secret) || JSON.stringify(plan).includes(secret) }).toEqual({
          username,
          secret,
          leaked: false,
        });
      }
    }
  });

  it('marks an entry busy on exactly the side of a change where it was hidden', async () => {
    const party = await t.tokenFor('party.sec');
    // 王建国's office opens up the second meeting, drops the first, and restricts the open one.
    const standing = (await planFor('party.sec')).entries.find((e: any) => e.title === '区委常委会会议');
    await gqlOk(t.url, party, UPDATE, { input: { id: r2.id, entry: { ...wangWeek()[2], confidentiality: 'OPEN' } } });
    await gqlOk(t.url, party, REMOVE, { id: r1.id });
    await gqlOk(t.url, party, UPDATE, { input: { id: standing.id, entry: { ...wangWeek()[0], confidentiality: 'RESTRICTED' } } });
    await gqlOk(t.url, coord, PUBLISH, { input: { week: W48, note: '第三版' } });

    const revisions = await revisionsFor('gov.sec');
    const changes = revisions[2].changes;
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([
      busyBlock({ id: r1.id, date: '2026-11-24', endDate: null }, shanghai('2026-11-24', '16:30'), shanghai('2026-11-24', '17:30'), null),
    ]);
    expect(changes.changed.map((c: any) => c.entryId)).toEqual([standing.id, r2.id]);
    const [restricted, opened] = changes.changed;
    // Published open before, so its old details may show; from now on a busy block.
    expect(restricted.before).toMatchObject({ busy: false, title: '区委常委会会议', place: '区委一号会议室', confidentiality: 'OPEN' });
    expect(restricted.after).toEqual(busyBlock({ id: standing.id, date: '2026-11-23', endDate: null }, null, null, 'MORNING'));
    expect(opened.before).toMatchObject({ busy: true, title: BUSY, place: '' });
    // Now open to all: shown in full, and not marked as hidden.
    expect(opened.after).toMatchObject({ ...R2, busy: false, confidentiality: 'OPEN', attendees: [{ name: '李明' }] });
    expect(opened.fields).toEqual(expect.arrayContaining(['kind', 'title', 'place', 'confidentiality']));
    expect(eventOf(revisions[2], r2.id).entry).toMatchObject({ ...R2, busy: false });
    for (const secret of SECRETS) expect({ secret, leaked: JSON.stringify(revisions).includes(secret) }).toEqual({ secret, leaked: false });
  });
});
