import { ManualClock } from '@siban/clock';
import { databaseKinds, gql, gqlError, gqlOk, subscribe, Subscription } from '@siban/testing';
import { scheduleMarker } from '../test/markers';
import { startTestApp, TestApp } from '../test/test-app';
import {
  ADD,
  enterPlan,
  EntryFixture,
  entryTitled,
  leaderIds,
  MERGED,
  PUBLISH,
  REMOVE,
  REVISION,
  REVISIONS,
  SAVE,
  savePlan,
  shanghai,
  UPDATE,
} from '../test/weekly-plans';

const W48 = '2026-W48'; // Mon 2026-11-23 .. Sun 2026-11-29
const SCHEDULE_PUBLISHED = 'subscription { schedulePublished { week number note added removed changed publishedAt } }';
const MY_NOTIFICATIONS = '{ myNotifications(first: 200) { nodes { kind title body subjectId } } }';
// A user of every office, and a leader.
const EVERY_OFFICE = ['party.sec', 'gov.sec', 'congress.sec', 'cppcc.sec', 'reception.staff', 'leader.wang'];

describe.each(databaseKinds())('publishing the weekly schedule on %s', (kind) => {
  let t: TestApp;
  let ids: Record<string, string>;
  let coord: string;
  let conflictKey: string;
  let revision1: any;
  const clock = new ManualClock('2026-11-18T02:00:00Z');
  const plan: Record<string, any> = {};

  const wangWeek: EntryFixture[] = [
    { date: '2026-11-23', slot: 'MORNING', kind: 'MEETING', title: '区委常委会会议', place: '区委一号会议室', leadOfficeCode: 'PARTY' },
    {
      date: '2026-11-24',
      startAt: shanghai('2026-11-24', '14:30'),
      endAt: shanghai('2026-11-24', '16:00'),
      kind: 'INSPECTION',
      title: '调研重点项目',
      place: '高新区',
      leadOfficeCode: 'PARTY',
    },
    { date: '2026-11-25', slot: 'AFTERNOON', kind: 'RECEPTION', title: '会见投资商', place: '区委会客厅', leadOfficeCode: 'PARTY' },
  ];
  const liWeek: EntryFixture[] = [
    {
      date: '2026-11-23',
      slot: 'MORNING',
      kind: 'MEETING',
      title: '区政府常务会议',
      place: '区政府常务会议室',
      leadOfficeCode: 'GOVERNMENT',
    },
    // Overlaps the meeting above: one conflict to acknowledge.
    {
      date: '2026-11-23',
      startAt: shanghai('2026-11-23', '09:00'),
      endAt: shanghai('2026-11-23', '10:30'),
      kind: 'RECEPTION',
      title: '接待省检查组',
      place: '区政府会客厅',
      leadOfficeCode: 'GOVERNMENT',
    },
  ];

  const publish = (token: string, input: Record<string, unknown>) => gqlOk(t.url, token, PUBLISH, { input: { week: W48, ...input } });
  const ack = () => [{ conflictKey, note: '已与区政府办确认，常务会议中途离席' }];

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    ids = await leaderIds(t);
    coord = await t.tokenFor('party.coord');
    plan['王建国'] = await enterPlan(t, await t.tokenFor('party.sec'), ids['王建国'], W48, wangWeek);
    plan['李明'] = await enterPlan(t, await t.tokenFor('gov.sec'), ids['李明'], W48, liWeek);
    // A draft is not published.
    await savePlan(t, await t.tokenFor('congress.sec'), ids['张华'], W48, [
      { date: '2026-11-26', slot: 'MORNING', kind: 'MEETING', title: '主任会议', place: '区人大常委会会议室', leadOfficeCode: 'CONGRESS' },
    ]);
    const merged = (await gqlOk(t.url, coord, MERGED, { week: W48 })).mergedSchedule;
    expect(merged.conflicts.map((c: any) => c.kind)).toEqual(['LEADER_DOUBLE_BOOKED']);
    conflictKey = merged.conflicts[0].key;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets only a coordinator publish', async () => {
    for (const username of ['party.sec', 'gov.sec', 'party.director', 'admin', 'reception.staff', 'leader.wang', 'duty.officer']) {
      const error = await gqlError(t.url, await t.tokenFor(username), PUBLISH, {
        input: { week: W48, acknowledgements: ack(), note: '越权发布' },
      });
      expect({ username, code: error.extensions?.code }).toEqual({ username, code: 'FORBIDDEN' });
    }
    expect(await t.prisma.scheduleRevision.count()).toBe(0);
    expect((await gqlOk(t.url, await t.tokenFor('gov.sec'), REVISION, { week: W48 })).scheduleRevision).toBeNull();
    expect((await gqlOk(t.url, await t.tokenFor('gov.sec'), REVISIONS, { week: W48 })).scheduleRevisions).toEqual([]);
  });

  it('refuses to publish until every conflict is acknowledged with a note', async () => {
    const attempts: unknown[] = [
      [],
      [{ conflictKey: `${conflictKey}x`, note: '已确认' }],
      [{ conflictKey: 'LEADER_DOUBLE_BOOKED:', note: '已确认' }],
    ];
    for (const acknowledgements of attempts) {
      const error = await gqlError(t.url, coord, PUBLISH, { input: { week: W48, acknowledgements } });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNACKNOWLEDGED_CONFLICTS',
        field: 'acknowledgements',
        problems: [{ field: 'acknowledgements', message: conflictKey }],
      });
    }
    // A note of spaces is trimmed at the edge, so it is as empty as no note.
    for (const note of ['', '   ']) {
      const empty = await gqlError(t.url, coord, PUBLISH, { input: { week: W48, acknowledgements: [{ conflictKey, note }] } });
      expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'acknowledgements.0.note' });
    }
    expect(await t.prisma.scheduleRevision.count()).toBe(0);
    expect((await gqlOk(t.url, coord, MERGED, { week: W48 })).mergedSchedule.latestRevisionNumber).toBe(0);
  });

  it('publishes revision 1 to every office over graphql-ws and records a notification for everyone', async () => {
    const sockets: Record<string, Subscription<any>> = {};
    for (const username of EVERY_OFFICE) sockets[username] = await subscribe(t, await t.tokenFor(username), SCHEDULE_PUBLISHED);
    try {
      revision1 = (await publish(coord, { acknowledgements: ack(), note: '第一版' })).publishSchedule;
      const coordId = (await gqlOk(t.url, coord, '{ me { id } }')).me.id;
      expect(revision1).toMatchObject({
        week: W48,
        number: 1,
        note: '第一版',
        publishedAt: '2026-11-18T02:00:00.000Z',
        publishedById: coordId,
        publishedBy: { displayName: '区委办综合科 周敏' },
      });
      // Everything is new in the first revision; the draft is not in it.
      expect(revision1.changes.added.map((e: any) => e.title).sort()).toEqual(
        ['会见投资商', '区委常委会会议', '区政府常务会议', '接待省检查组', '调研重点项目'].sort(),
      );
      expect(revision1.changes.removed).toEqual([]);
      expect(revision1.changes.changed).toEqual([]);
      expect(revision1.events).toHaveLength(5);
      expect(JSON.stringify(revision1)).not.toContain('主任会议');
      expect(revision1.acknowledgements).toEqual([
        expect.objectContaining({
          key: conflictKey,
          kind: 'LEADER_DOUBLE_BOOKED',
          note: '已与区政府办确认，常务会议中途离席',
          message: expect.stringContaining('李明'),
        }),
      ]);

      for (const username of EVERY_OFFICE) {
        const event = await sockets[username].next();
        expect({ username, ...event.schedulePublished }).toEqual({
          username,
          week: W48,
          number: 1,
          note: '第一版',
          added: 5,
          removed: 0,
          changed: 0,
          publishedAt: '2026-11-18T02:00:00.000Z',
        });
      }
      // Once, not twice.
      await sockets['reception.staff'].nothingBefore(await scheduleMarker(t, 'RECEPTION'));
    } finally {
      await Promise.all(Object.values(sockets).map((s) => s.close()));
    }

    for (const username of [...EVERY_OFFICE, 'party.coord', 'admin']) {
      const mine = (await gqlOk(t.url, await t.tokenFor(username), MY_NOTIFICATIONS)).myNotifications.nodes.filter(
        (n: any) => n.kind === 'SCHEDULE_PUBLISHED',
      );
      expect({ username, mine }).toEqual({
        username,
        mine: [
          {
            kind: 'SCHEDULE_PUBLISHED',
            subjectId: revision1.id,
            title: expect.stringContaining('2026-W48 周领导工作安排 第1版已发布'),
            body: expect.stringContaining('新增 5，删除 0，变更 0。第一版'),
          },
        ],
      });
    }
    const everyone = await t.prisma.user.count({ where: { active: true } });
    expect(await t.prisma.notification.count({ where: { kind: 'SCHEDULE_PUBLISHED', subjectId: revision1.id } })).toBe(everyone);

    const merged = (await gqlOk(t.url, coord, MERGED, { week: W48 })).mergedSchedule;
    expect(merged.latestRevisionNumber).toBe(1);
    expect(merged.pendingChanges).toEqual({ added: [], removed: [], changed: [] });
  });

  it('refuses to publish again when nothing changed', async () => {
    const error = await gqlError(t.url, coord, PUBLISH, { input: { week: W48, acknowledgements: ack(), note: '重复发布' } });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_CHANGES' });
    expect(await t.prisma.scheduleRevision.count({ where: { week: W48 } })).toBe(1);
  });

  it('shows later plan changes as pending, keeps revision 1 as published, and publishes exactly the changes as revision 2', async () => {
    const party = await t.tokenFor('party.sec');
    const gov = await t.tokenFor('gov.sec');
    const asPublished = (await gqlOk(t.url, gov, REVISION, { week: W48, number: 1 })).scheduleRevision;
    expect(asPublished).toEqual(revision1);

    const reception = entryTitled(plan['王建国'].entries, '会见投资商');
    const inspection = entryTitled(plan['王建国'].entries, '调研重点项目');
    const visit = entryTitled(plan['李明'].entries, '接待省检查组');
    // Only the place of one entry; one entry removed; one added (party office, entry by entry).
    await gqlOk(t.url, party, UPDATE, { input: { id: reception.id, entry: { ...wangWeek[2], place: '区委第二会客厅' } } });
    await gqlOk(t.url, party, REMOVE, { id: inspection.id });
    const added = entryTitled(
      (
        await gqlOk(t.url, party, ADD, {
          input: {
            leaderId: ids['王建国'],
            week: W48,
            entry: {
              date: '2026-11-26',
              slot: 'MORNING',
              kind: 'MEETING',
              title: '全区组织工作会议',
              place: '区委礼堂',
              leadOfficeCode: 'PARTY',
            },
          },
        })
      ).addPlanEntry.entries,
      '全区组织工作会议',
    );
    // The government office moves its visit with a bulk save that keeps the ids.
    const liEntries = plan['李明'].entries.map((e: any, i: number) => ({ ...liWeek[i], id: e.id }));
    liEntries[1] = { ...liEntries[1], startAt: shanghai('2026-11-23', '10:30'), endAt: shanghai('2026-11-23', '11:30') };
    await gqlOk(t.url, gov, SAVE, {
      input: { leaderId: ids['李明'], week: W48, expectedVersion: plan['李明'].version, entries: liEntries },
    });

    const merged = (await gqlOk(t.url, coord, MERGED, { week: W48 })).mergedSchedule;
    expect(merged.latestRevisionNumber).toBe(1);
    const pending = merged.pendingChanges;
    expect(pending.added.map((e: any) => [e.id, e.title])).toEqual([[added.id, '全区组织工作会议']]);
    expect(pending.removed.map((e: any) => [e.id, e.title])).toEqual([[inspection.id, '调研重点项目']]);
    expect(pending.changed.map((c: any) => [c.entryId, c.fields, c.before.place, c.after.place])).toEqual([
      [visit.id, ['startAt', 'endAt'], '区政府会客厅', '区政府会客厅'],
      [reception.id, ['place'], '区委会客厅', '区委第二会客厅'],
    ]);
    expect(pending.changed[0].before.startAt).toBe(shanghai('2026-11-23', '09:00'));
    expect(pending.changed[0].after.startAt).toBe(shanghai('2026-11-23', '10:30'));
    // The same entries still overlap: the conflict keeps its key.
    expect(merged.conflicts.map((c: any) => c.key)).toEqual([conflictKey]);

    // Published is published: revision 1 reads exactly as before, while the plan itself moved on.
    expect((await gqlOk(t.url, gov, REVISION, { week: W48, number: 1 })).scheduleRevision).toEqual(asPublished);
    expect((await gqlOk(t.url, await t.tokenFor('party.coord'), REVISION, { week: W48, number: 1 })).scheduleRevision).toEqual(revision1);

    const congress = await subscribe(t, await t.tokenFor('congress.sec'), SCHEDULE_PUBLISHED);
    let revision2: any;
    try {
      revision2 = (await publish(coord, { acknowledgements: ack(), note: '调整王建国同志周三安排' })).publishSchedule;
      expect((await congress.next()).schedulePublished).toMatchObject({
        week: W48,
        number: 2,
        added: 1,
        removed: 1,
        changed: 2,
        note: '调整王建国同志周三安排',
      });
    } finally {
      await congress.close();
    }
    expect(revision2.number).toBe(2);

    const revisions = (await gqlOk(t.url, gov, REVISIONS, { week: W48 })).scheduleRevisions;
    expect(revisions.map((r: any) => r.number)).toEqual([1, 2]);
    expect(revisions[0]).toEqual(asPublished);
    const changes = revisions[1].changes;
    expect(changes.added.map((e: any) => [e.id, e.title, e.place, e.date, e.slot])).toEqual([
      [added.id, '全区组织工作会议', '区委礼堂', '2026-11-26', 'MORNING'],
    ]);
    expect(changes.removed.map((e: any) => [e.id, e.title, e.place])).toEqual([[inspection.id, '调研重点项目', '高新区']]);
    expect(changes.changed.map((c: any) => ({ entryId: c.entryId, fields: c.fields }))).toEqual([
      { entryId: visit.id, fields: ['startAt', 'endAt'] },
      { entryId: reception.id, fields: ['place'] },
    ]);
    expect(changes.changed[1].before).toMatchObject({ id: reception.id, title: '会见投资商', place: '区委会客厅' });
    expect(changes.changed[1].after).toMatchObject({ id: reception.id, title: '会见投资商', place: '区委第二会客厅' });
    expect(revisions[1].events.map((e: any) => e.entry.title).sort()).toEqual(
      ['会见投资商', '全区组织工作会议', '区委常委会会议', '区政府常务会议', '接待省检查组'].sort(),
    );

    // The latest revision is the default; after it nothing is pending and nothing to publish.
    expect((await gqlOk(t.url, gov, REVISION, { week: W48 })).scheduleRevision.number).toBe(2);
    const after = (await gqlOk(t.url, coord, MERGED, { week: W48 })).mergedSchedule;
    expect(after).toMatchObject({ latestRevisionNumber: 2, pendingChanges: { added: [], removed: [], changed: [] } });
    const again = await gqlError(t.url, coord, PUBLISH, { input: { week: W48, acknowledgements: ack() } });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_CHANGES' });

    // A conflict whose entries did not change stays acknowledged: its note carries over.
    await gqlOk(t.url, party, REMOVE, { id: added.id });
    const third = (await publish(coord, {})).publishSchedule;
    expect(third.acknowledgements).toEqual([expect.objectContaining({ key: conflictKey, note: ack()[0].note })]);
    // Once one of its entries changes it is acknowledged anew: without a note, refused.
    await gqlOk(t.url, gov, UPDATE, { input: { id: visit.id, entry: { ...liEntries[1], id: undefined, place: '区政府第二会客厅' } } });
    const unacknowledged = await gqlError(t.url, coord, PUBLISH, { input: { week: W48 } });
    expect(unacknowledged.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNACKNOWLEDGED_CONFLICTS' });
    expect(await t.prisma.scheduleRevision.count({ where: { week: W48 } })).toBe(3);
  });

  it('answers NOT_FOUND for a revision that does not exist, and null before the first', async () => {
    const gov = await t.tokenFor('gov.sec');
    const missing = await gqlError(t.url, gov, REVISION, { week: W48, number: 9 });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'number' });
    expect((await gqlOk(t.url, gov, REVISION, { week: '2026-W49' })).scheduleRevision).toBeNull();
    expect((await gqlError(t.url, gov, REVISIONS, { week: '2026/48' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'week',
    });
    // A malformed week is an error, not "nothing published yet".
    expect((await gqlError(t.url, gov, REVISION, { week: '2026-48' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'week' });
  });

  it('publishes one revision when two coordinators publish at once', async () => {
    // The test before last left a change pending (an entry removed after revision 2).
    const before = await t.prisma.scheduleRevision.count({ where: { week: W48 } });
    const results = await Promise.all(
      [1, 2].map(() => gql(t.url, coord, PUBLISH, { input: { week: W48, acknowledgements: ack(), note: '同时发布' } })),
    );
    const published = results.filter((r) => !r.errors).map((r) => r.data?.publishSchedule.number);
    expect(published).toEqual([before + 1]);
    const refused = results.find((r) => r.errors)?.errors?.[0].extensions;
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    // Which one depends on timing: the same number taken, or nothing left to publish.
    expect(['CONCURRENT_PUBLISH', 'NO_CHANGES']).toContain(refused?.reason);
    expect(await t.prisma.scheduleRevision.count({ where: { week: W48 } })).toBe(before + 1);
  });
});
