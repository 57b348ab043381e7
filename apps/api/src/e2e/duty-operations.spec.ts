import { ManualClock } from '@siban/clock';
import { DUTY_CHECK_IN_JOB, DUTY_CHECK_IN_SWEEP_JOB, DutyCheckInService } from '@siban/duty-roster';
import { JobScheduler } from '@siban/scheduler';
import { databaseKinds, gqlError, gqlOk, Scenario, scenario, subscribe } from '@siban/testing';
import { noticeMarker } from '../test/markers';
import { CHECK_IN, DutyFixture, dutyFixture, rosterMonth } from '../test/duty-operations';
import { startTestApp, TestApp } from '../test/test-app';

const NOTIFICATION_ADDED = 'subscription { notificationAdded { id kind title body subjectId } }';
const RECORD =
  'mutation ($input: RecordDutyHandoverInput!) { recordDutyHandover(input: $input) { id shiftId date postName summary calls writtenByName editableUntil items { id text openedInShiftId openedOnDate closedAt } closedItems { id } } }';
const HANDOVER =
  'query ($shiftId: ID!) { dutyHandover(shiftId: $shiftId) { shiftId summary calls items { text closedAt closeNote closedByName closedInShiftId } closedItems { text closeNote } } }';
const OPEN_ITEMS = '{ openDutyHandoverItems { id text openedOnDate openedInShiftId } }';
const CLOSE =
  'mutation ($input: CloseDutyHandoverItemInput!) { closeDutyHandoverItem(input: $input) { id text closedAt closeNote closedByName closedInShiftId } }';
const SET_PHONE = 'mutation ($input: SetDutyContactPhoneInput!) { setDutyContactPhone(input: $input) { personId name phone } }';

// October 2026: 国庆节 1–7 October, Saturday 10 October worked instead (调休). Shifts run 08:30 to
// 08:30 (00:30Z to 00:30Z). 王建国 and officer.a hold the odd days, 李明 and officer.b the even.
const shiftStart = (date: string) => `${date}T00:30:00.000Z`;

