import { ManualClock } from '@siban/clock';
import { NOTICE_DELIVERY_JOB, NotificationService } from '@siban/notifications';
import { createTestDatabase, databaseKinds, gqlOk, waitFor } from '@siban/testing';
import { PLAN_REMINDER_JOB } from '@siban/weekly-plans';
import { startTestApp, TestApp } from '../test/test-app';

const SEND = 'mutation ($input: SendNoticeInput!) { sendNotice(input: $input) { id status } }';

async function partyRecipients(t: TestApp): Promise<number> {
  return t.prisma.user.count({ where: { active: true, office: { code: 'PARTY' } } });
}

describe('durable scheduled jobs on pglite', () => {
  it('keeps a scheduled notice across a restart and delivers it once afterwards', async () => {
    const database = await createTestDatabase('pglite');
    let t = await startTestApp('pglite', { database });
    try {
      const sendAt = new Date(Date.now() + 4000).toISOString();
      const { sendNotice } = await gqlOk(t.url, await t.tokenFor('party.director'), SEND, {
        input: { title: '重启后仍须送达', body: 'scheduled before a restart', officeCodes: ['PARTY'], sendAt },
      });
      expect(sendNotice.status).toBe('SCHEDULED');
      await t.stop();

      t = await startTestApp('pglite', { database });
      const expected = await partyRecipients(t);
      const delivered = await waitFor(
        'the notice to be delivered',
        async () => {
          const notice = await t.prisma.notice.findUnique({ where: { id: sendNotice.id } });
          return notice?.status === 'SENT' ? notice : undefined;
        },
        30_000,
      );
      expect(delivered.sentAt?.getTime()).toBeGreaterThanOrEqual(new Date(sendAt).getTime());
      expect(await t.prisma.notification.count({ where: { noticeId: sendNotice.id } })).toBe(expected);
    } finally {
      await t.close();
    }
  });
});

describe.each(databaseKinds())('keyed jobs on %s', (kind) => {
  // Every start plans next week's reminders (24 h and 2 h before its deadline): their keys hold
  // one job each however often the service starts.
  it("plans next week's reminders once across restarts", async () => {
    const clock = new ManualClock('2030-03-04T01:00:00Z'); // Monday; 2030-W11 is due Friday 09:00Z
    const database = await createTestDatabase(kind);
    let t = await startTestApp(kind, { database, clock, runJobWorkers: false });
    try {
      await t.stop();
      t = await startTestApp(kind, { database, clock, runJobWorkers: false });
      const rows = await t.prisma.$queryRawUnsafe<{ singleton_key: string; jobs: number }[]>(
        'SELECT singleton_key, count(*)::int AS jobs FROM pgboss.job WHERE name = $1 GROUP BY singleton_key',
        PLAN_REMINDER_JOB,
      );
      expect(rows.sort((a, b) => a.singleton_key.localeCompare(b.singleton_key))).toEqual([
        { singleton_key: '2030-W11:2:2030-03-08T09:00:00.000Z', jobs: 1 },
        { singleton_key: '2030-W11:24:2030-03-08T09:00:00.000Z', jobs: 1 },
      ]);
    } finally {
      await t.close();
    }
  }, 120_000);
});

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;
if (!process.env.DATABASE_URL) console.log('skipped: two-instance scheduler test needs PostgreSQL (set DATABASE_URL)');

onPostgres('durable scheduled jobs on postgres with two instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp('postgres');
    b = await startTestApp('postgres', { database: a.database });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('runs each scheduled job on exactly one instance', async () => {
    const deliveries = { a: 0, b: 0 };
    // Counts the job handler's calls on each instance (the handler delivers through this method).
    for (const [name, app] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const service = app.app.get(NotificationService);
      const original = service.deliverNotice.bind(service);
      jest.spyOn(service, 'deliverNotice').mockImplementation(async (id: string) => {
        deliveries[name]++;
        return original(id);
      });
    }
    const director = await a.tokenFor('party.director');
    const sendAt = new Date(Date.now() + 2500).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { sendNotice } = await gqlOk(a.url, director, SEND, {
        input: { title: `定时通知 ${i + 1}`, body: '两实例', officeCodes: ['PARTY'], sendAt },
      });
      ids.push(sendNotice.id);
    }
    await waitFor(
      'all notices to be sent',
      async () => ((await a.prisma.notice.count({ where: { id: { in: ids }, status: 'SENT' } })) === ids.length ? true : undefined),
      30_000,
    );
    // A duplicate run, if there were one, happens before its job is finished (the queue is shared).
    await a.jobsFinished(NOTICE_DELIVERY_JOB);
    expect(deliveries.a + deliveries.b).toBe(ids.length);
    const recipients = await partyRecipients(a);
    expect(await a.prisma.notification.count({ where: { noticeId: { in: ids } } })).toBe(ids.length * recipients);
    console.log(`scheduled jobs run by instance a: ${deliveries.a}, by instance b: ${deliveries.b}`);
  });
});
