import { databaseKinds, gqlError, gqlOk, scenario } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';
import { SAVE, savePlan } from '../test/weekly-plans';

// The scenario builder that e2e suites set up with: what it creates is real and usable.
describe.each(databaseKinds())('scenario() on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a leader and a secretary assigned to them, who can then write that leader’s plan', async () => {
    const s = await scenario(t)
      .leader('钱七', { office: 'GOVERNMENT' })
      .user('gov.sec2', { office: 'GOVERNMENT', roles: ['SECRETARY'], assigned: ['钱七'] })
      .build();
    const week = '2026-W48';
    const entry = {
      date: '2026-11-23',
      slot: 'MORNING' as const,
      kind: 'MEETING' as const,
      title: '专题会议',
      leadOfficeCode: 'GOVERNMENT',
    };
    const saved = await savePlan(s, await s.token('gov.sec2'), s.leaderId('钱七'), week, [entry]);
    expect(saved).toMatchObject({ leader: { name: '钱七' }, entries: [{ title: '专题会议' }] });
    // Only the leaders assigned: not a seeded one of the same office.
    const other = await gqlError(s.url, await s.token('gov.sec2'), SAVE, {
      input: { leaderId: s.leaderId('李明'), week, entries: [entry] },
    });
    expect(other.extensions?.code).toBe('FORBIDDEN');
    const me = await gqlOk(s.url, await s.token('gov.sec2'), '{ me { id username } }');
    expect(me.me).toEqual({ id: s.userId('gov.sec2'), username: 'gov.sec2' });
    expect(() => s.leaderId('无此人')).toThrow('no leader named 无此人');
  });
});
