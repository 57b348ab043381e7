import { JwtService } from '@nestjs/jwt';
import { databaseKinds, gql, gqlError, gqlOk, GraphQLErrorShape } from '@siban/testing';
import { DEMO_PASSWORD, DEMO_USERS } from '@siban/organization';
import { startTestApp, TestApp } from '../test/test-app';

describe.each(databaseKinds())('identity and offices on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('login', () => {
    it('returns a token that authenticates the next request', async () => {
      const data = await gqlOk(
        t.url,
        undefined,
        'mutation { login(input: { username: "party.sec", password: "' +
          DEMO_PASSWORD +
          '" }) { token expiresAt user { username roles office { code shortName } } } }',
      );
      expect(data.login.user).toEqual({ username: 'party.sec', roles: ['SECRETARY'], office: { code: 'PARTY', shortName: '区委办' } });
      const me = await gqlOk(t.url, data.login.token, '{ me { username displayName } }');
      expect(me.me).toEqual({ username: 'party.sec', displayName: '区委办秘书 林晓' });
    });

    it('refuses a wrong password and an unknown user alike, as UNAUTHENTICATED', async () => {
      const wrong = await gqlError(t.url, undefined, 'mutation { login(input: { username: "admin", password: "nope" }) { token } }');
      const unknown = await gqlError(t.url, undefined, 'mutation { login(input: { username: "nobody", password: "nope" }) { token } }');
      expect(wrong.extensions?.code).toBe('UNAUTHENTICATED');
      expect(unknown.extensions?.code).toBe('UNAUTHENTICATED');
      expect(wrong.message).toBe(unknown.message);
    });

    it('ignores X-Forwarded-For unless a trusted proxy is configured: a client cannot pick new addresses to guess from', async () => {
      const answers: (string | undefined)[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
          body: JSON.stringify({ query: `mutation { login(input: { username: "forwarded.nobody", password: "guess-${i}" }) { token } }` }),
        });
        answers.push(((await response.json()) as { errors?: GraphQLErrorShape[] }).errors?.[0]?.extensions?.reason);
      }
      expect(answers).toEqual([...Array(5).fill('BAD_CREDENTIALS'), 'LOGIN_THROTTLED']);
    });

    it('rejects an operation without a token, or with a forged one', async () => {
      expect((await gqlError(t.url, undefined, '{ offices { code } }')).extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gqlError(t.url, 'not-a-jwt', '{ offices { code } }')).extensions?.code).toBe('UNAUTHENTICATED');
      const token = await t.tokenFor('admin');
      const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      expect((await gqlError(t.url, forged, '{ me { id } }')).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a correctly signed token that never expires', async () => {
      const admin = await t.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
      const jwt = t.app.get(JwtService);
      const forever = jwt.sign({ sub: admin.id, ver: admin.tokenVersion });
      expect(jwt.decode(forever)).not.toHaveProperty('exp');
      expect((await gqlError(t.url, forever, '{ me { id } }')).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_INVALID',
      });
      const expiring = jwt.sign({ sub: admin.id, ver: admin.tokenVersion }, { expiresIn: 60 });
      expect((await gqlOk(t.url, expiring, '{ me { username } }')).me.username).toBe('admin');
    });
  });

  describe('who sees usernames', () => {
    const q = '{ leaders(officeCode: "PARTY") { name secretaries { displayName username } } }';
    const secretariesOf = async (viewer: string) =>
      (await gqlOk(t.url, await t.tokenFor(viewer), q)).leaders.flatMap(
        (l: { secretaries: { displayName: string; username: string | null }[] }) => l.secretaries,
      );

    it('shows them to admins and to the same office, and null to other offices', async () => {
      expect(await secretariesOf('admin')).toContainEqual({ displayName: '区委办秘书 林晓', username: 'party.sec' });
      expect(await secretariesOf('party.director')).toContainEqual({ displayName: '区委办秘书 林晓', username: 'party.sec' });
      const fromReception = await secretariesOf('reception.staff');
      expect(fromReception).toContainEqual({ displayName: '区委办秘书 林晓', username: null });
      expect(fromReception.every((u: { username: string | null }) => u.username === null)).toBe(true);
      expect((await gqlOk(t.url, await t.tokenFor('reception.staff'), '{ me { username } }')).me.username).toBe('reception.staff');
    });
  });

  it('lists the five offices in rotation order to any signed-in user', async () => {
    const data = await gqlOk(t.url, await t.tokenFor('reception.staff'), '{ offices { code shortName rotationOrder } }');
    expect(data.offices.map((o: { code: string }) => o.code)).toEqual(['PARTY', 'CONGRESS', 'GOVERNMENT', 'CPPCC', 'RECEPTION']);
    expect(data.offices[0]).toEqual({ code: 'PARTY', shortName: '区委办', rotationOrder: 1 });
    const one = await gqlError(t.url, await t.tokenFor('reception.staff'), '{ office(code: "NOPE") { name } }');
    expect(one.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
  });

  describe('roles', () => {
    const nonAdmins = DEMO_USERS.filter((u) => !u.roles.includes('ADMIN'));

    it.each(nonAdmins.map((u) => [u.roles.join(','), u.username]))(
      '%s (%s) gets FORBIDDEN on admin operations',
      async (_roles, username) => {
        const token = await t.tokenFor(username);
        expect((await gqlError(t.url, token, '{ users { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
        const create = await gqlError(
          t.url,
          token,
          'mutation { createUser(input: { username: "x.y", displayName: "X", password: "long-enough", officeCode: "PARTY", roles: [SECRETARY] }) { id } }',
        );
        expect(create.extensions?.code).toBe('FORBIDDEN');
      },
    );

    it('lets only DIRECTOR and ADMIN send notices', async () => {
      const q = 'mutation { sendNotice(input: { title: "t", body: "b", officeCodes: ["PARTY"] }) { id } }';
      for (const username of ['party.sec', 'party.coord', 'reception.staff', 'duty.officer', 'leader.wang']) {
        expect((await gqlError(t.url, await t.tokenFor(username), q)).extensions?.code).toBe('FORBIDDEN');
      }
      expect((await gqlOk(t.url, await t.tokenFor('party.director'), q)).sendNotice.id).toBeDefined();
    });

    it('gives myLeaders to secretaries only, with their own leaders', async () => {
      const data = await gqlOk(t.url, await t.tokenFor('gov.sec'), '{ myLeaders { name title isPrincipal } }');
      expect(data.myLeaders).toEqual([
        { name: '李明', title: '区委副书记、区长', isPrincipal: true },
        { name: '赵敏', title: '区委常委、常务副区长', isPrincipal: false },
      ]);
      expect((await gqlError(t.url, await t.tokenFor('reception.staff'), '{ myLeaders { name } }')).extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('admin user management', () => {
    const create = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id username displayName roles active office { code } } }`;

    it('creates a user who can then sign in, and refuses the same username twice', async () => {
      const admin = await t.tokenFor('admin');
      const input = {
        username: 'cppcc.sec2',
        displayName: '区政协办秘书 许静',
        password: 'a-long-password',
        officeCode: 'CPPCC',
        roles: ['SECRETARY'],
      };
      const data = await gqlOk(t.url, admin, create, { input });
      expect(data.createUser).toMatchObject({
        username: 'cppcc.sec2',
        displayName: '区政协办秘书 许静',
        roles: ['SECRETARY'],
        active: true,
        office: { code: 'CPPCC' },
      });
      const login = await gqlOk(
        t.url,
        undefined,
        'mutation { login(input: { username: "cppcc.sec2", password: "a-long-password" }) { user { id } } }',
      );
      expect(login.login.user.id).toBe(data.createUser.id);
      const again = await gqlError(t.url, admin, create, { input });
      expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'username' });
      expect(await t.prisma.user.count({ where: { username: 'cppcc.sec2' } })).toBe(1);
    });

    it('names the field of bad input and writes nothing', async () => {
      const admin = await t.tokenFor('admin');
      const before = await t.prisma.user.count();
      const short = await gqlError(t.url, admin, create, {
        input: { username: 'ok.name', displayName: 'X', password: 'short', officeCode: 'PARTY', roles: ['SECRETARY'] },
      });
      expect(short.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
      const badName = await gqlError(t.url, admin, create, {
        input: { username: 'Bad Name', displayName: 'X', password: 'long-enough', officeCode: 'PARTY', roles: ['SECRETARY'] },
      });
      expect(badName.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
      const office = await gqlError(t.url, admin, create, {
        input: { username: 'ok.name', displayName: 'X', password: 'long-enough', officeCode: 'MARS', roles: ['SECRETARY'] },
      });
      expect(office.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'officeCode' });
      const role = await gql(t.url, admin, create, {
        input: { username: 'ok.name', displayName: 'X', password: 'long-enough', officeCode: 'PARTY', roles: ['KING'] },
      });
      expect(role.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const leader = await gqlError(t.url, admin, create, {
        input: { username: 'ok.name', displayName: 'X', password: 'long-enough', officeCode: 'PARTY', roles: ['LEADER'] },
      });
      expect(leader.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leaderId' });
      expect(await t.prisma.user.count()).toBe(before);
    });

    it('refuses a leader that does not exist, on creation and on update, and writes nothing', async () => {
      const admin = await t.tokenFor('admin');
      const before = await t.prisma.user.count();
      const missing = '00000000-0000-4000-8000-000000000000';
      const created = await gqlError(t.url, admin, create, {
        input: {
          username: 'ghost.leader',
          displayName: 'X',
          password: 'long-enough',
          officeCode: 'PARTY',
          roles: ['LEADER'],
          leaderId: missing,
        },
      });
      expect(created.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leaderId' });
      expect(created.message).toContain(`未找到领导 / Leader not found: ${missing}`);
      expect(await t.prisma.user.count()).toBe(before);

      const director = await t.prisma.user.findUniqueOrThrow({ where: { username: 'gov.director' } });
      const updated = await gqlError(t.url, admin, 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id } }', {
        input: { id: director.id, leaderId: missing },
      });
      expect(updated.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leaderId' });
      expect(await t.prisma.user.findUniqueOrThrow({ where: { id: director.id } })).toEqual(director);
    });

    it('refuses weak passwords on creation, reset and change, naming the field', async () => {
      const admin = await t.tokenFor('admin');
      const weak = async (password: string, username = 'weak.user') =>
        (
          await gqlError(t.url, admin, create, {
            input: { username, displayName: 'X', password, officeCode: 'PARTY', roles: ['SECRETARY'] },
          })
        ).extensions;
      for (const password of ['woaini1314', 'Qwerty123', 'abcdefghijk', 'Weak.User-2026', 'short1!']) {
        expect({ password, extensions: await weak(password) }).toEqual({
          password,
          extensions: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            field: 'password',
            reason: 'WEAK_PASSWORD',
          }),
        });
      }
      const common = await gqlError(t.url, admin, create, {
        input: { username: 'weak.user', displayName: 'X', password: 'woaini1314', officeCode: 'PARTY', roles: ['SECRETARY'] },
      });
      expect(common.message).toMatch(/^密码强度不足：该密码过于常见.* \/ Weak password: This password is too common/);
      expect(await t.prisma.user.count({ where: { username: 'weak.user' } })).toBe(0);

      const target = await t.prisma.user.findUniqueOrThrow({ where: { username: 'cppcc.director' } });
      const reset = 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { id } }';
      expect(
        (await gqlError(t.url, admin, reset, { input: { userId: target.id, newPassword: 'cppcc.director!' } })).extensions,
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'newPassword',
        reason: 'WEAK_PASSWORD',
      });
      const own = await t.tokenFor('cppcc.director');
      const change = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }';
      expect(
        (await gqlError(t.url, own, change, { input: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'WEAK_PASSWORD' });
      expect((await t.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash).toBe(target.passwordHash);
    });

    it('ends the sessions of a user whose roles change or who is deactivated', async () => {
      const admin = await t.tokenFor('admin');
      const { createUser } = await gqlOk(t.url, admin, create, {
        input: {
          username: 'temp.user',
          displayName: '临时',
          password: 'a-long-password',
          officeCode: 'RECEPTION',
          roles: ['RECEPTION_STAFF'],
        },
      });
      const loginQ = 'mutation { login(input: { username: "temp.user", password: "a-long-password" }) { token } }';
      const token1 = (await gqlOk(t.url, undefined, loginQ)).login.token;
      await gqlOk(t.url, admin, 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { roles } }', {
        input: { id: createUser.id, roles: ['RECEPTION_STAFF', 'DUTY_OFFICER'] },
      });
      expect((await gqlError(t.url, token1, '{ me { id } }')).extensions?.code).toBe('UNAUTHENTICATED');
      const token2 = (await gqlOk(t.url, undefined, loginQ)).login.token;
      expect((await gqlOk(t.url, token2, '{ me { roles } }')).me.roles).toEqual(['RECEPTION_STAFF', 'DUTY_OFFICER']);
      await gqlOk(t.url, admin, 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { active } }', {
        input: { id: createUser.id, active: false },
      });
      expect((await gqlError(t.url, token2, '{ me { id } }')).extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gqlError(t.url, undefined, loginQ)).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('resets a password, and lets a user change their own', async () => {
      const admin = await t.tokenFor('admin');
      const users = await gqlOk(t.url, admin, '{ users(officeCode: "CONGRESS", role: DIRECTOR) { nodes { id username } totalCount } }');
      expect(users.users.nodes).toEqual([expect.objectContaining({ username: 'congress.director' })]);
      const id = users.users.nodes[0].id;
      await gqlOk(t.url, admin, 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { id } }', {
        input: { userId: id, newPassword: 'new-password-1' },
      });
      const token = (
        await gqlOk(t.url, undefined, 'mutation { login(input: { username: "congress.director", password: "new-password-1" }) { token } }')
      ).login.token;
      const wrong = await gqlError(
        t.url,
        token,
        'mutation { changePassword(input: { currentPassword: "nope", newPassword: "new-password-2" }) { token } }',
      );
      expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
      const changed = await gqlOk(
        t.url,
        token,
        'mutation { changePassword(input: { currentPassword: "new-password-1", newPassword: "new-password-2" }) { token } }',
      );
      expect((await gqlError(t.url, token, '{ me { id } }')).extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gqlOk(t.url, changed.changePassword.token, '{ me { username } }')).me.username).toBe('congress.director');
    });

    it('pages through users with a cursor', async () => {
      const admin = await t.tokenFor('admin');
      const q =
        'query ($after: String) { users(first: 5, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } totalCount } }';
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: any = (await gqlOk(t.url, admin, q, { after })).users;
        seen.push(...page.nodes.map((n: { username: string }) => n.username));
        if (!page.pageInfo.hasNextPage) {
          expect(seen.length).toBe(page.totalCount);
          break;
        }
        after = page.pageInfo.endCursor;
      }
      expect([...seen].sort()).toEqual(seen);
      expect(new Set(seen).size).toBe(seen.length);
      expect((await gqlError(t.url, admin, q, { after: 'garbage' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('leaders and assignments', () => {
    it('creates a leader, assigns a secretary, and the secretary sees the leader', async () => {
      const admin = await t.tokenFor('admin');
      const leader = (
        await gqlOk(
          t.url,
          admin,
          'mutation ($input: CreateLeaderInput!) { createLeader(input: $input) { id name body office { code } } }',
          {
            input: {
              name: '钱进',
              title: '区委常委、宣传部部长',
              body: 'STANDING_COMMITTEE',
              officeCode: 'PARTY',
              rank: 12,
              isPrincipal: false,
            },
          },
        )
      ).createLeader;
      expect(leader).toMatchObject({ name: '钱进', body: 'STANDING_COMMITTEE', office: { code: 'PARTY' } });
      const secretary = (await gqlOk(t.url, admin, '{ users(role: SECRETARY, officeCode: "PARTY") { nodes { id username } } }')).users
        .nodes[0];
      const assign = 'mutation ($input: AssignmentInput!) { assignSecretary(input: $input) { secretaries { username } } }';
      const assigned = await gqlOk(t.url, admin, assign, { input: { userId: secretary.id, leaderId: leader.id } });
      expect(assigned.assignSecretary.secretaries).toEqual([{ username: 'party.sec' }]);
      expect((await gqlError(t.url, admin, assign, { input: { userId: secretary.id, leaderId: leader.id } })).extensions?.code).toBe(
        'CONFLICT',
      );
      const mine = await gqlOk(t.url, await t.tokenFor('party.sec'), '{ myLeaders { name } }');
      expect(mine.myLeaders.map((l: { name: string }) => l.name)).toContain('钱进');

      const director = (await gqlOk(t.url, admin, '{ users(role: DIRECTOR, officeCode: "PARTY") { nodes { id } } }')).users.nodes[0];
      const notSecretary = await gqlError(t.url, admin, assign, { input: { userId: director.id, leaderId: leader.id } });
      expect(notSecretary.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
      const badId = await gqlError(t.url, admin, '{ leader(id: "123") { name } }');
      expect(badId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });
  });
});
