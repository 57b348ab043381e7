import { ManualClock } from '@siban/clock';
import { databaseKinds, gqlError, gqlOk, scenario, subscribe } from '@siban/testing';
import { PLAN_REMINDER_JOB } from '@siban/weekly-plans';
import { noticeMarker } from '../test/markers';
import { startTestApp, TestApp } from '../test/test-app';
import { EntryFixture, MERGED, savePlan, SET_DEADLINE, SUBMISSIONS, submitPlan, SUBMIT } from '../test/weekly-plans';

// Default deadline of week W: Friday 17:00 Shanghai of week W-1.
const W48 = '2026-W48'; // Mon 2026-11-23, due Fri 2026-11-20 17:00 (09:00Z)
const W49 = '2026-W49'; // Mon 2026-11-30, due Fri 2026-11-27 17:00
const W50 = '2026-W50'; // Mon 2026-12-07, due Fri 2026-12-04 17:00
const W51 = '2026-W51'; // Mon 2026-12-14, due Fri 2026-12-11 17:00

const PROTOCOL_ORDER = ['王建国', '李明', '张华', '刘芳', '陈强', '赵敏', '孙伟', '周静', '吴涛', '郑磊', '冯雪'];
const NOTIFICATION_ADDED = 'subscription { notificationAdded { id kind title body subjectId } }';
const MY_REMINDERS = '{ myNotifications(first: 200) { nodes { id kind title body subjectId } } }';