describe.each(databaseKinds())('duty check-in, missed check-in alerts and the handover log on %s', (kind) => {
  let t: TestApp;
  let s: Scenario;
  let fixture: DutyFixture;
  let seat: Record<string, string>;
  const clock = new ManualClock('2026-09-30T00:00:00Z');
  const as = (username: string) => s.token(username);

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    s = await scenario(t, { clock })
      .user('officer.a', { office: 'PARTY', roles: ['DUTY_OFFICER'], displayName: '张三' })
      .user('officer.b', { office: 'GOVERNMENT', roles: ['SECRETARY'], displayName: '李四' })
      .build();
    const leaders = s.leaderIds();
    fixture = await dutyFixture(t.prisma, {
      users: { 'officer.a': s.userId('officer.a'), 'officer.b': s.userId('officer.b') },
      leaders: { 王建国: leaders['王建国'], 李明: leaders['李明'] },
    });
    const odd = (date: string) => Number(date.slice(8)) % 2 === 1;
    seat = await rosterMonth(
      t.prisma,
      fixture,
      '2026-10',
      (date) => (odd(date) ? { leader: '王建国', officer: 'officer.a' } : { leader: '李明', officer: 'officer.b' }),
      { publishedById: s.userId('admin') },
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('checks the holder in from 30 minutes before the start, as themselves or as the leader they sign in as', async () => {
    clock.set('2026-10-01T00:00:00Z'); // 08:00, half an hour before the 1 October shift
    const mine = (await gqlOk(t.url, await as('officer.a'), CHECK_IN)).checkInDuty;
    expect(mine).toEqual({
      shiftId: seat['2026-10-01:officer'],
      personId: fixture.person['officer.a'],
      checkedInAt: '2026-10-01T00:00:00.000Z',
      late: false,
      shiftStartsAt: shiftStart('2026-10-01'),
    });
    const twice = await gqlError(t.url, await as('officer.a'), CHECK_IN);
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CHECKED_IN' });

    // leader.wang signs in as 王建国, who leads the 1 October shift.
    const leader = (await gqlOk(t.url, await as('leader.wang'), CHECK_IN, { shiftId: seat['2026-10-01:leader'] })).checkInDuty;
    expect(leader).toMatchObject({ personId: fixture.person['王建国'], late: false });

    expect((await gqlError(t.url, await as('officer.b'), CHECK_IN, { shiftId: seat['2026-10-01:officer'] })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await gqlError(t.url, await as('party.sec'), CHECK_IN)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_SHIFT_NOW' });
    expect((await gqlError(t.url, await as('officer.a'), CHECK_IN, { shiftId: 'nope' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'shiftId',
    });
    expect(
      (await gqlError(t.url, await as('officer.a'), CHECK_IN, { shiftId: '00000000-0000-4000-8000-000000000000' })).extensions,
    ).toMatchObject({ code: 'NOT_FOUND', field: 'shiftId' });

    // officer.b's 2 October shift opens at 08:00 on the 2nd; a minute before is too early.
    clock.set('2026-10-01T23:59:00Z');
    expect((await gqlError(t.url, await as('officer.b'), CHECK_IN, { shiftId: seat['2026-10-02:officer'] })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CHECK_IN_NOT_OPEN',
    });
    // 08:45 on the dot is still on time, a millisecond later is late.
    clock.set('2026-10-02T00:45:00Z');
    expect((await gqlOk(t.url, await as('officer.b'), CHECK_IN)).checkInDuty).toMatchObject({
      shiftId: seat['2026-10-02:officer'],
      late: false,
    });
    expect(await t.prisma.dutyCheckIn.count()).toBe(3);
  });

  it('alerts the duty coordinators once when nobody has checked in 15 minutes after the start, driven by the clock', async () => {
    const coordinator = await subscribe(t, await as('duty.coord'), NOTIFICATION_ADDED);
    try {
      // 3 October: 王建国 checks in late, officer.a never does. The hourly sweep runs at 08:46.
      clock.set('2026-10-03T00:46:00Z');
      const late = (await gqlOk(t.url, await as('leader.wang'), CHECK_IN)).checkInDuty;
      expect(late).toMatchObject({ shiftId: seat['2026-10-03:leader'], late: true });
      await t.app.get(JobScheduler).schedule(DUTY_CHECK_IN_SWEEP_JOB, {});
      await t.jobsFinished(DUTY_CHECK_IN_SWEEP_JOB);
      await t.jobsFinished(DUTY_CHECK_IN_JOB);

      const event = (await coordinator.next(20_000)).notificationAdded;
      expect(event).toMatchObject({ kind: 'DUTY_MISSED_CHECK_IN', subjectId: seat['2026-10-03:officer'] });
      expect(event.title).toContain('2026-10-03 值班员');
      expect(event.body).toContain('张三');
      expect(event.body).toContain('10月3日 08:45');
      expect(await t.prisma.dutyAlert.count({ where: { kind: 'MISSED_CHECK_IN' } })).toBe(1);

      // Later sweeps and runs of the same check find the alert raised: nothing more.
      const checks = t.app.get(DutyCheckInService);
      expect(await checks.checkMissed(seat['2026-10-03:officer'])).toBe(false);
      expect(await checks.checkMissed(seat['2026-10-03:leader'])).toBe(false);
      await t.app.get(JobScheduler).schedule(DUTY_CHECK_IN_SWEEP_JOB, {});
      await t.jobsFinished(DUTY_CHECK_IN_SWEEP_JOB);
      await t.jobsFinished(DUTY_CHECK_IN_JOB);
      await coordinator.nothingBefore(await noticeMarker(t, await as('party.director'), 'PARTY'));
      expect(await t.prisma.notification.count({ where: { kind: 'DUTY_MISSED_CHECK_IN' } })).toBe(1);
      // Only coordinators hear of it.
      const others = await gqlOk(t.url, await as('officer.b'), '{ myNotifications(first: 50) { nodes { kind } } }');
      expect(others.myNotifications.nodes.filter((n: any) => n.kind === 'DUTY_MISSED_CHECK_IN')).toEqual([]);

      // 4 October: officer.b checks in at 08:40; at 08:50 the check finds the check-in, 李明 is alerted about.
      clock.set('2026-10-04T00:40:00Z');
      await gqlOk(t.url, await as('officer.b'), CHECK_IN);
      // Ten minutes after the start the check is not due yet: nothing is raised now.
      expect(await checks.checkMissed(seat['2026-10-04:leader'])).toBe(false);
      clock.set('2026-10-04T00:50:00Z');
      await t.app.get(JobScheduler).schedule(DUTY_CHECK_IN_SWEEP_JOB, {});
      await t.jobsFinished(DUTY_CHECK_IN_SWEEP_JOB);
      await t.jobsFinished(DUTY_CHECK_IN_JOB);
      const second = (await coordinator.next(20_000)).notificationAdded;
      expect(second).toMatchObject({ kind: 'DUTY_MISSED_CHECK_IN', subjectId: seat['2026-10-04:leader'] });
      expect(second.body).toContain('李明');
      expect(await checks.checkMissed(seat['2026-10-04:officer'])).toBe(false);
      expect(await t.prisma.dutyAlert.findMany({ where: { kind: 'MISSED_CHECK_IN' }, select: { assignmentId: true } })).toEqual(
        expect.arrayContaining([{ assignmentId: seat['2026-10-03:officer'] }, { assignmentId: seat['2026-10-04:leader'] }]),
      );
      expect(await t.prisma.dutyAlert.count({ where: { kind: 'MISSED_CHECK_IN' } })).toBe(2);
    } finally {
      await coordinator.close();
    }
  });

  it('keeps the handover log of a shift and carries its open items over until someone on duty closes them', async () => {
    clock.set('2026-10-03T12:00:00Z');
    const shiftId = seat['2026-10-03:officer'];
    const first = (
      await gqlOk(t.url, await as('officer.a'), RECORD, {
        input: {
          shiftId,
          summary: '  夜间平稳。\r\n02:10 某街道报告停电，已通知供电所。',
          calls: '来电 3 次',
          items: [{ text: '跟进停电恢复情况' }, { text: '周一前报送值班统计' }],
        },
      })
    ).recordDutyHandover;
    expect(first).toMatchObject({
      shiftId,
      date: '2026-10-03',
      postName: '值班员',
      summary: '夜间平稳。\n02:10 某街道报告停电，已通知供电所。',
      calls: '来电 3 次',
      writtenByName: '张三',
      editableUntil: '2026-10-04T01:30:00.000Z',
    });
    expect(first.items.map((i: any) => [i.text, i.openedOnDate, i.closedAt])).toEqual([
      ['跟进停电恢复情况', '2026-10-03', null],
      ['周一前报送值班统计', '2026-10-03', null],
    ]);
    // Recording again replaces the calls, keeps the summary left blank, adds an item.
    clock.set('2026-10-04T00:20:00Z');
    const again = (
      await gqlOk(t.url, await as('officer.a'), RECORD, {
        input: { shiftId, calls: '来电 4 次', items: [{ text: '更换值班室打印机墨盒' }] },
      })
    ).recordDutyHandover;
    expect(again).toMatchObject({ summary: first.summary, calls: '来电 4 次' });
    expect(again.items).toHaveLength(3);

    expect((await gqlError(t.url, await as('officer.b'), RECORD, { input: { shiftId, summary: '代写' } })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await gqlError(t.url, await as('officer.a'), RECORD, { input: { shiftId, summary: '   ' } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'HANDOVER_EMPTY',
    });
    expect(
      (await gqlError(t.url, await as('officer.a'), RECORD, { input: { shiftId: seat['2026-10-05:officer'], summary: '提前写' } }))
        .extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'SHIFT_NOT_STARTED' });

    // The next day officer.b is on duty: every open item is theirs to see and close.
    clock.set('2026-10-04T02:00:00Z');
    const open = (await gqlOk(t.url, await as('officer.b'), OPEN_ITEMS)).openDutyHandoverItems;
    expect(open.map((i: any) => [i.text, i.openedInShiftId])).toEqual([
      ['跟进停电恢复情况', shiftId],
      ['周一前报送值班统计', shiftId],
      ['更换值班室打印机墨盒', shiftId],
    ]);
    await gqlOk(t.url, await as('officer.b'), RECORD, { input: { shiftId: seat['2026-10-04:officer'], summary: '白天平稳。' } });
    const closed = (await gqlOk(t.url, await as('officer.b'), CLOSE, { input: { itemId: open[0].id, note: '已于 09:30 恢复供电' } }))
      .closeDutyHandoverItem;
    expect(closed).toMatchObject({ closeNote: '已于 09:30 恢复供电', closedByName: '李四', closedInShiftId: seat['2026-10-04:officer'] });
    // officer.a is off duty now; the coordinator may close any item.
    expect((await gqlError(t.url, await as('officer.a'), CLOSE, { input: { itemId: open[1].id } })).extensions?.code).toBe('FORBIDDEN');
    await gqlOk(t.url, await as('duty.coord'), CLOSE, { input: { itemId: open[1].id, note: '已报送' } });
    expect((await gqlError(t.url, await as('officer.b'), CLOSE, { input: { itemId: open[1].id } })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_CLOSED',
    });
    expect((await gqlOk(t.url, await as('officer.a'), OPEN_ITEMS)).openDutyHandoverItems.map((i: any) => i.text)).toEqual([
      '更换值班室打印机墨盒',
    ]);

    const log = (await gqlOk(t.url, await as('duty.coord'), HANDOVER, { shiftId })).dutyHandover;
    expect(log.items.map((i: any) => [i.text, i.closeNote, i.closedByName])).toEqual([
      ['跟进停电恢复情况', '已于 09:30 恢复供电', '李四'],
      ['周一前报送值班统计', '已报送', '总值班室主任 许诺'],
      ['更换值班室打印机墨盒', '', null],
    ]);
    const nextLog = (await gqlOk(t.url, await as('officer.a'), HANDOVER, { shiftId: seat['2026-10-04:officer'] })).dutyHandover;
    expect(nextLog.closedItems).toEqual([{ text: '跟进停电恢复情况', closeNote: '已于 09:30 恢复供电' }]);
    expect((await gqlOk(t.url, await as('officer.a'), HANDOVER, { shiftId: seat['2026-10-05:officer'] })).dutyHandover).toBeNull();
    expect((await gqlError(t.url, await as('gov.sec'), OPEN_ITEMS)).extensions?.code).toBe('FORBIDDEN');

    // An hour after the shift ends the log is closed.
    clock.set('2026-10-04T01:30:00Z');
    expect((await gqlError(t.url, await as('officer.a'), RECORD, { input: { shiftId, summary: '补记' } })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'HANDOVER_CLOSED',
    });
  });

  it('lets a duty coordinator set the contact numbers printed on the roster', async () => {
    const input = { personId: fixture.person['officer.a'], phone: '138 0000 0001' };
    expect((await gqlOk(t.url, await as('duty.coord'), SET_PHONE, { input })).setDutyContactPhone).toEqual({ ...input, name: '张三' });
    expect(
      (await gqlOk(t.url, await as('admin'), SET_PHONE, { input: { personId: fixture.person['王建国'], phone: '+86-10-6000-0001' } }))
        .setDutyContactPhone,
    ).toMatchObject({ name: '王建国' });
    expect((await gqlError(t.url, await as('duty.coord'), SET_PHONE, { input: { ...input, phone: '请拨总机' } })).extensions).toMatchObject(
      {
        code: 'BAD_USER_INPUT',
        field: 'phone',
      },
    );
    expect((await gqlError(t.url, await as('officer.a'), SET_PHONE, { input })).extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await gqlError(t.url, await as('duty.coord'), SET_PHONE, {
          input: { personId: '00000000-0000-4000-8000-000000000000', phone: null },
        })
      ).extensions?.code,
    ).toBe('NOT_FOUND');
    const cleared = await gqlOk(t.url, await as('duty.coord'), SET_PHONE, {
      input: { personId: fixture.person['officer.b'], phone: null },
    });
    expect(cleared.setDutyContactPhone.phone).toBeNull();
  });

  it('refuses check-in to a draft month', async () => {
    const draft = await rosterMonth(t.prisma, fixture, '2026-11', () => ({ leader: null, officer: 'officer.a' }), { draft: true, days: 2 });
    // The 31 October shift is over; the 2 November one has opened, but in a draft month.
    clock.set('2026-11-02T00:10:00Z');
    expect((await gqlError(t.url, await as('officer.a'), CHECK_IN, { shiftId: draft['2026-11-02:officer'] })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_PUBLISHED',
    });
    expect((await gqlError(t.url, await as('officer.a'), CHECK_IN)).extensions).toMatchObject({ reason: 'NO_SHIFT_NOW' });
  });
});
