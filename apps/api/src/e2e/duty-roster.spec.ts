import crypto from 'node:crypto';
import { ManualClock } from '@siban/clock';
import { DUTY_GAP_CHECK_JOB } from '@siban/duty-roster';
import { JobScheduler } from '@siban/scheduler';
import { databaseKinds, gql, gqlError, gqlOk, Scenario, scenario, subscribe } from '@siban/testing';
import {
  APPROVE_SWAP,
  canTake,
  consecutive,
  DAY_KINDS,
  DECLARE,
  GAPS,
  GENERATE,
  HISTORY,
  LOAD_CALENDAR,
  MY_SHIFTS,
  ON_DUTY,
  OVERRIDE,
  POSTS,
  PUBLISH,
  REQUEST_SWAP,
  RESPOND_SWAP,
  ROSTER,
  SET_POOL,
  Shift,
  SHIFTS,
  spreads,
  swappablePairs,
  SWAP,
  TALLIES,
  UNDO,
} from '../test/duty-roster';
import { startTestApp, TestApp } from '../test/test-app';
import { enterPlan } from '../test/weekly-plans';

const NOTIFICATION_ADDED = 'subscription { notificationAdded { id kind title body subjectId } }';
const FOUR_BODIES = ['王建国', '李明', '张华', '刘芳', '陈强', '赵敏', '孙伟', '周静', '吴涛'];
const OFFICERS = ['duty.officer', 'congress.duty', 'gov.duty', 'cppcc.duty'];

