import { ManualClock } from '@siban/clock';
import { DUTY_CHECK_IN_JOB, DUTY_CHECK_IN_SWEEP_JOB, DutyCheckInService } from '@siban/duty-roster';
import { JobScheduler } from '@siban/scheduler';
import { scenario } from '@siban/testing';
import { dutyFixture, rosterMonth } from '../test/duty-operations';
import { startTestApp, TestApp } from '../test/test-app';

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;
if (!process.env.DATABASE_URL) console.log('skipped: two-instance missed check-in test needs PostgreSQL (set DATABASE_URL)');

onPostgres('the missed check-in alert with two instances on postgres', () => {
  let a: TestApp;
  let b: TestApp;
  const clock = new ManualClock('2026-10-03T00:00:00Z');
  beforeAll(async () => {
    a = await startTestApp('postgres', { clock });
    b = await startTestApp('postgres', { clock, database: a.database });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('alerts once, however many sweeps and checks both instances run at once', async () => {
    const s = await scenario(a, { clock })
      .user('duty.coord2', { office: 'CPPCC', roles: ['DUTY_COORDINATOR'] })
      .user('officer.a', { office: 'PARTY', roles: ['DUTY_OFFICER'] })
      .build();
    const fixture = await dutyFixture(a.prisma, { users: { 'officer.a': s.userId('officer.a') }, leaders: {} });
    const seats = await rosterMonth(a.prisma, fixture, '2026-10', () => ({ leader: null, officer: 'officer.a' }), {
      publishedById: s.userId('admin'),
      days: 5,
    });
    const shiftId = seats['2026-10-03:officer'];

    // 08:46 on the 3rd: nobody has checked in. Both instances sweep, then run the check by hand, all at once.
    clock.set('2026-10-03T00:46:00Z');
    const apps = [a, b];
    await Promise.all(apps.map((app) => app.app.get(JobScheduler).schedule(DUTY_CHECK_IN_SWEEP_JOB, {})));
    const direct = await Promise.all(
      apps.flatMap((app) => [app.app.get(DutyCheckInService).checkMissed(shiftId), app.app.get(DutyCheckInService).checkMissed(shiftId)]),
    );
    for (const app of apps) await app.jobsFinished(DUTY_CHECK_IN_SWEEP_JOB);
    for (const app of apps) await app.jobsFinished(DUTY_CHECK_IN_JOB);

    expect(direct.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await a.prisma.dutyAlert.count({ where: { kind: 'MISSED_CHECK_IN', assignmentId: shiftId } })).toBe(1);
    const notified = await a.prisma.notification.findMany({
      where: { kind: 'DUTY_MISSED_CHECK_IN', subjectId: shiftId },
      select: { userId: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual([s.userId('duty.coord'), s.userId('duty.coord2')].sort());
  });
});
