import { ManualClock } from '@siban/clock';
import { NotificationService } from '@siban/notifications';
import { JobScheduler } from '@siban/scheduler';
import { createTestDatabase, databaseKinds, gqlError, gqlOk, subscribe, Subscription, waitFor } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';
import { EntryFixture, enterPlan, leaderIds, PUBLISH, REVISION, SET_DEADLINE, UPDATE } from '../test/weekly-plans';

// Every committed "write + tell people" step tells them exactly once, and tells each reader only
// what they may see.
const W48 = '2026-W48'; // Mon 2026-11-23 .. Sun 2026-11-29
const W49 = '2026-W49';
const SCHEDULE_PUBLISHED = 'subscription { schedulePublished { number added removed changed } }';
const PUBLISHED_NOTIFICATIONS = '{ myNotifications(first: 50) { nodes { kind body subjectId } } }';

const open: EntryFixture = {
  date: '2026-11-23',
  slot: 'MORNING',
  kind: 'MEETING',
  title: '区委常委会会议',
  place: '区委一号会议室',
  leadOfficeCode: 'PARTY',
};
const restricted: EntryFixture = {
  date: '2026-11-24',
  slot: 'AFTERNOON',
  kind: 'MEETING',
  title: '干部任免酝酿',
  place: '书记办公室',
  leadOfficeCode: 'PARTY',
  confidentiality: 'RESTRICTED',
};

async function publish(t: TestApp, note: string) {
  return (await gqlOk(t.url, await t.tokenFor('party.coord'), PUBLISH, { input: { week: W48, acknowledgements: [], note } }))
    .publishSchedule;
}

/** The SCHEDULE_PUBLISHED notifications of a revision, by user: each user's count. */
async function perUser(t: TestApp, revisionId: string): Promise<number[]> {
  const rows = await t.prisma.notification.groupBy({
    by: ['userId'],
    where: { kind: 'SCHEDULE_PUBLISHED', subjectId: revisionId },
    _count: true,
  });
  return rows.map((r) => r._count);
}

