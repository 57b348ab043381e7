import { randomUUID } from 'node:crypto';
import { gqlOk, login, subscribe } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';

// .ci/run sets REDIS_URL only when a Redis server answers: set but unreachable is a failure.
const skipReason = !process.env.DATABASE_URL
  ? 'no PostgreSQL (DATABASE_URL unset)'
  : !process.env.REDIS_URL
    ? 'no Redis (REDIS_URL unset)'
    : undefined;
if (skipReason) console.log(`skipped: Redis two-instance test: ${skipReason}`);

(skipReason ? describe.skip : describe)('two instances on PostgreSQL with Redis pub/sub', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const redisPrefix = `siban-test-${randomUUID()}:`;
    a = await startTestApp('postgres', { redisUrl: process.env.REDIS_URL, redisPrefix });
    b = await startTestApp('postgres', { redisUrl: process.env.REDIS_URL, redisPrefix, database: a.database });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('reports Redis in readiness', async () => {
    expect(await (await fetch(`${a.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'up', events: 'up' });
  });

  it('delivers to a subscriber on one instance an event caused by a mutation on the other', async () => {
    const subscription = await subscribe(a, await a.tokenFor('cppcc.sec'), 'subscription { notificationAdded { title kind createdAt } }');
    try {
      await gqlOk(b.url, await b.tokenFor('cppcc.director'), 'mutation ($input: SendNoticeInput!) { sendNotice(input: $input) { id } }', {
        input: { title: '跨实例通知', body: 'sent on instance b', officeCodes: ['CPPCC'] },
      });
      const event = await subscription.next();
      expect(event.notificationAdded).toMatchObject({ title: '跨实例通知', kind: 'NOTICE' });
      expect(new Date(event.notificationAdded.createdAt).getTime()).not.toBeNaN();
    } finally {
      await subscription.close();
    }
  });

  it("closes a user's socket on one instance when the user is deactivated on the other", async () => {
    const password = 'Qinghe#2026-redis';
    const { createUser } = await gqlOk(
      b.url,
      await b.tokenFor('admin'),
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { username: 'redis.socket', displayName: 'redis.socket', password, officeCode: 'CPPCC', roles: ['SECRETARY'] } },
    );
    const socket = await subscribe(a, await login(a.url, 'redis.socket', password), 'subscription { notificationAdded { title } }');
    try {
      await gqlOk(b.url, await b.tokenFor('admin'), 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id } }', {
        input: { id: createUser.id, active: false },
      });
      expect(await socket.closed()).toBe(4401);
    } finally {
      await socket.close();
    }
  });
});