describe.each(databaseKinds())('weekly plan deadlines, submission states and reminders on %s', (kind) => {
  let t: TestApp;
  let ids: Record<string, string>;
  let as: (username: string) => Promise<string>;
  const clock = new ManualClock('2026-11-18T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    const s = await scenario(t, { clock }).build();
    ids = s.leaderIds();
    as = s.token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const meeting = (date: string, title: string, leadOfficeCode = 'PARTY'): EntryFixture => ({
    date,
    slot: 'MORNING',
    kind: 'MEETING',
    title,
    place: '区行政中心会议室',
    leadOfficeCode,
  });

  it('is due Friday 17:00 Shanghai time of the week before, unless set otherwise', async () => {
    const coord = await as('party.coord');
    const q = 'query ($week: String!) { planSubmissions(week: $week) { deadline } }';
    expect((await gqlOk(t.url, coord, q, { week: W48 })).planSubmissions.deadline).toBe('2026-11-20T09:00:00.000Z');
    expect((await gqlOk(t.url, coord, q, { week: W50 })).planSubmissions.deadline).toBe('2026-12-04T09:00:00.000Z');
    // ISO week 1 of 2027 starts Monday 4 January: due Friday 1 January.
    expect((await gqlOk(t.url, coord, q, { week: '2027-W01' })).planSubmissions.deadline).toBe('2027-01-01T09:00:00.000Z');
    expect((await gqlOk(t.url, coord, MERGED, { week: W48 })).mergedSchedule.deadline).toBe('2026-11-20T09:00:00.000Z');
  });

  it('records a submission as late only when it comes after the deadline', async () => {
    await savePlan(t, await as('party.sec'), ids['王建国'], W48, [meeting('2026-11-23', '区委常委会会议')]);
    const early = await submitPlan(t, await as('party.sec'), ids['王建国'], W48);
    expect(early).toMatchObject({ status: 'SUBMITTED', late: false, submittedAt: '2026-11-18T02:00:00.000Z' });

    clock.set('2026-11-20T09:00:00Z'); // the deadline itself is still on time
    expect(await submitPlan(t, await as('party.sec'), ids['陈强'], W48)).toMatchObject({
      late: false,
      submittedAt: '2026-11-20T09:00:00.000Z',
    });

    clock.set('2026-11-20T09:00:01Z');
    const late = await submitPlan(t, await as('party.sec'), ids['孙伟'], W48);
    expect(late).toMatchObject({ status: 'SUBMITTED', late: true, submittedAt: '2026-11-20T09:00:01.000Z' });

    clock.set('2026-11-24T03:00:00Z'); // during the week itself
    expect(await submitPlan(t, await as('party.sec'), ids['郑磊'], W48)).toMatchObject({ late: true });

    const twice = await gqlError(t.url, await as('party.sec'), SUBMIT, { input: { leaderId: ids['王建国'], week: W48 } });
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SUBMITTED' });
    const stored = await t.prisma.weeklyPlan.findUniqueOrThrow({ where: { leaderId_week: { leaderId: ids['王建国'], week: W48 } } });
    expect(stored).toMatchObject({ late: false, submittedAt: new Date('2026-11-18T02:00:00Z') });

    const states = (await gqlOk(t.url, await as('party.sec'), SUBMISSIONS, { week: W48 })).planSubmissions.leaders;
    expect(states.map((s: any) => [s.leader.name, s.state])).toEqual([
      ['王建国', 'SUBMITTED'],
      ['陈强', 'SUBMITTED'],
      ['孙伟', 'LATE'],
      ['郑磊', 'LATE'],
      ['冯雪', 'MISSING'],
    ]);
  });

  it('lets only a coordinator move a deadline, and judges lateness against the new one', async () => {
    clock.set('2026-11-21T00:00:00Z');
    const input = { week: W49, deadline: '2026-11-28T10:00:00.000Z' }; // Saturday 18:00, a day later than usual
    for (const username of ['party.sec', 'gov.sec', 'party.director', 'admin', 'reception.staff', 'leader.wang']) {
      const error = await gqlError(t.url, await as(username), SET_DEADLINE, { input });
      expect({ username, code: error.extensions?.code }).toEqual({ username, code: 'FORBIDDEN' });
    }
    const coord = await as('party.coord');
    expect((await gqlOk(t.url, coord, SUBMISSIONS, { week: W49 })).planSubmissions.deadline).toBe('2026-11-27T09:00:00.000Z');

    expect((await gqlOk(t.url, coord, SET_DEADLINE, { input })).setPlanDeadline).toBe('2026-11-28T10:00:00.000Z');
    expect((await gqlOk(t.url, coord, SUBMISSIONS, { week: W49 })).planSubmissions.deadline).toBe('2026-11-28T10:00:00.000Z');
    expect((await gqlOk(t.url, coord, MERGED, { week: W49 })).mergedSchedule.deadline).toBe('2026-11-28T10:00:00.000Z');
    expect((await gqlOk(t.url, await as('gov.sec'), SUBMISSIONS, { week: W49 })).planSubmissions.deadline).toBe('2026-11-28T10:00:00.000Z');

    // After the default deadline but before the new one: on time.
    clock.set('2026-11-28T01:00:00Z');
    await savePlan(t, await as('gov.sec'), ids['李明'], W49, [meeting('2026-11-30', '区政府常务会议', 'GOVERNMENT')]);
    expect(await submitPlan(t, await as('gov.sec'), ids['李明'], W49)).toMatchObject({ late: false });
    clock.set('2026-11-28T10:00:01Z');
    expect(await submitPlan(t, await as('gov.sec'), ids['赵敏'], W49)).toMatchObject({ late: true });
    // Other weeks keep their default.
    expect((await gqlOk(t.url, await as('party.coord'), SUBMISSIONS, { week: W50 })).planSubmissions.deadline).toBe(
      '2026-12-04T09:00:00.000Z',
    );

    const badWeek = await gqlError(t.url, await as('party.coord'), SET_DEADLINE, {
      input: { week: '2026-49', deadline: '2026-11-28T10:00:00Z' },
    });
    expect(badWeek.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'week' });
    const badDate = await gqlError(t.url, await as('party.coord'), SET_DEADLINE, { input: { week: W49, deadline: 'next friday' } });
    expect(badDate.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gqlOk(t.url, await as('party.coord'), SUBMISSIONS, { week: W49 })).planSubmissions.deadline).toBe(
      '2026-11-28T10:00:00.000Z',
    );
  });

  it('lists every leader as submitted, late, draft or missing, and a secretary only their own leaders', async () => {
    clock.set('2026-12-01T00:00:00Z');
    await savePlan(t, await as('party.sec'), ids['王建国'], W50, [
      meeting('2026-12-07', '区委常委会会议'),
      meeting('2026-12-08', '全区党建工作推进会'),
    ]);
    await submitPlan(t, await as('party.sec'), ids['王建国'], W50);
    // "No activities this week" is an answer too.
    await submitPlan(t, await as('gov.sec'), ids['赵敏'], W50);
    await savePlan(t, await as('party.sec'), ids['陈强'], W50, [meeting('2026-12-09', '信访工作联席会议')]);
    // A plan row with nothing in it is still missing.
    await savePlan(t, await as('gov.sec'), ids['李明'], W50, []);
    clock.set('2026-12-05T00:00:00Z');
    await savePlan(t, await as('congress.sec'), ids['张华'], W50, [meeting('2026-12-10', '主任会议', 'CONGRESS')]);
    await submitPlan(t, await as('congress.sec'), ids['张华'], W50);

    const expected: Record<string, [string, number, string | null]> = {
      王建国: ['SUBMITTED', 2, '2026-12-01T00:00:00.000Z'],
      李明: ['MISSING', 0, null],
      张华: ['LATE', 1, '2026-12-05T00:00:00.000Z'],
      刘芳: ['MISSING', 0, null],
      陈强: ['DRAFT', 1, null],
      赵敏: ['SUBMITTED', 0, '2026-12-01T00:00:00.000Z'],
      孙伟: ['MISSING', 0, null],
      周静: ['MISSING', 0, null],
      吴涛: ['MISSING', 0, null],
      郑磊: ['MISSING', 0, null],
      冯雪: ['MISSING', 0, null],
    };
    const row = (name: string) => ({
      leader: { name },
      state: expected[name][0],
      entryCount: expected[name][1],
      submittedAt: expected[name][2],
    });
    for (const username of ['party.coord', 'gov.director', 'admin']) {
      const all = (await gqlOk(t.url, await as(username), SUBMISSIONS, { week: W50 })).planSubmissions;
      expect({ username, ...all }).toEqual({ username, week: W50, deadline: '2026-12-04T09:00:00.000Z', leaders: PROTOCOL_ORDER.map(row) });
    }
    const mine = async (username: string) => (await gqlOk(t.url, await as(username), SUBMISSIONS, { week: W50 })).planSubmissions.leaders;
    expect(await mine('party.sec')).toEqual(['王建国', '陈强', '孙伟', '郑磊', '冯雪'].map(row));
    expect(await mine('gov.sec')).toEqual(['李明', '赵敏'].map(row));
    expect(await mine('congress.sec')).toEqual(['张华', '周静'].map(row));
    expect(await mine('cppcc.sec')).toEqual(['刘芳', '吴涛'].map(row));

    for (const username of ['reception.staff', 'leader.wang', 'duty.officer']) {
      expect((await gqlError(t.url, await as(username), SUBMISSIONS, { week: W50 })).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await gqlError(t.url, await as('party.coord'), SUBMISSIONS, { week: 'W50' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'week',
    });
  });

  it('reminds the secretaries with plans outstanding, in their notifications and over graphql-ws, and no one else', async () => {
    clock.set('2026-12-09T00:00:00Z');
    // The government office is done; the party office has one of five; the others nothing.
    await savePlan(t, await as('gov.sec'), ids['李明'], W51, [meeting('2026-12-14', '区政府常务会议', 'GOVERNMENT')]);
    await submitPlan(t, await as('gov.sec'), ids['李明'], W51);
    await submitPlan(t, await as('gov.sec'), ids['赵敏'], W51);
    await savePlan(t, await as('party.sec'), ids['王建国'], W51, [meeting('2026-12-14', '区委常委会会议')]);
    await submitPlan(t, await as('party.sec'), ids['王建国'], W51);
    await savePlan(t, await as('party.sec'), ids['陈强'], W51, [meeting('2026-12-15', '政法工作会议')]); // a draft is not submitted

    const usernames = ['party.sec', 'gov.sec', 'congress.sec', 'cppcc.sec', 'party.coord'];
    const sockets = Object.fromEntries(
      await Promise.all(usernames.map(async (u) => [u, await subscribe(t, await as(u), NOTIFICATION_ADDED)] as const)),
    );
    try {
      // Due in an hour: both reminders (24 h and 2 h before) are past, so one goes out now.
      const deadline = new Date(clock.now().getTime() + 3600_000).toISOString();
      await gqlOk(t.url, await as('party.coord'), SET_DEADLINE, { input: { week: W51, deadline } });

      const expectations: [string, string[], string[]][] = [
        ['party.sec', ['陈强', '孙伟', '郑磊', '冯雪'], ['王建国']],
        ['congress.sec', ['张华', '周静'], []],
        ['cppcc.sec', ['刘芳', '吴涛'], []],
      ];
      for (const [username, named, notNamed] of expectations) {
        const event = (await sockets[username].next(20_000)).notificationAdded;
        expect(event).toMatchObject({ kind: 'PLAN_REMINDER', subjectId: W51, title: expect.stringContaining(W51) });
        expect(event.body).toContain(named.join('、'));
        for (const name of notNamed) expect(event.body).not.toContain(name);
        expect(event.body).toContain('12月9日 09:00'); // the deadline, in Shanghai time
      }
      // The job has finished: whatever it was going to publish, it has.
      await t.jobsFinished(PLAN_REMINDER_JOB);
      await sockets['gov.sec'].nothingBefore(await noticeMarker(t, await as('gov.director'), 'GOVERNMENT'));
      await sockets['party.coord'].nothingBefore(await noticeMarker(t, await as('party.director'), 'PARTY'));

      const reminders = async (username: string) =>
        (await gqlOk(t.url, await as(username), MY_REMINDERS)).myNotifications.nodes.filter(
          (n: any) => n.kind === 'PLAN_REMINDER' && n.subjectId === W51,
        );
      expect(await reminders('party.sec')).toEqual([expect.objectContaining({ body: expect.stringContaining('陈强、孙伟、郑磊、冯雪') })]);
      expect(await reminders('congress.sec')).toHaveLength(1);
      expect(await reminders('cppcc.sec')).toHaveLength(1);
      expect(await reminders('gov.sec')).toEqual([]);
      expect(await reminders('party.coord')).toEqual([]);
      // One reminder each, not one per leader or per run (every due run has finished above).
      expect(await t.prisma.notification.count({ where: { kind: 'PLAN_REMINDER', subjectId: W51 } })).toBe(3);

      // A deadline moved after the reminder went out gets a reminder of its own, naming it.
      const moved = new Date(clock.now().getTime() + 90 * 60_000).toISOString();
      await gqlOk(t.url, await as('party.coord'), SET_DEADLINE, { input: { week: W51, deadline: moved } });
      const again = (await sockets['congress.sec'].next(20_000)).notificationAdded;
      expect(again).toMatchObject({ kind: 'PLAN_REMINDER', subjectId: W51 });
      expect(again.body).toContain('12月9日 09:30');
      expect(await reminders('congress.sec')).toHaveLength(2);
    } finally {
      await Promise.all(Object.values(sockets).map((s) => s.close()));
    }
  });

  it('sends no reminder once every plan of the week is in', async () => {
    clock.set('2026-12-16T00:00:00Z');
    const week = '2026-W52';
    const owners: [string, string[]][] = [
      ['party.sec', ['王建国', '陈强', '孙伟', '郑磊', '冯雪']],
      ['gov.sec', ['李明', '赵敏']],
      ['congress.sec', ['张华', '周静']],
      ['cppcc.sec', ['刘芳', '吴涛']],
    ];
    for (const [username, names] of owners) for (const name of names) await submitPlan(t, await as(username), ids[name], week);
    const socket = await subscribe(t, await as('party.sec'), NOTIFICATION_ADDED);
    try {
      const deadline = new Date(clock.now().getTime() + 3600_000).toISOString();
      await gqlOk(t.url, await as('party.coord'), SET_DEADLINE, { input: { week, deadline } });
      // The reminder job runs (and records that it ran) but has no one to remind.
      await t.jobsFinished(PLAN_REMINDER_JOB);
      expect(await t.prisma.planReminder.count({ where: { week } })).toBe(1);
      await socket.nothingBefore(await noticeMarker(t, await as('party.director'), 'PARTY'));
      expect(await t.prisma.notification.count({ where: { kind: 'PLAN_REMINDER', subjectId: week } })).toBe(0);
    } finally {
      await socket.close();
    }
  });
});