describe.each(databaseKinds())('announcing committed changes on %s', (kind) => {
  let t: TestApp;
  let ids: Record<string, string>;
  let plan: any;
  const clock = new ManualClock('2026-11-18T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    ids = await leaderIds(t);
    plan = await enterPlan(t, await t.tokenFor('party.sec'), ids['王建国'], W48, [open, restricted]);
    await publish(t, '第一版');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts in each event and notification only the changes its reader may see', async () => {
    const talk = plan.entries.find((e: any) => e.title === restricted.title);
    // Only hidden details change: the other offices' busy block stays as it was.
    await gqlOk(t.url, await t.tokenFor('party.sec'), UPDATE, { input: { id: talk.id, entry: { ...restricted, title: '干部任免讨论' } } });
    const readers = ['reception.staff', 'gov.sec', 'party.sec', 'party.coord', 'leader.wang'];
    const sockets: Record<string, Subscription<any>> = {};
    for (const username of readers) sockets[username] = await subscribe(t, await t.tokenFor(username), SCHEDULE_PUBLISHED);
    let revision: any;
    try {
      revision = await publish(t, '第二版');
      const seen = Object.fromEntries(
        await Promise.all(readers.map(async (username) => [username, (await sockets[username].next()).schedulePublished])),
      );
      const none = { number: 2, added: 0, removed: 0, changed: 0 };
      const one = { number: 2, added: 0, removed: 0, changed: 1 };
      expect(seen).toEqual({ 'reception.staff': none, 'gov.sec': none, 'party.sec': one, 'party.coord': one, 'leader.wang': one });
    } finally {
      await Promise.all(Object.values(sockets).map((s) => s.close()));
    }

    const told = async (username: string) => {
      const token = await t.tokenFor(username);
      const notifications = (await gqlOk(t.url, token, PUBLISHED_NOTIFICATIONS)).myNotifications.nodes;
      const changes = (await gqlOk(t.url, token, REVISION, { week: W48, number: 2 })).scheduleRevision.changes;
      return {
        body: notifications.find((n: any) => n.kind === 'SCHEDULE_PUBLISHED' && n.subjectId === revision.id)?.body,
        listed: [changes.added.length, changes.removed.length, changes.changed.length],
      };
    };
    // The notification says what the reader's own change list shows.
    expect(await told('reception.staff')).toEqual({ body: '无可见变更。第二版', listed: [0, 0, 0] });
    expect(await told('gov.sec')).toEqual({ body: '无可见变更。第二版', listed: [0, 0, 0] });
    expect(await told('party.sec')).toEqual({ body: '新增 0，删除 0，变更 1。第二版', listed: [0, 0, 1] });
    expect(await told('party.coord')).toEqual({ body: '新增 0，删除 0，变更 1。第二版', listed: [0, 0, 1] });
    expect(await perUser(t, revision.id)).toEqual(Array((await perUser(t, revision.id)).length).fill(1));
    expect((await perUser(t, revision.id)).length).toBe(await t.prisma.user.count({ where: { active: true } }));
  });

  it('delivers a revision once however often its announcement job runs', async () => {
    const revision = await t.prisma.scheduleRevision.findFirstOrThrow({ where: { week: W48 }, orderBy: { number: 'desc' } });
    const [job] = await t.prisma.$queryRawUnsafe<{ data: any }[]>(
      `SELECT data FROM pgboss.job WHERE name = 'notifications.announce' AND singleton_key = $1`,
      `schedule-published:${revision.id}`,
    );
    expect(job.data.key).toBe(`schedule-published:${revision.id}`);
    const before = await t.prisma.notification.count();
    const notifications = t.app.get(NotificationService);
    expect(await notifications.deliverAnnouncement(job.data)).toBe(0);
    expect(await notifications.deliverAnnouncement(job.data)).toBe(0);
    expect(await t.prisma.notification.count()).toBe(before);
  });

  it('saves a deadline together with its reminders, or neither', async () => {
    const coord = await t.tokenFor('party.coord');
    const deadlineOf = async () =>
      (await gqlOk(t.url, coord, 'query ($week: String!) { planSubmissions(week: $week) { deadline } }', { week: W49 })).planSubmissions
        .deadline;
    const defaultDeadline = await deadlineOf();
    jest.spyOn(t.app.get(JobScheduler), 'schedule').mockRejectedValueOnce(new Error('the job queue failed'));
    const failed = await gqlError(t.url, coord, SET_DEADLINE, { input: { week: W49, deadline: '2026-11-26T09:00:00Z' } });
    expect(failed.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await deadlineOf()).toBe(defaultDeadline);
    expect(await t.prisma.planWeek.count({ where: { week: W49 } })).toBe(0);

    await gqlOk(t.url, coord, SET_DEADLINE, { input: { week: W49, deadline: '2026-11-26T09:00:00Z' } });
    expect(await deadlineOf()).toBe('2026-11-26T09:00:00.000Z');
    const [{ count }] = await t.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'plans.remind' AND data->>'week' = $1 AND data->>'deadlineAt' = $2`,
      W49,
      '2026-11-26T09:00:00.000Z',
    );
    expect(count).toBe(2);
  });
});

describe.each(databaseKinds())('a crash between a publication and its notifications on %s', (kind) => {
  it('loses no notification: after a restart each user gets exactly one', async () => {
    const database = await createTestDatabase(kind);
    const clock = new ManualClock('2026-11-18T02:00:00Z');
    // The first instance runs no jobs, and its attempt to create the notifications dies, as a
    // process killed right after the publication committed would.
    let t = await startTestApp(kind, { database, clock, runJobWorkers: false });
    try {
      const ids = await leaderIds(t);
      await enterPlan(t, await t.tokenFor('party.sec'), ids['王建国'], W48, [open, restricted]);
      jest.spyOn(t.app.get(NotificationService), 'create').mockRejectedValueOnce(new Error('killed'));
      const revision = await publish(t, '第一版');
      expect(await t.prisma.notification.count({ where: { subjectId: revision.id } })).toBe(0);
      await t.stop();

      t = await startTestApp(kind, { database, clock });
      const everyone = await t.prisma.user.count({ where: { active: true } });
      await waitFor('the notifications of the revision', async () =>
        (await t.prisma.notification.count({ where: { subjectId: revision.id } })) === everyone ? true : undefined,
      );
      await waitFor('the announcement job to finish', async () => {
        const [job] = await t.prisma.$queryRawUnsafe<{ state: string }[]>(
          `SELECT state FROM pgboss.job WHERE name = 'notifications.announce' AND singleton_key = $1`,
          `schedule-published:${revision.id}`,
        );
        return job?.state === 'completed' ? true : undefined;
      });
      expect(await perUser(t, revision.id)).toEqual(Array(everyone).fill(1));
      const reception = (await gqlOk(t.url, await t.tokenFor('reception.staff'), PUBLISHED_NOTIFICATIONS)).myNotifications.nodes;
      expect(reception).toEqual([{ kind: 'SCHEDULE_PUBLISHED', subjectId: revision.id, body: '新增 2，删除 0，变更 0。第一版' }]);
    } finally {
      await t.close();
    }
  });
});
