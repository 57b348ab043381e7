import { ManualClock } from '@siban/clock';
import { databaseKinds, gql, gqlError, gqlOk } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';
import {
  ADD,
  COPY,
  EntryFixture,
  entryTitled,
  leaderIds,
  REMOVE,
  SAVE,
  savePlan,
  shanghai,
  SUBMIT,
  UPDATE,
  WEEKLY_PLAN,
} from '../test/weekly-plans';

// 2026-W48 is Mon 2026-11-23 .. Sun 2026-11-29; W49 starts 2026-11-30. "Now" is the Wednesday
// before W48, well ahead of every deadline used here.
const W47 = '2026-W47';
const W48 = '2026-W48';
const W49 = '2026-W49';
const W50 = '2026-W50';

describe.each(databaseKinds())('weekly plan entry and submission on %s', (kind) => {
  let t: TestApp;
  let ids: Record<string, string>;
  const clock = new ManualClock('2026-11-18T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    ids = await leaderIds(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const standing: EntryFixture = {
    date: '2026-11-23',
    slot: 'MORNING',
    kind: 'MEETING',
    title: '区委常委会会议',
    place: '区委一号会议室',
    leadOfficeCode: 'PARTY',
  };

  describe('who may write a plan', () => {
    it('lets a secretary write the plans of the leaders assigned to them, and no one else’s', async () => {
      const party = await t.tokenFor('party.sec');
      const gov = await t.tokenFor('gov.sec');
      const w50 = { ...standing, date: '2026-12-07' };
      const own = await gqlOk(t.url, party, SAVE, { input: { leaderId: ids['王建国'], week: W50, entries: [w50] } });
      expect(own.saveWeeklyPlan).toMatchObject({
        week: W50,
        status: 'DRAFT',
        leader: { name: '王建国' },
        entries: [{ title: '区委常委会会议' }],
      });
      const entryId = own.saveWeeklyPlan.entries[0].id;
      const plans = await t.prisma.weeklyPlan.count();
      const entries = await t.prisma.planEntry.count();

      // Another office's leader, through every write operation.
      const li = ids['李明'];
      const cases: [string, string, Record<string, unknown>][] = [
        [party, SAVE, { input: { leaderId: li, week: W50, entries: [{ ...w50, leadOfficeCode: 'GOVERNMENT' }] } }],
        [party, ADD, { input: { leaderId: li, week: W50, entry: { ...w50, leadOfficeCode: 'GOVERNMENT' } } }],
        [party, SUBMIT, { input: { leaderId: li, week: W50 } }],
        [party, COPY, { input: { leaderId: li, week: W50 } }],
        [gov, SAVE, { input: { leaderId: ids['王建国'], week: W50, entries: [] } }],
        [gov, ADD, { input: { leaderId: ids['王建国'], week: W50, entry: w50 } }],
        [gov, UPDATE, { input: { id: entryId, entry: { ...w50, title: '被他人改写' } } }],
        [gov, REMOVE, { id: entryId }],
        [gov, SUBMIT, { input: { leaderId: ids['王建国'], week: W50 } }],
      ];
      for (const [token, query, variables] of cases) {
        const error = await gqlError(t.url, token, query, variables);
        expect({ query: query.slice(0, 40), code: error.extensions?.code }).toEqual({ query: query.slice(0, 40), code: 'FORBIDDEN' });
      }
      expect(await t.prisma.weeklyPlan.count()).toBe(plans);
      expect(await t.prisma.planEntry.count()).toBe(entries);
      const stored = await t.prisma.planEntry.findUniqueOrThrow({ where: { id: entryId } });
      expect(stored.title).toBe('区委常委会会议');
      const plan = await t.prisma.weeklyPlan.findUniqueOrThrow({ where: { leaderId_week: { leaderId: ids['王建国'], week: W50 } } });
      expect(plan.status).toBe('DRAFT');
    });

    it.each(['party.coord', 'party.director', 'gov.director', 'admin', 'reception.staff', 'leader.wang'])(
      '%s cannot write or submit plans',
      async (username) => {
        const token = await t.tokenFor(username);
        const wang = ids['王建国'];
        const entries = await t.prisma.planEntry.count();
        expect(
          (await gqlError(t.url, token, SAVE, { input: { leaderId: wang, week: W49, entries: [{ ...standing, date: '2026-11-30' }] } }))
            .extensions?.code,
        ).toBe('FORBIDDEN');
        expect(
          (await gqlError(t.url, token, ADD, { input: { leaderId: wang, week: W49, entry: { ...standing, date: '2026-11-30' } } }))
            .extensions?.code,
        ).toBe('FORBIDDEN');
        expect((await gqlError(t.url, token, SUBMIT, { input: { leaderId: wang, week: W49 } })).extensions?.code).toBe('FORBIDDEN');
        expect(await t.prisma.planEntry.count()).toBe(entries);
        expect(await t.prisma.weeklyPlan.count({ where: { leaderId: wang, week: W49 } })).toBe(0);
      },
    );
  });

  it('keeps a draft to the leader’s secretaries until it is submitted', async () => {
    const chen = ids['陈强'];
    const party = await t.tokenFor('party.sec');
    await savePlan(t, await t.tokenFor('party.sec'), chen, W48, [
      { date: '2026-11-24', slot: 'AFTERNOON', kind: 'INSPECTION', title: '调研乡村振兴示范点', place: '河西镇', leadOfficeCode: 'PARTY' },
    ]);
    const mine = await gqlOk(t.url, party, WEEKLY_PLAN, { leaderId: chen, week: W48 });
    expect(mine.weeklyPlan).toMatchObject({
      status: 'DRAFT',
      submittedAt: null,
      entries: [{ title: '调研乡村振兴示范点', place: '河西镇', busy: false }],
    });

    const others = ['gov.sec', 'congress.sec', 'reception.staff', 'party.coord', 'party.director', 'leader.wang'];
    for (const username of others) {
      const seen = await gqlOk(t.url, await t.tokenFor(username), WEEKLY_PLAN, { leaderId: chen, week: W48 });
      expect({ username, plan: seen.weeklyPlan }).toEqual({ username, plan: null });
    }

    const submitted = await gqlOk(t.url, party, SUBMIT, { input: { leaderId: chen, week: W48 } });
    expect(submitted.submitWeeklyPlan).toMatchObject({ status: 'SUBMITTED', late: false, submittedAt: '2026-11-18T02:00:00.000Z' });
    for (const username of others) {
      const seen = await gqlOk(t.url, await t.tokenFor(username), WEEKLY_PLAN, { leaderId: chen, week: W48 });
      expect({ username, plan: seen.weeklyPlan }).toMatchObject({
        username,
        plan: { status: 'SUBMITTED', leader: { name: '陈强' }, entries: [{ title: '调研乡村振兴示范点', place: '河西镇', busy: false }] },
      });
    }
    // A leader with nothing entered has no plan at all.
    expect((await gqlOk(t.url, party, WEEKLY_PLAN, { leaderId: ids['冯雪'], week: W48 })).weeklyPlan).toBeNull();
  });

  it('saves a whole week at once, drops the entries left out and keeps the identity of those listed by id', async () => {
    const sun = ids['孙伟'];
    const week: EntryFixture[] = [
      { date: '2026-11-23', slot: 'MORNING', kind: 'MEETING', title: '  全区组织工作会议 ', place: ' 区委礼堂 ', leadOfficeCode: 'PARTY' },
      {
        date: '2026-11-23',
        slot: 'AFTERNOON',
        kind: 'MEETING',
        title: '干部教育培训工作推进会',
        place: '区委党校',
        leadOfficeCode: 'PARTY',
        note: '请组织科准备材料',
      },
      {
        date: '2026-11-24',
        startAt: shanghai('2026-11-24', '09:00'),
        endAt: shanghai('2026-11-24', '10:30'),
        kind: 'RECEPTION',
        title: '会见市委组织部调研组',
        place: '区委会客厅',
        leadOfficeCode: 'PARTY',
      },
      { date: '2026-11-24', slot: 'EVENING', kind: 'OTHER', title: '审阅考察材料', leadOfficeCode: 'PARTY', confidentiality: 'RESTRICTED' },
      {
        date: '2026-11-25',
        slot: 'MORNING',
        kind: 'INSPECTION',
        title: '调研基层党建',
        place: '东城街道',
        leadOfficeCode: 'PARTY',
        attendeeLeaderIds: [ids['陈强']],
      },
      {
        date: '2026-11-25',
        slot: 'AFTERNOON',
        kind: 'CONFERENCE',
        title: '全区人才工作大会',
        place: '区会议中心',
        leadOfficeCode: 'GOVERNMENT',
        attendeeLeaderIds: [ids['李明'], ids['赵敏']],
      },
      {
        date: '2026-11-26',
        slot: 'MORNING',
        kind: 'MEETING',
        title: '列席区人大常委会会议',
        place: '区人大常委会会议室',
        leadOfficeCode: 'CONGRESS',
        sessionOf: 'CONGRESS',
      },
      {
        date: '2026-11-27',
        endDate: '2026-11-28',
        kind: 'TRIP',
        title: '赴省委组织部汇报工作',
        place: '省委组织部',
        leadOfficeCode: 'PARTY',
      },
      { date: '2026-11-29', kind: 'LEAVE', title: '休息', leadOfficeCode: 'PARTY' },
    ];
    const first = await savePlan(t, await t.tokenFor('party.sec'), sun, W48, week);
    expect(first.entries).toHaveLength(9);
    expect(first.entries.map((e: any) => e.title)).toEqual([
      '全区组织工作会议',
      '干部教育培训工作推进会',
      '会见市委组织部调研组',
      '审阅考察材料',
      '调研基层党建',
      '全区人才工作大会',
      '列席区人大常委会会议',
      '赴省委组织部汇报工作',
      '休息',
    ]);
    expect(first.entries[0]).toMatchObject({
      place: '区委礼堂',
      slot: 'MORNING',
      startAt: null,
      endAt: null,
      endDate: null,
      confidentiality: 'OPEN',
      leader: { name: '孙伟' },
    });
    expect(first.entries[1].note).toBe('请组织科准备材料');
    expect(first.entries[2]).toMatchObject({
      slot: null,
      startAt: '2026-11-24T01:00:00.000Z',
      endAt: '2026-11-24T02:30:00.000Z',
      kind: 'RECEPTION',
    });
    expect(first.entries[3]).toMatchObject({ confidentiality: 'RESTRICTED', place: '', busy: false });
    expect(first.entries[4].attendees).toEqual([{ name: '陈强' }]);
    expect(first.entries[5]).toMatchObject({ leadOfficeCode: 'GOVERNMENT', attendees: [{ name: '李明' }, { name: '赵敏' }] });
    expect(first.entries[6].sessionOf).toBe('CONGRESS');
    expect(first.entries[7]).toMatchObject({ date: '2026-11-27', endDate: '2026-11-28', slot: null, startAt: null, kind: 'TRIP' });
    // What the secretary reads back is what the save returned.
    const reread = await gqlOk(t.url, await t.tokenFor('party.sec'), WEEKLY_PLAN, { leaderId: sun, week: W48 });
    expect(reread.weeklyPlan).toEqual(first);

    const [keepChanged, , keepSame] = first.entries;
    const second = await savePlan(t, await t.tokenFor('party.sec'), sun, W48, [
      { ...week[0], id: keepChanged.id, place: '区行政中心礼堂' },
      { ...week[2], id: keepSame.id },
      { date: '2026-11-26', slot: 'AFTERNOON', kind: 'MEETING', title: '组织部部务会', place: '组织部会议室', leadOfficeCode: 'PARTY' },
    ]);
    expect(second.version).toBe(first.version + 1);
    expect(second.entries.map((e: any) => [e.title, e.place])).toEqual([
      ['全区组织工作会议', '区行政中心礼堂'],
      ['会见市委组织部调研组', '区委会客厅'],
      ['组织部部务会', '组织部会议室'],
    ]);
    expect(second.entries[0].id).toBe(keepChanged.id);
    expect(second.entries[1]).toEqual(keepSame);
    const removed = first.entries.filter((e: any) => e.id !== keepChanged.id && e.id !== keepSame.id).map((e: any) => e.id);
    expect(removed).toHaveLength(7);
    expect(removed).not.toContain(second.entries[2].id);
    expect(await t.prisma.planEntry.count({ where: { id: { in: removed } } })).toBe(0);
    expect(await t.prisma.planEntry.count({ where: { leaderId: sun, week: W48 } })).toBe(3);

    // An id that is not an entry of this plan is refused, and the plan stays as it was.
    const foreignId = (await t.prisma.planEntry.findFirstOrThrow({ where: { leaderId: ids['陈强'], week: W48 } })).id;
    const foreign = await gqlError(t.url, await t.tokenFor('party.sec'), SAVE, {
      input: { leaderId: sun, week: W48, entries: [{ ...week[0], id: foreignId }] },
    });
    expect(foreign.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await t.prisma.planEntry.count({ where: { leaderId: sun, week: W48 } })).toBe(3);
    expect((await t.prisma.planEntry.findUniqueOrThrow({ where: { id: foreignId } })).leaderId).toBe(ids['陈强']);

    // The same id twice would keep one row and drop the other: refused.
    const twice = await gqlError(t.url, await t.tokenFor('party.sec'), SAVE, {
      input: {
        leaderId: sun,
        week: W48,
        entries: [
          { ...week[0], id: keepChanged.id },
          { ...week[1], id: keepChanged.id },
        ],
      },
    });
    expect(twice.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.1.id', reason: 'DUPLICATE_ENTRY' });
    expect((await gqlOk(t.url, await t.tokenFor('party.sec'), WEEKLY_PLAN, { leaderId: sun, week: W48 })).weeklyPlan).toEqual(second);

    // Saving an empty week clears it.
    const cleared = await savePlan(t, await t.tokenFor('party.sec'), sun, W49, [{ ...week[0], date: '2026-11-30' }]);
    expect(cleared.entries).toHaveLength(1);
    expect((await savePlan(t, await t.tokenFor('party.sec'), sun, W49, [])).entries).toEqual([]);
  });

  it('refuses a save against a stale version as CONFLICT STALE_VERSION and writes nothing', async () => {
    const party = await t.tokenFor('party.sec');
    const zheng = ids['郑磊'];
    const entry: EntryFixture = {
      date: '2026-12-01',
      slot: 'MORNING',
      kind: 'MEETING',
      title: '政法委全体会议',
      place: '区委政法委会议室',
      leadOfficeCode: 'PARTY',
    };
    const v1 = (await gqlOk(t.url, party, SAVE, { input: { leaderId: zheng, week: W49, entries: [entry] } })).saveWeeklyPlan;
    const v2 = (
      await gqlOk(t.url, party, SAVE, {
        input: {
          leaderId: zheng,
          week: W49,
          expectedVersion: v1.version,
          entries: [{ ...entry, id: v1.entries[0].id, place: '区法院审委会会议室' }],
        },
      })
    ).saveWeeklyPlan;
    expect(v2.version).toBe(v1.version + 1);

    // A second window still holding v1 tries to save over v2.
    const stale = await gqlError(t.url, party, SAVE, {
      input: { leaderId: zheng, week: W49, expectedVersion: v1.version, entries: [{ ...entry, title: '旧窗口的内容' }] },
    });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', field: 'expectedVersion' });
    const now = (await gqlOk(t.url, party, WEEKLY_PLAN, { leaderId: zheng, week: W49 })).weeklyPlan;
    expect(now).toEqual(v2);

    // Single-entry edits move the version on too, so a bulk save from before them is stale.
    const added = (
      await gqlOk(t.url, party, ADD, {
        input: { leaderId: zheng, week: W49, entry: { ...entry, date: '2026-12-02', title: '审判委员会会议' } },
      })
    ).addPlanEntry;
    expect(added.version).toBe(v2.version + 1);
    const afterAdd = await gqlError(t.url, party, SAVE, {
      input: { leaderId: zheng, week: W49, expectedVersion: v2.version, entries: [] },
    });
    expect(afterAdd.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await t.prisma.planEntry.count({ where: { leaderId: zheng, week: W49 } })).toBe(2);
    const fresh = await gqlOk(t.url, party, SAVE, { input: { leaderId: zheng, week: W49, expectedVersion: added.version, entries: [] } });
    expect(fresh.saveWeeklyPlan).toMatchObject({ version: added.version + 1, entries: [] });
  });

  it('serialises concurrent edits of one plan, the very first ones included', async () => {
    const party = await t.tokenFor('party.sec');
    const chen = ids['陈强'];
    // Five entries added at once to a plan that does not exist yet: all kept, in turn.
    const titles = ['调研一', '调研二', '调研三', '调研四', '调研五'].map((title) => `${title}：乡镇党建`);
    const results = await Promise.all(
      titles.map((title, i) =>
        gql(t.url, party, ADD, {
          input: {
            leaderId: chen,
            week: W50,
            entry: {
              date: `2026-12-${String(7 + i).padStart(2, '0')}`,
              slot: 'MORNING',
              kind: 'INSPECTION',
              title,
              leadOfficeCode: 'PARTY',
            },
          },
        }),
      ),
    );
    expect(results.map((r) => r.errors ?? 'ok')).toEqual(titles.map(() => 'ok'));
    const rows = await t.prisma.planEntry.findMany({ where: { leaderId: chen, week: W50 } });
    expect(rows.map((r) => r.title).sort()).toEqual([...titles].sort());
    expect(rows.map((r) => r.position).sort()).toEqual([0, 1, 2, 3, 4]);
    const plan = await t.prisma.weeklyPlan.findUniqueOrThrow({ where: { leaderId_week: { leaderId: chen, week: W50 } } });
    expect(plan.version).toBe(5);

    // Two windows saving over the same version at once: one wins, the other is told.
    const saves = await Promise.all(
      ['窗口甲', '窗口乙'].map((title) =>
        gql(t.url, party, SAVE, {
          input: {
            leaderId: chen,
            week: W50,
            expectedVersion: plan.version,
            entries: [{ date: '2026-12-07', slot: 'MORNING', kind: 'MEETING', title, leadOfficeCode: 'PARTY' }],
          },
        }),
      ),
    );
    const refused = saves.filter((r) => r.errors);
    expect(refused.map((r) => r.errors?.[0].extensions)).toEqual([expect.objectContaining({ code: 'CONFLICT', reason: 'STALE_VERSION' })]);
    const winner = saves.find((r) => !r.errors)?.data?.saveWeeklyPlan;
    expect((await gqlOk(t.url, party, WEEKLY_PLAN, { leaderId: chen, week: W50 })).weeklyPlan).toEqual(winner);
    expect(winner.version).toBe(plan.version + 1);
  });

  it('adds, updates and removes single entries', async () => {
    const party = await t.tokenFor('party.sec');
    const zheng = ids['郑磊'];
    const first = (
      await gqlOk(t.url, party, ADD, {
        input: {
          leaderId: zheng,
          week: W48,
          entry: {
            date: '2026-11-25',
            slot: 'AFTERNOON',
            kind: 'MEETING',
            title: '法院党组会议',
            place: '区法院三楼会议室',
            leadOfficeCode: 'PARTY',
          },
        },
      })
    ).addPlanEntry;
    expect(first).toMatchObject({
      status: 'DRAFT',
      leader: { name: '郑磊' },
      entries: [{ title: '法院党组会议', date: '2026-11-25', slot: 'AFTERNOON' }],
    });
    const second = (
      await gqlOk(t.url, party, ADD, {
        input: {
          leaderId: zheng,
          week: W48,
          entry: {
            date: '2026-11-23',
            slot: 'MORNING',
            kind: 'INSPECTION',
            title: '调研诉讼服务中心',
            place: '区法院诉讼服务中心',
            leadOfficeCode: 'PARTY',
          },
        },
      })
    ).addPlanEntry;
    // Entries come back in date order.
    expect(second.entries.map((e: any) => e.title)).toEqual(['调研诉讼服务中心', '法院党组会议']);
    const [inspection, meeting] = second.entries;

    const updated = (
      await gqlOk(t.url, party, UPDATE, {
        input: {
          id: meeting.id,
          entry: {
            date: '2026-11-26',
            startAt: shanghai('2026-11-26', '15:00'),
            endAt: shanghai('2026-11-26', '16:30'),
            kind: 'MEETING',
            title: '法院党组（扩大）会议',
            place: '区法院一楼会议室',
            leadOfficeCode: 'PARTY',
            note: '各庭长列席',
          },
        },
      })
    ).updatePlanEntry;
    const after = entryTitled(updated.entries, '法院党组（扩大）会议');
    expect(after).toMatchObject({
      id: meeting.id,
      date: '2026-11-26',
      slot: null,
      startAt: '2026-11-26T07:00:00.000Z',
      endAt: '2026-11-26T08:30:00.000Z',
      place: '区法院一楼会议室',
      note: '各庭长列席',
    });
    expect(updated.entries).toHaveLength(2);

    // An update stays within the entry's week.
    const moved = await gqlError(t.url, party, UPDATE, {
      input: {
        id: meeting.id,
        entry: { date: '2026-12-03', slot: 'MORNING', kind: 'MEETING', title: '法院党组会议', leadOfficeCode: 'PARTY' },
      },
    });
    expect(moved.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entry.date' });
    expect((await t.prisma.planEntry.findUniqueOrThrow({ where: { id: meeting.id } })).date).toBe('2026-11-26');

    const removed = (await gqlOk(t.url, party, REMOVE, { id: inspection.id })).removePlanEntry;
    expect(removed.entries.map((e: any) => e.id)).toEqual([meeting.id]);
    expect(await t.prisma.planEntry.findUnique({ where: { id: inspection.id } })).toBeNull();

    const again = await gqlError(t.url, party, REMOVE, { id: inspection.id });
    expect(again.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const unknownUpdate = await gqlError(t.url, party, UPDATE, { input: { id: inspection.id, entry: { ...standing } } });
    expect(unknownUpdate.extensions?.code).toBe('NOT_FOUND');
    const badId = await gqlError(t.url, party, REMOVE, { id: 'not-an-id' });
    expect(badId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('copies last week’s plan seven days on, and overwrites a non-empty week only when told', async () => {
    const party = await t.tokenFor('party.sec');
    const feng = ids['冯雪'];
    const source = await savePlan(t, await t.tokenFor('party.sec'), feng, W48, [
      {
        date: '2026-11-23',
        slot: 'MORNING',
        kind: 'MEETING',
        title: '检察委员会会议',
        place: '区检察院会议室',
        leadOfficeCode: 'PARTY',
        note: '研究重大案件',
      },
      {
        date: '2026-11-24',
        startAt: shanghai('2026-11-24', '14:30'),
        endAt: shanghai('2026-11-24', '16:00'),
        kind: 'RECEPTION',
        title: '接待人大代表视察',
        place: '区检察院',
        leadOfficeCode: 'CONGRESS',
        attendeeLeaderIds: [ids['周静']],
      },
      { date: '2026-11-26', endDate: '2026-11-28', kind: 'TRIP', title: '赴市检察院参加培训', place: '市检察院', leadOfficeCode: 'PARTY' },
      { date: '2026-11-29', slot: 'EVENING', kind: 'OTHER', title: '专案研判', leadOfficeCode: 'PARTY', confidentiality: 'RESTRICTED' },
    ]);

    const copied = (await gqlOk(t.url, party, COPY, { input: { leaderId: feng, week: W49 } })).copyPreviousWeekPlan;
    expect(copied).toMatchObject({ week: W49, status: 'DRAFT', leader: { name: '冯雪' } });
    expect(copied.entries).toHaveLength(4);
    const plusWeek = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 7 * 24 * 3600_000).toISOString() : null);
    const plusDays = (date: string | null) =>
      date ? new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 24 * 3600_000).toISOString().slice(0, 10) : null;
    source.entries.forEach((before: any, i: number) => {
      const after = copied.entries[i];
      expect(after.id).not.toBe(before.id);
      expect(after).toEqual({
        ...before,
        id: after.id,
        date: plusDays(before.date),
        endDate: plusDays(before.endDate),
        startAt: plusWeek(before.startAt),
        endAt: plusWeek(before.endAt),
      });
    });
    expect(copied.entries.map((e: any) => [e.date, e.endDate])).toEqual([
      ['2026-11-30', null],
      ['2026-12-01', null],
      ['2026-12-03', '2026-12-05'],
      ['2026-12-06', null],
    ]);
    expect(copied.entries[1]).toMatchObject({ startAt: '2026-12-01T06:30:00.000Z', endAt: '2026-12-01T08:00:00.000Z' });
    // Last week's plan is left as it was.
    expect((await gqlOk(t.url, party, WEEKLY_PLAN, { leaderId: feng, week: W48 })).weeklyPlan.entries).toEqual(source.entries);

    // The copy is a start: edit it, then copying again without replace refuses to clobber it.
    const edited = (
      await gqlOk(t.url, party, ADD, {
        input: {
          leaderId: feng,
          week: W49,
          entry: {
            date: '2026-12-04',
            slot: 'AFTERNOON',
            kind: 'MEETING',
            title: '检察长办公会',
            place: '区检察院',
            leadOfficeCode: 'PARTY',
          },
        },
      })
    ).addPlanEntry;
    expect(edited.entries).toHaveLength(5);
    const refused = await gqlError(t.url, party, COPY, { input: { leaderId: feng, week: W49 } });
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_NOT_EMPTY', field: 'replace' });
    expect((await gqlOk(t.url, party, WEEKLY_PLAN, { leaderId: feng, week: W49 })).weeklyPlan.entries).toEqual(edited.entries);

    const replaced = (await gqlOk(t.url, party, COPY, { input: { leaderId: feng, week: W49, replace: true } })).copyPreviousWeekPlan;
    expect(replaced.entries.map((e: any) => [e.title, e.date])).toEqual(copied.entries.map((e: any) => [e.title, e.date]));
    expect(await t.prisma.planEntry.count({ where: { leaderId: feng, week: W49 } })).toBe(4);

    // Nothing last week: nothing to copy, and nothing written.
    const nothing = await gqlError(t.url, party, COPY, { input: { leaderId: feng, week: W48 } });
    expect(nothing.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'week' });
    expect(await t.prisma.weeklyPlan.count({ where: { leaderId: feng, week: W47 } })).toBe(0);
    expect((await gqlOk(t.url, party, WEEKLY_PLAN, { leaderId: feng, week: W48 })).weeklyPlan.entries).toEqual(source.entries);
  });

  it('names the field of bad input and writes nothing', async () => {
    const party = await t.tokenFor('party.sec');
    const wang = ids['王建国'];
    const counts = async () => ({ plans: await t.prisma.weeklyPlan.count(), entries: await t.prisma.planEntry.count() });
    const before = await counts();
    const ok: EntryFixture = {
      date: '2026-11-30',
      slot: 'MORNING',
      kind: 'MEETING',
      title: '区委常委会会议',
      place: '区委一号会议室',
      leadOfficeCode: 'PARTY',
    };
    const saveWith = (bad: Partial<EntryFixture> & Record<string, unknown>) =>
      gqlError(t.url, party, SAVE, { input: { leaderId: wang, week: W49, entries: [ok, { ...ok, title: '第二条', ...bad }] } });

    const cases: [Partial<EntryFixture> & Record<string, unknown>, string][] = [
      [{ date: '2026-11-27' }, 'entries.1.date'], // the Friday before the week
      [{ date: '2026-12-07' }, 'entries.1.date'], // the Monday after
      [{ date: '2026-02-30' }, 'entries.1.date'],
      [{ date: '30/11/2026' }, 'entries.1.date'],
      [{ slot: undefined, startAt: shanghai('2026-11-30', '10:00'), endAt: shanghai('2026-11-30', '09:00') }, 'entries.1.endAt'],
      [{ slot: undefined, startAt: shanghai('2026-11-30', '10:00') }, 'entries.1.endAt'],
      [{ startAt: shanghai('2026-11-30', '10:00'), endAt: shanghai('2026-11-30', '11:00') }, 'entries.1.slot'],
      [{ slot: undefined, startAt: shanghai('2026-12-01', '10:00'), endAt: shanghai('2026-12-01', '11:00') }, 'entries.1.startAt'],
      [{ slot: undefined, kind: 'TRIP', endDate: '2026-11-29' }, 'entries.1.endDate'],
      [{ attendeeLeaderIds: [wang] }, 'entries.1.attendeeLeaderIds'],
      [{ attendeeLeaderIds: ['00000000-0000-4000-8000-000000000000'] }, 'entries.1.attendeeLeaderIds'],
      [{ title: '' }, 'entries.1.title'],
      [{ leadOfficeCode: 'MARS' }, 'entries.1.leadOfficeCode'],
      [{ place: '会'.repeat(201) }, 'entries.1.place'],
    ];
    for (const [bad, field] of cases) {
      const error = await saveWith(bad);
      expect({ bad, code: error.extensions?.code, field: error.extensions?.field }).toEqual({ bad, code: 'BAD_USER_INPUT', field });
    }
    const kindError = await gql(t.url, party, SAVE, { input: { leaderId: wang, week: W49, entries: [{ ...ok, kind: 'PARTY' }] } });
    expect(kindError.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const endBeforeStart = await gqlError(t.url, party, ADD, {
      input: {
        leaderId: wang,
        week: W49,
        entry: { ...ok, slot: undefined, startAt: shanghai('2026-11-30', '15:00'), endAt: shanghai('2026-11-30', '14:00') },
      },
    });
    expect(endBeforeStart.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entry.endAt' });
    expect(endBeforeStart.extensions?.problems).toEqual([
      { field: 'entry.endAt', message: expect.stringContaining('结束时间须晚于开始时间') },
    ]);

    // A week that is not an ISO week id, on every operation that takes one.
    const badWeeks: [string, Record<string, unknown>][] = [
      [SAVE, { input: { leaderId: wang, week: '2026-48', entries: [ok] } }],
      [ADD, { input: { leaderId: wang, week: '2026-48', entry: ok } }],
      [SUBMIT, { input: { leaderId: wang, week: '2026-48' } }],
      [COPY, { input: { leaderId: wang, week: '2026-48' } }],
      [WEEKLY_PLAN, { leaderId: wang, week: '2026-48' }],
      [SAVE, { input: { leaderId: wang, week: '2026-W54', entries: [] } }],
      [SAVE, { input: { leaderId: wang, week: '2026-W00', entries: [] } }],
    ];
    for (const [query, variables] of badWeeks) {
      const error = await gqlError(t.url, party, query, variables);
      expect({ query: query.slice(0, 40), code: error.extensions?.code, field: error.extensions?.field }).toEqual({
        query: query.slice(0, 40),
        code: 'BAD_USER_INPUT',
        field: 'week',
      });
    }
    expect(await counts()).toEqual(before);
    expect((await gqlOk(t.url, party, WEEKLY_PLAN, { leaderId: wang, week: W49 })).weeklyPlan).toBeNull();
  });
});