describe.each(databaseKinds())('the duty roster on %s', (kind) => {
  let t: TestApp;
  let s: Scenario;
  const clock = new ManualClock('2026-08-20T02:00:00Z');
  const coord = () => s.token('duty.coord');
  const shiftsOf = async (from: string, to: string, vars: Record<string, unknown> = {}): Promise<Shift[]> =>
    (await gqlOk(t.url, await coord(), SHIFTS, { from, to, ...vars })).dutyShifts;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    s = await scenario(t, { clock }).build();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts with the default posts, pools from the four bodies and offices, and the shipped calendars', async () => {
    const { dutyPosts } = await gqlOk(t.url, await s.token('duty.officer'), POSTS);
    expect(dutyPosts.map((p: any) => [p.code, p.name, p.kind])).toEqual([
      ['LEADER', '带班领导', 'LEADER'],
      ['OFFICER', '值班员', 'STAFF'],
    ]);
    expect(dutyPosts[0].pool.map((p: any) => p.name)).toEqual(FOUR_BODIES);
    expect(dutyPosts[1].pool.map((p: any) => p.officeCode)).toEqual(['PARTY', 'CONGRESS', 'GOVERNMENT', 'CPPCC']);
    const calendars = await gqlOk(t.url, await coord(), '{ holidayCalendars { year source } }');
    expect(calendars.holidayCalendars.map((c: any) => c.year)).toEqual([2025, 2026]);
  });

  it('classifies 国庆, 中秋 and the 调休 Saturday and Sunday', async () => {
    const days = (await gqlOk(t.url, await s.token('duty.officer'), DAY_KINDS, { from: '2026-09-18', to: '2026-10-11' })).dutyDayKinds;
    const kindOf = Object.fromEntries(days.map((d: any) => [d.date, d]));
    expect(kindOf['2026-09-18']).toMatchObject({ kind: 'WORKDAY', adjustedFor: null });
    expect(kindOf['2026-09-19']).toMatchObject({ kind: 'WEEKEND' });
    expect(kindOf['2026-09-20']).toMatchObject({ kind: 'WORKDAY', adjustedFor: '国庆节' }); // a Sunday worked
    expect(kindOf['2026-09-25']).toMatchObject({ kind: 'HOLIDAY', holiday: '中秋节' });
    for (let d = 1; d <= 7; d++) expect(kindOf[`2026-10-0${d}`]).toMatchObject({ kind: 'HOLIDAY', holiday: '国庆节' });
    expect(kindOf['2026-10-10']).toMatchObject({ kind: 'WORKDAY', adjustedFor: '国庆节' }); // a Saturday worked
    expect(kindOf['2026-10-11']).toMatchObject({ kind: 'WEEKEND' });
    const unknown = (await gqlOk(t.url, await coord(), DAY_KINDS, { from: '2026-12-31', to: '2027-01-01' })).dutyDayKinds;
    expect(unknown.map((d: any) => d.kind)).toEqual(['WORKDAY', 'NO_CALENDAR']);
  });

  it('refuses bad input with a clear code and field', async () => {
    const token = await coord();
    const overAYear = await gqlError(t.url, token, GENERATE, { from: '2026-01-01', to: '2027-01-01' });
    expect(overAYear.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to', reason: 'RANGE_TOO_LONG' });
    const noCalendar = await gqlError(t.url, token, GENERATE, { from: '2027-01-01', to: '2027-01-31' });
    expect(noCalendar.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from', reason: 'NO_HOLIDAY_CALENDAR' });
    expect(noCalendar.message).toContain('2027');
    const reversed = await gqlError(t.url, token, GENERATE, { from: '2026-10-02', to: '2026-10-01' });
    expect(reversed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const badDate = await gqlError(t.url, token, GENERATE, { from: '2026-02-30', to: '2026-03-01' });
    expect(badDate.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });

    const [leaderPost] = (await gqlOk(t.url, token, POSTS)).dutyPosts;
    const ids = leaderPost.pool.map((p: any) => p.id);
    const unknown = await gqlError(t.url, token, SET_POOL, { postId: leaderPost.id, personIds: [...ids, crypto.randomUUID()] });
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `personIds.${ids.length}`, reason: 'UNKNOWN_PERSON' });
    // A user is not a leader: the 带班领导 pool takes leaders only.
    const wrongKind = await gqlError(t.url, token, SET_POOL, { postId: leaderPost.id, personIds: [s.userId('duty.officer')] });
    expect(wrongKind.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personIds.0', reason: 'UNKNOWN_PERSON' });
    expect((await gqlOk(t.url, token, POSTS)).dutyPosts[0].pool.map((p: any) => p.id)).toEqual(ids);

    for (const username of ['duty.officer', 'party.coord', 'gov.director']) {
      const error = await gqlError(t.url, await s.token(username), GENERATE, { from: '2026-09-01', to: '2026-09-30' });
      expect({ username, code: error.extensions?.code }).toEqual({ username, code: 'FORBIDDEN' });
    }
    const view = (await gqlOk(t.url, token, ROSTER, { from: '2026-12-30', to: '2027-01-02' })).dutyRoster;
    expect(view.missingYears).toEqual([2027]);
    expect(view.warnings[0]).toMatch(/^2027 年的节假日安排尚未导入.* \/ No holiday calendar is loaded for 2027/);
  });

  it('generates September, then October and November, fairly across the periods and respecting unavailability', async () => {
    const token = await coord();
    // 李明 is on leave by his submitted weekly plan; gov.duty has declared leave in October.
    await enterPlan(t, await s.token('gov.sec'), s.leaderId('李明'), '2026-W38', [
      { date: '2026-09-14', endDate: '2026-09-16', kind: 'LEAVE', title: '休假', leadOfficeCode: 'GOVERNMENT' },
    ]);
    const declared = await gqlOk(t.url, token, DECLARE, {
      personId: s.userId('gov.duty'),
      from: '2026-10-12',
      to: '2026-10-14',
      reason: '年休假',
    });
    expect(declared.declareDutyUnavailability).toMatchObject({ from: '2026-10-12', to: '2026-10-14', emptiedShifts: [] });

    const september = (await gqlOk(t.url, token, GENERATE, { from: '2026-09-01', to: '2026-09-30' })).generateDutyRoster;
    expect(september).toMatchObject({
      shiftCount: 60,
      gaps: [],
      periods: [{ month: '2026-09', status: 'DRAFT', shiftCount: 60, gapCount: 0 }],
    });
    const october = (await gqlOk(t.url, token, GENERATE, { from: '2026-10-01', to: '2026-10-31' })).generateDutyRoster;
    expect(october).toMatchObject({ shiftCount: 62, gaps: [] });
    // Fairness is carried over: across September and October each pool's counts are within one.
    const twoMonths = (await gqlOk(t.url, token, TALLIES, { from: '2026-09-01', to: '2026-10-31' })).dutyTallies;
    const byPool = (tallies: any[]) => [
      tallies.filter((x) => x.person.kind === 'LEADER'),
      tallies.filter((x) => x.person.kind === 'STAFF'),
    ];
    for (const pool of byPool(twoMonths)) {
      const spread = spreads(pool);
      expect(Math.max(spread.total, spread.weekend, spread.holiday)).toBeLessThanOrEqual(1);
    }
    await gqlOk(t.url, token, GENERATE, { from: '2026-11-01', to: '2026-11-30' });

    const quarter = await shiftsOf('2026-09-01', '2026-11-30');
    expect(quarter).toHaveLength(182);
    expect(quarter.filter((x) => !x.person)).toEqual([]);
    expect(consecutive(quarter)).toEqual([]);
    expect(quarter.filter((x) => x.person?.name === '李明' && x.date >= '2026-09-14' && x.date <= '2026-09-16')).toEqual([]);
    expect(quarter.filter((x) => x.person?.id === s.userId('gov.duty') && x.date >= '2026-10-12' && x.date <= '2026-10-14')).toEqual([]);
    expect(quarter.filter((x) => x.date === '2026-10-01').map((x) => x.dayKind)).toEqual(['HOLIDAY', 'HOLIDAY']);
    expect(quarter.filter((x) => x.date === '2026-10-10').map((x) => x.dayKind)).toEqual(['WORKDAY', 'WORKDAY']);
    const tallies = (await gqlOk(t.url, token, TALLIES, { from: '2026-09-01', to: '2026-11-30' })).dutyTallies;
    for (const pool of byPool(tallies)) {
      const spread = spreads(pool);
      expect(Math.max(spread.total, spread.weekend, spread.holiday)).toBeLessThanOrEqual(1);
    }
    // Every shift's history starts with its generation.
    const history = (await gqlOk(t.url, token, HISTORY, { shiftId: quarter[0].id })).dutyShiftHistory;
    expect(history).toMatchObject([{ kind: 'GENERATED', actorName: '总值班室主任 许诺', to: { id: quarter[0].person?.id } }]);
    // Drafts are the coordinators' until published.
    expect((await gqlOk(t.url, await s.token('duty.officer'), MY_SHIFTS, { from: '2026-09-01', to: '2026-09-30' })).myDutyShifts).toEqual(
      [],
    );
  });

  it('regenerates a draft month in place, keeping the history', async () => {
    const token = await coord();
    const before = await shiftsOf('2026-11-01', '2026-11-30');
    await gqlOk(t.url, token, GENERATE, { from: '2026-11-01', to: '2026-11-30' });
    const after = await shiftsOf('2026-11-01', '2026-11-30');
    expect(after.map((x) => x.id)).toEqual(before.map((x) => x.id));
    const history = (await gqlOk(t.url, token, HISTORY, { shiftId: after[0].id })).dutyShiftHistory;
    expect(history.map((h: any) => h.kind)).toEqual(['GENERATED', 'GENERATED']);
  });

  it('publishes a month, telling everyone on it over graphql-ws, and refuses to regenerate it', async () => {
    const officer = await subscribe(t, await s.token('duty.officer'), NOTIFICATION_ADDED);
    const leader = await subscribe(t, await s.token('leader.wang'), NOTIFICATION_ADDED);
    try {
      const published = (await gqlOk(t.url, await coord(), PUBLISH, { month: '2026-09' })).publishDutyRoster;
      expect(published).toMatchObject({ month: '2026-09', status: 'PUBLISHED', shiftCount: 60, gapCount: 0 });
      const mine = (await gqlOk(t.url, await s.token('duty.officer'), MY_SHIFTS, { from: '2026-09-01', to: '2026-09-30' })).myDutyShifts;
      expect(mine.length).toBeGreaterThan(0);
      const event = (await officer.next()).notificationAdded;
      expect(event).toMatchObject({ kind: 'DUTY_ROSTER_PUBLISHED', subjectId: '2026-09' });
      expect(event.title).toBe('2026年9月值班表已发布 / Duty roster for 2026-09 published');
      expect(event.body).toContain(`您本月值班 ${mine.length} 次`);
      // 王建国 hears through the account linked to him.
      const wang = (await gqlOk(t.url, await s.token('leader.wang'), MY_SHIFTS, { from: '2026-09-01', to: '2026-09-30' })).myDutyShifts;
      expect(wang.length).toBeGreaterThan(0);
      expect(wang.every((x: Shift) => x.person?.name === '王建国')).toBe(true);
      expect((await leader.next()).notificationAdded).toMatchObject({ kind: 'DUTY_ROSTER_PUBLISHED' });
    } finally {
      await officer.close();
      await leader.close();
    }
    const again = await gqlError(t.url, await coord(), PUBLISH, { month: '2026-09' });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PUBLISHED' });
    const regenerate = await gqlError(t.url, await coord(), GENERATE, { from: '2026-09-15', to: '2026-10-15' });
    expect(regenerate.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PERIOD_PUBLISHED' });
    const never = await gqlError(t.url, await coord(), PUBLISH, { month: '2027-03' });
    expect(never.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'month' });
  });

  it('of two coordinators publishing a month at once, one wins', async () => {
    const [a, b] = await Promise.all([
      gql(t.url, await coord(), PUBLISH, { month: '2026-10' }),
      gql(t.url, await s.token('admin'), PUBLISH, { month: '2026-10' }),
    ]);
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0].extensions?.code : r.data?.publishDutyRoster.status)).sort();
    expect(outcomes).toEqual(['CONFLICT', 'PUBLISHED']);
    expect(await t.prisma.announcement.count({ where: { key: { startsWith: 'duty-published:2026-10:' } } })).toBe(1);
  });

  it('says who is on duty at an instant, exact at the 08:30 boundary', async () => {
    const token = await s.token('reception.staff');
    const at0829 = (await gqlOk(t.url, token, ON_DUTY, { at: '2026-09-02T08:29:59+08:00' })).onDuty;
    expect(at0829.map((x: Shift) => [x.date, x.post.code])).toEqual([
      ['2026-09-01', 'LEADER'],
      ['2026-09-01', 'OFFICER'],
    ]);
    expect(at0829[0]).toMatchObject({ startsAt: '2026-09-01T00:30:00.000Z', endsAt: '2026-09-02T00:30:00.000Z' });
    const at0830 = (await gqlOk(t.url, token, ON_DUTY, { at: '2026-09-02T00:30:00Z' })).onDuty;
    expect(at0830.map((x: Shift) => x.date)).toEqual(['2026-09-02', '2026-09-02']);
    expect(at0830.every((x: Shift) => x.person)).toBe(true);
    // November is a draft: nobody is on duty by it yet.
    expect((await gqlOk(t.url, token, ON_DUTY, { at: '2026-11-10T12:00:00+08:00' })).onDuty).toEqual([]);
  });

  it('lists the roster per office and per person', async () => {
    const congress = await shiftsOf('2026-09-01', '2026-09-30', { officeCode: 'CONGRESS' });
    expect(congress.length).toBeGreaterThan(0);
    expect(new Set(congress.map((x: any) => x.person.officeCode))).toEqual(new Set(['CONGRESS']));
    const zhang = await shiftsOf('2026-09-01', '2026-09-30', { personId: s.leaderId('张华') });
    expect(zhang.length).toBeGreaterThan(0);
    expect(new Set(zhang.map((x) => x.person?.name))).toEqual(new Set(['张华']));
    const tooLong = await gqlError(t.url, await coord(), SHIFTS, { from: '2026-01-01', to: '2027-06-01' });
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('swaps by request: asked, accepted by the other, approved by a coordinator', async () => {
    const september = (await shiftsOf('2026-09-05', '2026-09-30')).filter((x) => x.post.code === 'OFFICER');
    const all = await shiftsOf('2026-09-01', '2026-10-31');
    const officers = all.filter((x) => x.post.code === 'OFFICER');
    const [mine, other] = swappablePairs(officers)
      .map(([a, b]) => (a.person?.id === s.userId('duty.officer') ? [a, b] : [b, a]))
      .find(
        ([a, b]) =>
          a.person?.id === s.userId('duty.officer') &&
          b.person &&
          september.some((x) => x.id === a.id) &&
          september.some((x) => x.id === b.id),
      ) as [Shift, Shift];
    const otherUser = OFFICERS.find((u) => s.userId(u) === other.person?.id) as string;

    const across = all.find((x) => x.post.code === 'LEADER' && x.date === other.date) as Shift;
    const acrossPosts = await gqlError(t.url, await s.token('duty.officer'), REQUEST_SWAP, {
      myShiftId: mine.id,
      otherShiftId: across.id,
      note: '',
    });
    expect(acrossPosts.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'otherShiftId', reason: 'SWAP_ACROSS_POSTS' });
    expect(acrossPosts.message).toMatch(
      /^不能执行：只能与同一岗位的人员换班 \/ Refused: a swap must be between two people of the same post$/,
    );
    const notMine = await gqlError(t.url, await s.token(otherUser), REQUEST_SWAP, { myShiftId: mine.id, otherShiftId: other.id, note: '' });
    expect(notMine.extensions?.code).toBe('FORBIDDEN');

    const listener = await subscribe(t, await s.token(otherUser), NOTIFICATION_ADDED);
    let requestId: string;
    try {
      const asked = (
        await gqlOk(t.url, await s.token('duty.officer'), REQUEST_SWAP, { myShiftId: mine.id, otherShiftId: other.id, note: '家中有事' })
      ).requestDutySwap;
      expect(asked).toMatchObject({ status: 'REQUESTED', note: '家中有事', fromShift: { id: mine.id }, toShift: { id: other.id } });
      requestId = asked.id;
      expect((await listener.next()).notificationAdded).toMatchObject({ kind: 'DUTY_SWAP_REQUESTED', subjectId: requestId });
    } finally {
      await listener.close();
    }
    const twice = await gqlError(t.url, await s.token('duty.officer'), REQUEST_SWAP, {
      myShiftId: mine.id,
      otherShiftId: other.id,
      note: '',
    });
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SWAP_REQUEST_OPEN' });
    const early = await gqlError(t.url, await coord(), APPROVE_SWAP, { requestId, approve: true });
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SWAP_REQUEST_CLOSED' });
    const notAsked = await gqlError(t.url, await s.token('duty.officer'), RESPOND_SWAP, { requestId, accept: true });
    expect(notAsked.extensions?.code).toBe('FORBIDDEN');

    expect((await gqlOk(t.url, await s.token(otherUser), RESPOND_SWAP, { requestId, accept: true })).respondDutySwap.status).toBe(
      'ACCEPTED',
    );
    const approved = (await gqlOk(t.url, await coord(), APPROVE_SWAP, { requestId, approve: true })).approveDutySwap;
    expect(approved).toMatchObject({
      status: 'APPROVED',
      fromShift: { id: mine.id, person: { id: other.person?.id } },
      toShift: { id: other.id, person: { id: s.userId('duty.officer') } },
    });
    const history = (await gqlOk(t.url, await coord(), HISTORY, { shiftId: mine.id })).dutyShiftHistory;
    expect(history.map((h: any) => h.kind)).toEqual(['GENERATED', 'SWAP']);
    expect(history[1]).toMatchObject({
      relatedShiftId: other.id,
      swapRequestId: requestId,
      from: { id: s.userId('duty.officer') },
      to: { id: other.person?.id },
    });
  });

  it('lets a coordinator swap on behalf of two people, and undo it', async () => {
    const leaders = (await shiftsOf('2026-09-01', '2026-10-31')).filter((x) => x.post.code === 'LEADER');
    const [a, b] = swappablePairs(leaders).find(
      ([x, y]) => x.date >= '2026-09-10' && y.date >= '2026-09-10' && x.date < '2026-10-01' && y.date < '2026-10-01',
    ) as [Shift, Shift];
    const swapped = (await gqlOk(t.url, await coord(), SWAP, { shiftId: a.id, otherShiftId: b.id, reason: '代为调整' })).swapDutyShifts;
    expect(swapped.shifts.find((x: Shift) => x.id === a.id).person.id).toBe(b.person?.id);
    expect(swapped.changes.map((c: any) => c.kind)).toEqual(['SWAP', 'SWAP']);
    const swapChange = swapped.changes.find((c: any) => c.shiftId === a.id);

    const undone = (await gqlOk(t.url, await coord(), UNDO, { changeId: swapChange.id })).undoDutySwap;
    expect(undone.shifts.find((x: Shift) => x.id === a.id).person.id).toBe(a.person?.id);
    expect(undone.shifts.find((x: Shift) => x.id === b.id).person.id).toBe(b.person?.id);
    const history = (await gqlOk(t.url, await coord(), HISTORY, { shiftId: a.id })).dutyShiftHistory;
    expect(history.map((h: any) => h.kind)).toEqual(['GENERATED', 'SWAP', 'UNDO']);
    expect(history[1]).toMatchObject({ reason: '代为调整', undoneById: history[2].id });
    expect(history[2]).toMatchObject({ undoesId: history[1].id, relatedShiftId: b.id });
    const again = await gqlError(t.url, await coord(), UNDO, { changeId: swapChange.id });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_UNDONE' });

    // A swap that would put someone on two shifts in a row is refused, naming the rule.
    const [x, y] = leaders
      .filter((l) => l.date >= '2026-09-20' && l.date < '2026-10-01')
      .flatMap((l) =>
        leaders.filter((m) => m.date >= '2026-09-20' && m.date !== l.date && m.person?.id !== l.person?.id).map((m) => [l, m]),
      )
      .find(([l, m]) => !canTake(leaders, m.person?.id as string, l.date, [m.id])) as [Shift, Shift];
    const refused = await gqlError(t.url, await coord(), SWAP, { shiftId: x.id, otherShiftId: y.id, reason: '' });
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONSECUTIVE_SHIFT' });
    expect(refused.message).toMatch(/^不能执行：将连续值班.* \/ Refused: would hold consecutive shifts/);
  });

  it('overrides a shift in an emergency, with the reason recorded', async () => {
    const officers = (await shiftsOf('2026-09-01', '2026-09-30')).filter((x) => x.post.code === 'OFFICER');
    const target = officers.find((x) => x.date === '2026-09-24') as Shift;
    const noReason = await gqlError(t.url, await coord(), OVERRIDE, { shiftId: target.id, personId: s.userId('party.sec'), reason: '   ' });
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', reason: 'REASON_REQUIRED' });
    const unknown = await gqlError(t.url, await coord(), OVERRIDE, { shiftId: target.id, personId: crypto.randomUUID(), reason: '临时' });
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId', reason: 'UNKNOWN_PERSON' });

    const listener = await subscribe(t, await s.token('party.sec'), NOTIFICATION_ADDED);
    try {
      // party.sec is not in the 值班员 pool: allowed in an emergency, and recorded as such.
      const overridden = (
        await gqlOk(t.url, await coord(), OVERRIDE, { shiftId: target.id, personId: s.userId('party.sec'), reason: '原值班员突发疾病' })
      ).overrideDutyShift;
      expect(overridden).toMatchObject({ id: target.id, person: { id: s.userId('party.sec'), officeCode: 'PARTY' } });
      expect((await listener.next()).notificationAdded).toMatchObject({ kind: 'DUTY_SHIFT_CHANGED', subjectId: target.id });
    } finally {
      await listener.close();
    }
    const history = (await gqlOk(t.url, await coord(), HISTORY, { shiftId: target.id })).dutyShiftHistory;
    expect(history.at(-1)).toMatchObject({
      kind: 'OVERRIDE',
      reason: '原值班员突发疾病',
      from: { id: target.person?.id },
      to: { id: s.userId('party.sec') },
      warnings: ['NOT_IN_POOL'],
    });
  });

  it('finds the gap a declared absence leaves and alerts the coordinators once, however often the check runs', async () => {
    clock.set('2026-09-01T02:00:00Z');
    const officers = (await shiftsOf('2026-09-01', '2026-09-30')).filter((x) => x.post.code === 'OFFICER');
    const theirs = officers.find((x) => x.person?.id === s.userId('cppcc.duty') && x.date >= '2026-09-08') as Shift;
    const coordinator = await subscribe(t, await coord(), NOTIFICATION_ADDED);
    try {
      const declared = (
        await gqlOk(t.url, await s.token('cppcc.duty'), DECLARE, {
          personId: s.userId('cppcc.duty'),
          from: theirs.date,
          to: theirs.date,
          reason: '病假',
        })
      ).declareDutyUnavailability;
      expect(declared.emptiedShifts.map((x: Shift) => [x.id, x.person])).toEqual([[theirs.id, null]]);
      const alert = (await coordinator.next()).notificationAdded;
      expect(alert).toMatchObject({ kind: 'DUTY_GAP', subjectId: theirs.id });
    } finally {
      await coordinator.close();
    }
    const gaps = (await gqlOk(t.url, await coord(), GAPS, {})).dutyGaps;
    expect(gaps.map((g: any) => [g.shift.id, g.reason])).toEqual([[theirs.id, 'PERSON_UNAVAILABLE']]);
    expect(gaps[0].message).toContain('病假');

    const scheduler = t.app.get(JobScheduler);
    await scheduler.schedule(DUTY_GAP_CHECK_JOB, { cause: 'test' });
    await scheduler.schedule(DUTY_GAP_CHECK_JOB, { cause: 'test' });
    await t.jobsFinished(DUTY_GAP_CHECK_JOB);
    expect(await t.prisma.dutyAlert.count({ where: { assignmentId: theirs.id } })).toBe(1);
    const coordinatorId = s.userId('duty.coord');
    expect(await t.prisma.notification.count({ where: { userId: coordinatorId, kind: 'DUTY_GAP', subjectId: theirs.id } })).toBe(1);

    // Another person may not declare for them; the coordinator fills the gap by an override.
    const forbidden = await gqlError(t.url, await s.token('gov.duty'), DECLARE, {
      personId: s.userId('cppcc.duty'),
      from: '2026-09-20',
      to: '2026-09-20',
      reason: 'x',
    });
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');
    const free = OFFICERS.map((u) => s.userId(u)).find((id) => canTake(officers, id, theirs.date, [])) as string;
    await gqlOk(t.url, await coord(), OVERRIDE, { shiftId: theirs.id, personId: free, reason: '补缺' });
    expect((await gqlOk(t.url, await coord(), GAPS, {})).dutyGaps).toEqual([]);
  });

  it('empties the seats of a deactivated person at the check, and alerts their gaps', async () => {
    // Every seat of theirs not yet over and starting within 30 days (the clock is at 10:00 on 1 September).
    const now = clock.now().toISOString();
    const upcoming = (await shiftsOf('2026-09-01', '2026-10-01', { personId: s.userId('congress.duty') })).filter(
      (x: any) => x.endsAt > now,
    );
    expect(upcoming.length).toBeGreaterThan(0);
    await gqlOk(t.url, await s.token('admin'), 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id active } }', {
      input: { id: s.userId('congress.duty'), active: false },
    });
    const scheduler = t.app.get(JobScheduler);
    await scheduler.schedule(DUTY_GAP_CHECK_JOB, { cause: 'test' });
    await t.jobsFinished(DUTY_GAP_CHECK_JOB);
    const gaps = (await gqlOk(t.url, await coord(), GAPS, {})).dutyGaps;
    expect(gaps.map((g: any) => g.shift.id).sort()).toEqual(upcoming.map((x) => x.id).sort());
    expect(new Set(gaps.map((g: any) => g.reason))).toEqual(new Set(['PERSON_DEACTIVATED']));
    const alerts = { assignmentId: { in: upcoming.map((x) => x.id) }, change: { kind: 'PERSON_DEACTIVATED' as const } };
    expect(await t.prisma.dutyAlert.count({ where: alerts })).toBe(upcoming.length);
  });

  it('loads a holiday calendar file, reporting every mistake of a bad one with its path', async () => {
    const bad = JSON.stringify({
      year: 2027,
      source: '测试',
      holidays: [{ name: '国庆节', from: '2027-10-07', to: '2027-10-01' }],
      adjustedWorkdays: [{ date: '2027-09-29', for: '春节' }],
    });
    const refused = await gqlError(t.url, await coord(), LOAD_CALENDAR, { json: bad });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'json', reason: 'BAD_HOLIDAY_CALENDAR' });
    expect((refused.extensions?.problems as { field: string }[]).map((p) => p.field)).toEqual([
      'json.holidays[0].to',
      'json.adjustedWorkdays[0].date',
      'json.adjustedWorkdays[0].for',
    ]);
    const notJson = await gqlError(t.url, await coord(), LOAD_CALENDAR, { json: '{"year": 2027,' });
    expect(notJson.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'json' });
    expect((await gqlError(t.url, await s.token('duty.officer'), LOAD_CALENDAR, { json: bad })).extensions?.code).toBe('FORBIDDEN');

    const good = JSON.stringify({
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      adjustedWorkdays: [],
    });
    const loaded = (await gqlOk(t.url, await s.token('admin'), LOAD_CALENDAR, { json: good })).loadHolidayCalendar;
    expect(loaded).toMatchObject({ year: 2027, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }] });
    const days = (await gqlOk(t.url, await coord(), DAY_KINDS, { from: '2026-12-31', to: '2027-01-02' })).dutyDayKinds;
    expect(days.map((d: any) => d.kind)).toEqual(['WORKDAY', 'HOLIDAY', 'HOLIDAY']);
    expect((await gqlOk(t.url, await coord(), ROSTER, { from: '2026-12-30', to: '2027-01-02' })).dutyRoster.warnings).toEqual([]);
  });

  it('refuses every anonymous caller and keeps drafts and coordinator operations to coordinators', async () => {
    expect((await gql(t.url, undefined, ON_DUTY, { at: '2026-09-02T08:30:00+08:00' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const denied = await gqlError(t.url, await s.token('duty.officer'), GAPS, {});
    expect(denied.extensions?.code).toBe('FORBIDDEN');
    const draft = await gqlOk(t.url, await s.token('duty.officer'), SHIFTS, { from: '2026-11-01', to: '2026-11-30' });
    expect(draft.dutyShifts).toEqual([]);
  });
});
