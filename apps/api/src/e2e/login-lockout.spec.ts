import { ManualClock } from '@siban/clock';
import { DEMO_PASSWORD } from '@siban/organization';
import { databaseKinds, GraphQLErrorShape, gqlOk } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';

// Every request of a test comes from 127.0.0.1: with 127.0.0.1 as the trusted proxy, the client
// address is the one each request names in X-Forwarded-For.
const LIMITS = { ratePerMinute: 100, freeAttempts: 5, accountLockThreshold: 12, accountLockMinutes: 60 };

interface Answer {
  token?: string;
  error?: GraphQLErrorShape;
}

describe.each(databaseKinds())('sign-in limits on %s', (kind) => {
  let t: TestApp;
  const clock = new ManualClock('2026-11-23T01:00:00Z');
  beforeAll(async () => {
    t = await startTestApp(kind, { clock, config: { trustProxy: ['loopback'], login: LIMITS } });
  });
  afterAll(async () => t?.close());

  async function attempt(username: string, password: string, address: string): Promise<Answer> {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOGIN, variables: { input: { username, password } } }),
    });
    const body = (await response.json()) as { data?: { login: { token: string } }; errors?: GraphQLErrorShape[] };
    return { token: body.data?.login.token, error: body.errors?.[0] };
  }
  const reason = (answer: Answer) => (answer.token ? 'TOKEN' : answer.error?.extensions?.reason);
  const tally = (answers: Answer[]) =>
    answers.map(reason).reduce<Record<string, number>>((counts, r) => ({ ...counts, [String(r)]: (counts[String(r)] ?? 0) + 1 }), {});
  const guesses = (username: string, address: string, n: number, right?: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => attempt(username, i === right ? DEMO_PASSWORD : `guess-${i}`, address)));

  it('evaluates only five of 40 concurrent guesses, and none of a later batch holding the right password', async () => {
    const first = await guesses('duty.officer', '10.1.0.1', 40);
    expect(tally(first)).toEqual({ BAD_CREDENTIALS: 5, LOGIN_THROTTLED: 35 });
    const throttled = first.find((a) => reason(a) === 'LOGIN_THROTTLED')?.error;
    expect(throttled?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(throttled?.message).toMatch(/^密码错误次数过多，请于 2026-11-23 09:01:00 后再试 \/ Too many wrong passwords/);

    const second = await guesses('duty.officer', '10.1.0.1', 40, 17);
    expect(tally(second)).toEqual({ LOGIN_THROTTLED: 40 });
    expect(
      await t.prisma.loginThrottle.findUnique({ where: { username_address: { username: 'duty.officer', address: '10.1.0.1' } } }),
    ).toMatchObject({
      attempts: 5,
    });
  });

  it("does not let a stranger's guesses from elsewhere stop the user at their own desk", async () => {
    expect(tally(await guesses('gov.sec', '10.2.0.66', 10))).toEqual({ BAD_CREDENTIALS: 5, LOGIN_THROTTLED: 5 });
    expect(reason(await attempt('gov.sec', 'typo', '10.2.0.1'))).toBe('BAD_CREDENTIALS');
    expect(reason(await attempt('gov.sec', DEMO_PASSWORD, '10.2.0.1'))).toBe('TOKEN');
    expect(reason(await attempt('gov.sec', DEMO_PASSWORD, '10.2.0.66'))).toBe('LOGIN_THROTTLED');
  });

  it('makes each further wrong password from one address wait longer, and forgets them after a sign-in', async () => {
    const at = '10.3.0.1';
    for (let i = 0; i < 5; i++) expect(reason(await attempt('reception.staff', `guess-${i}`, at))).toBe('BAD_CREDENTIALS');
    expect(reason(await attempt('reception.staff', DEMO_PASSWORD, at))).toBe('LOGIN_THROTTLED');
    clock.advance(60_000);
    expect(reason(await attempt('reception.staff', 'guess-5', at))).toBe('BAD_CREDENTIALS');
    clock.advance(60_000);
    expect((await attempt('reception.staff', DEMO_PASSWORD, at)).error?.message).toContain('2026-11-23 09:03:00'); // 2 minutes after the sixth
    clock.advance(60_000);
    expect(reason(await attempt('reception.staff', DEMO_PASSWORD, at))).toBe('TOKEN');
    for (let i = 0; i < 5; i++) expect(reason(await attempt('reception.staff', `again-${i}`, at))).toBe('BAD_CREDENTIALS');
  });

  it('answers an unknown username exactly as a real one, step by step', async () => {
    const run = async (username: string, address: string) => {
      const answers: string[] = [];
      for (let i = 0; i < 7; i++) {
        const { error } = await attempt(username, `guess-${i}`, address);
        answers.push(`${error?.extensions?.code} ${error?.extensions?.reason} ${error?.message}`);
      }
      return answers;
    };
    const real = await run('congress.sec', '10.4.0.1');
    expect(real.slice(5)).toEqual([expect.stringMatching(/^TOO_MANY_REQUESTS LOGIN_THROTTLED/), expect.stringMatching(/LOGIN_THROTTLED/)]);
    expect(await run('congress.nobody', '10.4.0.2')).toEqual(real);
  });

  it('locks an account guessed from many addresses at the threshold, tells the admins once, and an admin reset lifts it', async () => {
    // 40 guesses at once, each from its own address: only the threshold's worth are evaluated.
    const spread = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt('cppcc.sec', `guess-${i}`, `10.5.0.${i + 1}`)));
    expect(tally(spread)).toEqual({ BAD_CREDENTIALS: 12, ACCOUNT_LOCKED: 28 });
    const own = await attempt('cppcc.sec', DEMO_PASSWORD, '10.5.1.1');
    expect(own.error?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
    expect(own.error?.message).toContain('2026-11-23 10:0'); // an hour from the lock (Beijing time)

    const notices = await gqlOk(t.url, await t.tokenFor('admin'), '{ myNotifications(first: 50) { nodes { kind title body subjectId } } }');
    const locks = notices.myNotifications.nodes.filter((n: { kind: string }) => n.kind === 'ACCOUNT_LOCKED');
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: 'cppcc.sec' } });
    expect(locks).toEqual([expect.objectContaining({ subjectId: user.id, title: expect.stringContaining('cppcc.sec') })]);
    expect(locks[0].body).toMatch(/^12 次密码错误/);

    // Unknown usernames lock the same way (and nobody is told).
    const unknown = await Promise.all(Array.from({ length: 14 }, (_, i) => attempt('cppcc.nobody', `guess-${i}`, `10.6.0.${i + 1}`)));
    expect(tally(unknown)).toEqual({ BAD_CREDENTIALS: 12, ACCOUNT_LOCKED: 2 });

    const admin = await t.tokenFor('admin');
    await gqlOk(t.url, admin, 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { id } }', {
      input: { userId: user.id, newPassword: 'a-new-password' },
    });
    expect(reason(await attempt('cppcc.sec', 'a-new-password', '10.5.0.1'))).toBe('TOKEN');
  });

  it('lets the lock run out, then locks again at the next wrong password', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => attempt('party.director', `guess-${i}`, `10.7.0.${i + 1}`)));
    expect(reason(await attempt('party.director', DEMO_PASSWORD, '10.7.1.1'))).toBe('ACCOUNT_LOCKED');
    clock.advance(60 * 60_000);
    expect(reason(await attempt('party.director', 'one-more', '10.7.1.1'))).toBe('BAD_CREDENTIALS');
    expect(reason(await attempt('party.director', DEMO_PASSWORD, '10.7.1.1'))).toBe('ACCOUNT_LOCKED');
    clock.advance(60 * 60_000);
    expect(reason(await attempt('party.director', DEMO_PASSWORD, '10.7.1.1'))).toBe('TOKEN');
  });

  it('limits sign-in attempts per address, whatever the usernames', async () => {
    const burst = await Promise.all(Array.from({ length: 101 }, (_, i) => attempt(`someone.${i}`, 'guess', '10.8.0.1')));
    const refused = burst.filter((a) => reason(a) === 'RATE_LIMITED');
    expect(tally(burst)).toEqual({ BAD_CREDENTIALS: 100, RATE_LIMITED: 1 });
    expect(refused[0].error?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(reason(await attempt('admin', DEMO_PASSWORD, '10.8.0.2'))).toBe('TOKEN');
    clock.advance(60_000);
    expect(reason(await attempt('admin', DEMO_PASSWORD, '10.8.0.1'))).toBe('TOKEN');
  });
});
