import { ManualClock } from '@siban/clock';
import { databaseKinds, gql, gqlError, gqlOk } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';
import {
  ADD,
  CHANGES_FIELDS,
  DAYS_FIELDS,
  enterPlan,
  EntryFixture,
  entryTitled,
  EVENT_FIELDS,
  leaderIds,
  PUBLISH,
  REVISIONS,
  SAVE,
  savePlan,
  shanghai,
  UPDATE,
} from '../test/weekly-plans';

// The defects found by trying the weekly plans as the offices use them (issue 9), each entered
// over the API. One week per defect, so the cases stay apart:
// W48 Mon 11-23 .. Sun 11-29, W49 11-30 .. 12-06, W50 12-07 .. 12-13, W51 12-14 .. 12-20, W52 12-21 .. 12-27.
const [W48, W49, W50, W51, W52] = ['2026-W48', '2026-W49', '2026-W50', '2026-W51', '2026-W52'];
const BUSY = '忙碌 / Busy';
const MERGED = `query ($week: String!) { mergedSchedule(week: $week) { conflicts { key kind note entryIds leaders { id name } } events { ${EVENT_FIELDS} } ${DAYS_FIELDS} pendingChanges { ${CHANGES_FIELDS} } } }`;

describe.each(databaseKinds())('weekly plans as the offices use them on %s', (kind) => {
  let t: TestApp;
  let ids: Record<string, string>;
  let tokens: Record<'party' | 'gov' | 'congress' | 'cppcc' | 'coord' | 'admin' | 'reception', string>;
  const clock = new ManualClock('2026-11-18T02:00:00Z');

  const merged = async (week: string) => (await gqlOk(t.url, tokens.coord, MERGED, { week })).mergedSchedule;
  const publish = (week: string, acknowledgements: { conflictKey: string; note: string }[] = []) =>
    gql(t.url, tokens.coord, PUBLISH, { input: { week, acknowledgements } });
  const slotOf = (schedule: any, date: string, slot: string) =>
    schedule.days.find((d: any) => d.date === date).slots.find((s: any) => s.slot === slot).events;
  const titlesIn = (events: any[]) => events.map((e: any) => e.entry.title).sort();

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    ids = await leaderIds(t);
    const [party, gov, congress, cppcc, coord, admin, reception] = await Promise.all(
      ['party.sec', 'gov.sec', 'congress.sec', 'cppcc.sec', 'party.coord', 'admin', 'reception.staff'].map((u) => t.tokenFor(u)),
    );
    tokens = { party, gov, congress, cppcc, coord, admin, reception };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows two unrelated restricted events to other offices as two busy blocks, each at its own time', async () => {
    await enterPlan(t, tokens.party, ids['王建国'], W48, [
      {
        date: '2026-11-24',
        startAt: shanghai('2026-11-24', '09:00'),
        endAt: shanghai('2026-11-24', '11:00'),
        kind: 'MEETING',
        title: '干部任免酝酿会',
        leadOfficeCode: 'PARTY',
        attendeeLeaderIds: [ids['李明']],
        confidentiality: 'RESTRICTED',
      },
    ]);
    await enterPlan(t, tokens.congress, ids['张华'], W48, [
      {
        date: '2026-11-24',
        startAt: shanghai('2026-11-24', '15:00'),
        endAt: shanghai('2026-11-24', '16:00'),
        kind: 'MEETING',
        title: '人事任免座谈会',
        leadOfficeCode: 'CONGRESS',
        attendeeLeaderIds: [ids['李明']],
        confidentiality: 'RESTRICTED',
      },
    ]);
    expect((await publish(W48)).errors).toBeUndefined();

    const [revision] = (await gqlOk(t.url, tokens.reception, REVISIONS, { week: W48 })).scheduleRevisions;
    const blocks = revision.events.map((e: any) => ({
      title: e.entry.title,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      leaders: e.leaders.map((l: any) => l.name),
    }));
    expect(blocks).toEqual([
      { title: BUSY, startsAt: shanghai('2026-11-24', '09:00'), endsAt: shanghai('2026-11-24', '11:00'), leaders: ['王建国', '李明'] },
      { title: BUSY, startsAt: shanghai('2026-11-24', '15:00'), endsAt: shanghai('2026-11-24', '16:00'), leaders: ['李明', '张华'] },
    ]);
    // 张华's afternoon is not free.
    expect(slotOf(revision, '2026-11-24', 'AFTERNOON').map((e: any) => e.leaders.map((l: any) => l.name))).toEqual([['李明', '张华']]);
  });

  it('counts only leaders in office as the principal leaders who must not all be away', async () => {
    // A former principal leader, replaced: still marked principal, no longer active.
    const { createLeader } = await gqlOk(
      t.url,
      tokens.admin,
      'mutation ($input: CreateLeaderInput!) { createLeader(input: $input) { id } }',
      { input: { name: '钱卫东', title: '原区长', body: 'GOVERNMENT', officeCode: 'GOVERNMENT', rank: 90, isPrincipal: true } },
    );
    await gqlOk(t.url, tokens.admin, 'mutation ($input: UpdateLeaderInput!) { updateLeader(input: $input) { id } }', {
      input: { id: createLeader.id, active: false },
    });

    const trip = (title: string, leadOfficeCode: string): EntryFixture => ({ date: '2026-12-09', kind: 'TRIP', title, leadOfficeCode });
    await enterPlan(t, tokens.party, ids['王建国'], W50, [trip('赴省委汇报', 'PARTY')]);
    await enterPlan(t, tokens.gov, ids['李明'], W50, [trip('赴省政府汇报', 'GOVERNMENT')]);
    await enterPlan(t, tokens.congress, ids['张华'], W50, [trip('赴省人大学习', 'CONGRESS')]);
    await enterPlan(t, tokens.cppcc, ids['刘芳'], W50, [trip('赴省政协学习', 'CPPCC')]);

    const away = (await merged(W50)).conflicts.filter((c: any) => c.kind === 'ALL_PRINCIPALS_AWAY');
    expect(away).toHaveLength(1);
    expect(away[0].leaders.map((l: any) => l.name)).toEqual(['王建国', '李明', '张华', '刘芳']);
    expect(away[0].leaders.map((l: any) => l.id)).toEqual([ids['王建国'], ids['李明'], ids['张华'], ids['刘芳']]);
  });

  it('shows whole-day and multi-day entries in every half-day they cover, and trips crossing into the week', async () => {
    // 赵敏's leave starts on Saturday of W50 and runs into W51; 陈强 lists her on Monday of W51.
    await enterPlan(t, tokens.gov, ids['赵敏'], W50, [
      { date: '2026-12-12', endDate: '2026-12-15', kind: 'LEAVE', title: '年休假', leadOfficeCode: 'GOVERNMENT' },
    ]);
    await enterPlan(t, tokens.party, ids['陈强'], W51, [
      {
        date: '2026-12-14',
        slot: 'MORNING',
        kind: 'MEETING',
        title: '安全生产调度会',
        leadOfficeCode: 'PARTY',
        attendeeLeaderIds: [ids['赵敏']],
      },
      { date: '2026-12-16', endDate: '2026-12-17', kind: 'TRIP', title: '赴市委党校学习', leadOfficeCode: 'PARTY' },
    ]);

    const schedule = await merged(W51);
    expect(titlesIn(schedule.events)).toEqual(['安全生产调度会', '年休假', '赴市委党校学习']);
    for (const slot of ['MORNING', 'AFTERNOON', 'EVENING']) {
      expect(titlesIn(slotOf(schedule, '2026-12-16', slot))).toEqual(['赴市委党校学习']);
      expect(titlesIn(slotOf(schedule, '2026-12-17', slot))).toEqual(['赴市委党校学习']);
      expect(titlesIn(slotOf(schedule, '2026-12-15', slot))).toEqual(['年休假']);
      expect(titlesIn(slotOf(schedule, '2026-12-18', slot))).toEqual([]);
    }
    expect(titlesIn(slotOf(schedule, '2026-12-14', 'MORNING'))).toEqual(['安全生产调度会', '年休假']);
    const day16 = schedule.days.find((d: any) => d.date === '2026-12-16');
    expect(titlesIn(day16.allDay)).toEqual(['赴市委党校学习']);
    expect(schedule.conflicts.map((c: any) => c.kind)).toEqual(['LEADER_ON_LEAVE']);
    expect(schedule.conflicts[0].leaders.map((l: any) => l.name)).toEqual(['赵敏']);
  });

  it('keeps the entries of a week saved again unchanged without ids: same ids, same version, nothing to publish', async () => {
    const week: EntryFixture[] = [
      { date: '2026-12-01', slot: 'MORNING', kind: 'MEETING', title: '主任会议', place: '人大常委会会议室', leadOfficeCode: 'CONGRESS' },
      { date: '2026-12-03', slot: 'AFTERNOON', kind: 'INSPECTION', title: '视察重点项目', place: '高新区', leadOfficeCode: 'CONGRESS' },
    ];
    const first = await enterPlan(t, tokens.congress, ids['周静'], W49, week);
    expect((await publish(W49)).errors).toBeUndefined();

    const again = await savePlan(t, tokens.congress, ids['周静'], W49, week);
    expect(again.entries.map((e: any) => e.id)).toEqual(first.entries.map((e: any) => e.id));
    expect(again.version).toBe(first.version);
    const pending = (await merged(W49)).pendingChanges;
    expect([pending.added, pending.removed, pending.changed]).toEqual([[], [], []]);
    expect((await publish(W49)).errors?.[0].extensions?.reason).toBe('NO_CHANGES');

    // One entry edited, listed without ids: the other keeps its id; the edited one is new.
    const edited = await savePlan(t, tokens.congress, ids['周静'], W49, [week[0], { ...week[1], place: '经开区' }]);
    expect(entryTitled(edited.entries, '主任会议').id).toBe(entryTitled(first.entries, '主任会议').id);
    expect(edited.version).toBe(first.version + 1);
  });

  it('keeps an acknowledgement for the next revision while the conflict’s entries are unchanged', async () => {
    const plan = await enterPlan(t, tokens.party, ids['孙伟'], W52, [
      { date: '2026-12-22', slot: 'MORNING', kind: 'MEETING', title: '区委专题会', leadOfficeCode: 'PARTY' },
      {
        date: '2026-12-22',
        startAt: shanghai('2026-12-22', '10:00'),
        endAt: shanghai('2026-12-22', '11:00'),
        kind: 'INSPECTION',
        title: '项目现场调研',
        leadOfficeCode: 'PARTY',
      },
    ]);
    const [conflict] = (await merged(W52)).conflicts;
    expect((await publish(W52, [{ conflictKey: conflict.key, note: '调研安排在会后半小时' }])).errors).toBeUndefined();

    await gqlOk(t.url, tokens.party, ADD, {
      input: {
        leaderId: ids['孙伟'],
        week: W52,
        entry: { date: '2026-12-24', slot: 'MORNING', kind: 'MEETING', title: '党建工作会', leadOfficeCode: 'PARTY' },
      },
    });
    const second = await publish(W52);
    expect(second.errors).toBeUndefined();
    expect(second.data?.publishSchedule.acknowledgements).toEqual([
      expect.objectContaining({ key: conflict.key, note: '调研安排在会后半小时' }),
    ]);
    // The working schedule shows the carried note, so the coordinator sees it is acknowledged.
    expect((await merged(W52)).conflicts[0].note).toBe('调研安排在会后半小时');

    // One of its entries moves: the conflict is another situation and is acknowledged anew.
    const inspection = entryTitled(plan.entries, '项目现场调研');
    await gqlOk(t.url, tokens.party, UPDATE, {
      input: {
        id: inspection.id,
        entry: {
          date: '2026-12-22',
          startAt: shanghai('2026-12-22', '09:30'),
          endAt: shanghai('2026-12-22', '11:00'),
          kind: 'INSPECTION',
          title: '项目现场调研',
          leadOfficeCode: 'PARTY',
        },
      },
    });
    expect((await merged(W52)).conflicts[0].note).toBeNull();
    expect((await publish(W52)).errors?.[0].extensions?.reason).toBe('UNACKNOWLEDGED_CONFLICTS');
  });

  it('refuses a half-day slot with an end date', async () => {
    const error = await gqlError(t.url, tokens.cppcc, SAVE, {
      input: {
        leaderId: ids['吴涛'],
        week: W49,
        entries: [
          { date: '2026-12-01', endDate: '2026-12-02', slot: 'MORNING', kind: 'INSPECTION', title: '调研', leadOfficeCode: 'CPPCC' },
        ],
      },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.0.endDate' });
  });

  it('shows a meeting running past midnight in the evening of its day only, and refuses one running into the next morning', async () => {
    await enterPlan(t, tokens.cppcc, ids['吴涛'], W49, [
      {
        date: '2026-12-02',
        startAt: shanghai('2026-12-02', '21:00'),
        endAt: shanghai('2026-12-03', '01:00'),
        kind: 'MEETING',
        title: '防汛紧急会商',
        leadOfficeCode: 'CPPCC',
      },
    ]);
    const schedule = await merged(W49);
    expect(titlesIn(slotOf(schedule, '2026-12-02', 'EVENING'))).toEqual(['防汛紧急会商']);
    expect(titlesIn(slotOf(schedule, '2026-12-03', 'MORNING'))).toEqual([]);

    const error = await gqlError(t.url, tokens.cppcc, SAVE, {
      input: {
        leaderId: ids['吴涛'],
        week: W49,
        entries: [
          {
            date: '2026-12-02',
            startAt: shanghai('2026-12-02', '21:00'),
            endAt: shanghai('2026-12-03', '09:00'),
            kind: 'MEETING',
            title: '通宵值守',
            leadOfficeCode: 'CPPCC',
          },
        ],
      },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.0.endAt' });
  });
});
