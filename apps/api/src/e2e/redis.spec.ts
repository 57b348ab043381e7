import { randomUUID } from 'node:crypto';
import { gqlOk, subscribe } from '@siban/testing';
import Redis from 'ioredis';
import { startTestApp, TestApp } from '../test/test-app';

async function redisAnswers(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1500, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

describe('two instances on PostgreSQL with Redis pub/sub', () => {
  let skipReason: string | undefined;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) skipReason = 'no PostgreSQL (DATABASE_URL unset)';
    else if (!(await redisAnswers(process.env.REDIS_URL)))
      skipReason = `no Redis answering at REDIS_URL (${process.env.REDIS_URL ?? 'unset'})`;
    if (skipReason) {
      console.log(`skipped: Redis two-instance test: ${skipReason}`);
      return;
    }
    const redisPrefix = `siban-test-${randomUUID()}:`;
    a = await startTestApp('postgres', { redisUrl: process.env.REDIS_URL, redisPrefix });
    b = await startTestApp('postgres', { redisUrl: process.env.REDIS_URL, redisPrefix, database: a.database });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('delivers to a subscriber on one instance an event caused by a mutation on the other', async () => {
    if (skipReason) return;
    const subscription = await subscribe(
      a.url,
      await a.tokenFor('cppcc.sec'),
      'subscription { notificationAdded { title kind createdAt } }',
    );
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
});
