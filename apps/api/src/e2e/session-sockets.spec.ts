import { databaseKinds, gqlOk, login, subscribe, Subscription } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';

const NOTIFICATION_ADDED = 'subscription { notificationAdded { title } }';
const SEND = 'mutation ($input: SendNoticeInput!) { sendNotice(input: $input) { id } }';
const UPDATE_USER = 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id } }';
const PASSWORD = 'Qinghe#2026-socket';
// graphql-ws close code for a session that is no longer valid, as HTTP would answer 401.
const SESSION_ENDED = 4401;

describe.each(databaseKinds())('sockets of ended sessions on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let notices = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newUser(username: string): Promise<{ id: string; token: string }> {
    const { createUser } = await gqlOk(t.url, admin, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { username, displayName: username, password: PASSWORD, officeCode: 'CPPCC', roles: ['SECRETARY'] },
    });
    return { id: createUser.id, token: await login(t.url, username, PASSWORD) };
  }

  async function noticeToCppcc(): Promise<string> {
    const title = `政协办通知 ${++notices}`;
    await gqlOk(t.url, await t.tokenFor('cppcc.director'), SEND, { input: { title, body: '会话', officeCodes: ['CPPCC'] } });
    return title;
  }

  it('closes the socket of a user who is deactivated, at once', async () => {
    const user = await newUser('socket.deactivated');
    const socket = await subscribe(t, user.token, NOTIFICATION_ADDED);
    try {
      const title = await noticeToCppcc();
      expect((await socket.next()).notificationAdded.title).toBe(title);
      await gqlOk(t.url, admin, UPDATE_USER, { input: { id: user.id, active: false } });
      expect(await socket.closed()).toBe(SESSION_ENDED);
    } finally {
      await socket.close();
    }
  });

  it('closes the sockets of a role change and of a reset password', async () => {
    const changed = await newUser('socket.role');
    const reset = await newUser('socket.reset');
    const [roleSocket, resetSocket] = await Promise.all([
      subscribe(t, changed.token, NOTIFICATION_ADDED),
      subscribe(t, reset.token, NOTIFICATION_ADDED),
    ]);
    try {
      await gqlOk(t.url, admin, UPDATE_USER, { input: { id: changed.id, roles: ['DUTY_OFFICER'] } });
      expect(await roleSocket.closed()).toBe(SESSION_ENDED);
      await gqlOk(t.url, admin, 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { id } }', {
        input: { userId: reset.id, newPassword: `${PASSWORD}-new` },
      });
      expect(await resetSocket.closed()).toBe(SESSION_ENDED);
    } finally {
      await Promise.all([roleSocket.close(), resetSocket.close()]);
    }
  });

  it("closes a user's old sockets when they change their password, and keeps the one opened with the new token", async () => {
    const user = await newUser('socket.password');
    const before = await subscribe(t, user.token, NOTIFICATION_ADDED);
    let after: Subscription<any> | undefined;
    try {
      const { changePassword } = await gqlOk(
        t.url,
        user.token,
        'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
        { input: { currentPassword: PASSWORD, newPassword: `${PASSWORD}-changed` } },
      );
      expect(await before.closed()).toBe(SESSION_ENDED);
      after = await subscribe(t, changePassword.token, NOTIFICATION_ADDED);
      const title = await noticeToCppcc();
      expect((await after.next()).notificationAdded.title).toBe(title);
    } finally {
      await before.close();
      await after?.close();
    }
  });

  it('re-checks the user before each event: a revocation whose event was lost still stops delivery', async () => {
    const user = await newUser('socket.backstop');
    const colleague = await subscribe(t, await t.tokenFor('cppcc.sec'), NOTIFICATION_ADDED);
    const socket = await subscribe(t, user.token, NOTIFICATION_ADDED);
    try {
      // Revoked in the database only, as if the revocation event had never reached this instance.
      await t.prisma.user.update({ where: { id: user.id }, data: { tokenVersion: { increment: 1 } } });
      const title = await noticeToCppcc();
      expect((await colleague.next()).notificationAdded.title).toBe(title);
      expect(await socket.closed()).toBe(SESSION_ENDED);
      await expect(socket.next(200)).rejects.toThrow();
    } finally {
      await socket.close();
      await colleague.close();
    }
  });

  it('closes the socket of a user moved to another office at their next event, whose channels were chosen for the old one', async () => {
    const user = await newUser('socket.moved');
    const socket = await subscribe(t, user.token, NOTIFICATION_ADDED);
    try {
      await gqlOk(t.url, admin, UPDATE_USER, { input: { id: user.id, officeCode: 'GOVERNMENT' } });
      await gqlOk(t.url, await t.tokenFor('cppcc.director'), SEND, {
        input: { title: '两办通知', body: '调动', officeCodes: ['CPPCC', 'GOVERNMENT'] },
      });
      expect(await socket.closed()).toBe(SESSION_ENDED);
    } finally {
      await socket.close();
    }
  });
});
