import { ManualClock } from '@siban/clock';
import { DEMO_PASSWORD } from '@siban/organization';
import { gqlError, gqlOk } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';

describe('login lockout after repeated wrong passwords', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-11-23T01:00:00Z');
  beforeAll(async () => {
    t = await startTestApp('pglite', { clock });
  });
  afterAll(async () => t?.close());

  const attempt = (username: string, password: string) => gqlError(t.url, undefined, LOGIN, { input: { username, password } });

  it('locks an account for 15 minutes after five wrong passwords, even against the right one', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('duty.officer', `guess-${i}`)).extensions?.reason).toBe('BAD_CREDENTIALS');
    const locked = await attempt('duty.officer', DEMO_PASSWORD);
    expect(locked.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
    expect(locked.message).toContain('2026-11-23 09:15'); // Beijing time

    clock.advance(14 * 60_000);
    expect((await attempt('duty.officer', DEMO_PASSWORD)).extensions?.reason).toBe('ACCOUNT_LOCKED');
    clock.advance(2 * 60_000);
    expect(
      (await gqlOk(t.url, undefined, LOGIN, { input: { username: 'duty.officer', password: DEMO_PASSWORD } })).login.token,
    ).toBeTruthy();
  });

  it('starts counting again after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await attempt('reception.staff', `guess-${i}`);
    await gqlOk(t.url, undefined, LOGIN, { input: { username: 'reception.staff', password: DEMO_PASSWORD } });
    for (let i = 0; i < 4; i++) expect((await attempt('reception.staff', `again-${i}`)).extensions?.reason).toBe('BAD_CREDENTIALS');
    expect(
      (await gqlOk(t.url, undefined, LOGIN, { input: { username: 'reception.staff', password: DEMO_PASSWORD } })).login.token,
    ).toBeTruthy();
  });

  it('is lifted by an admin password reset', async () => {
    for (let i = 0; i < 5; i++) await attempt('gov.director', `guess-${i}`);
    expect((await attempt('gov.director', DEMO_PASSWORD)).extensions?.reason).toBe('ACCOUNT_LOCKED');
    const admin = await t.tokenFor('admin');
    const id = (await gqlOk(t.url, admin, '{ users(officeCode: "GOVERNMENT", role: DIRECTOR) { nodes { id } } }')).users.nodes[0].id;
    await gqlOk(t.url, admin, 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { id } }', {
      input: { userId: id, newPassword: 'a-new-password' },
    });
    expect(
      (await gqlOk(t.url, undefined, LOGIN, { input: { username: 'gov.director', password: 'a-new-password' } })).login.token,
    ).toBeTruthy();
  });
});
