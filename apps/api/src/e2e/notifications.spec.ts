import { connectionRefusal, databaseKinds, gqlError, gqlOk, subscribe } from '@siban/testing';
import { noticeMarker } from '../test/markers';
import { startTestApp, TestApp } from '../test/test-app';

const NOTIFICATION_ADDED = 'subscription { notificationAdded { id kind title body noticeId } }';
const SEND = 'mutation ($input: SendNoticeInput!) { sendNotice(input: $input) { id status sendAt sentAt recipientCount } }';

describe.each(databaseKinds())('notices and subscriptions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('delivers a notice over graphql-ws to the staff of the offices it names, and only to them', async () => {
    const govSecretary = await subscribe(t, await t.tokenFor('gov.sec'), NOTIFICATION_ADDED);
    const partySecretary = await subscribe(t, await t.tokenFor('party.sec'), NOTIFICATION_ADDED);
    try {
      const sent = await gqlOk(t.url, await t.tokenFor('gov.director'), SEND, {
        input: { title: '关于做好周末值班工作的通知', body: '请各科室于周五前报送值班表。', officeCodes: ['GOVERNMENT', 'CPPCC'] },
      });
      // gov.sec, gov.director, gov.duty, cppcc.sec, cppcc.director, cppcc.duty
      expect(sent.sendNotice).toMatchObject({ status: 'SENT', recipientCount: 6 });
      const event = await govSecretary.next();
      expect(event.notificationAdded).toMatchObject({ kind: 'NOTICE', title: '关于做好周末值班工作的通知', noticeId: sent.sendNotice.id });
      await partySecretary.nothingBefore(await noticeMarker(t, await t.tokenFor('party.director'), 'PARTY'));
    } finally {
      await govSecretary.close();
      await partySecretary.close();
    }
  });

  it('keeps notifications to read later, and marks them read', async () => {
    const token = await t.tokenFor('cppcc.sec');
    const mine = await gqlOk(
      t.url,
      token,
      '{ myNotifications(first: 10) { nodes { id title readAt } totalCount } unreadNotificationCount }',
    );
    expect(mine.myNotifications.nodes[0]).toMatchObject({ title: '关于做好周末值班工作的通知', readAt: null });
    expect(mine.unreadNotificationCount).toBeGreaterThanOrEqual(1);
    const marked = await gqlOk(t.url, token, 'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }', {
      ids: [mine.myNotifications.nodes[0].id],
    });
    expect(marked.markNotificationsRead).toBe(1);
    const after = await gqlOk(t.url, token, '{ myNotifications(unreadOnly: true) { totalCount } unreadNotificationCount }');
    expect(after.unreadNotificationCount).toBe(mine.unreadNotificationCount - 1);
    // Someone else's notification id changes nothing.
    const other = await gqlOk(t.url, await t.tokenFor('gov.sec'), 'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }', {
      ids: [mine.myNotifications.nodes[0].id],
    });
    expect(other.markNotificationsRead).toBe(0);
  });

  it('pages through notices and notifications newest first, each item once', async () => {
    const director = await t.tokenFor('cppcc.director');
    for (const title of ['第一号通知', '第二号通知', '第三号通知']) {
      await gqlOk(t.url, director, SEND, { input: { title, body: '分页', officeCodes: ['CPPCC'] } });
    }
    const pages = async (query: string, field: string, token: string) => {
      const seen: { title: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await gqlOk(t.url, token, query, { after }))[field];
        seen.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) return { seen, totalCount: page.totalCount };
        after = page.pageInfo.endCursor;
      }
    };
    const notices = await pages(
      'query ($after: String) { notices(first: 2, after: $after) { nodes { title recipientCount } pageInfo { hasNextPage endCursor } totalCount } }',
      'notices',
      director,
    );
    expect(notices.seen.length).toBe(notices.totalCount);
    expect(notices.seen.slice(0, 3).map((n) => n.title)).toEqual(['第三号通知', '第二号通知', '第一号通知']);
    expect(notices.seen[0]).toMatchObject({ recipientCount: 3 }); // cppcc.sec, cppcc.director, cppcc.duty
    const mine = await pages(
      'query ($after: String) { myNotifications(first: 2, after: $after) { nodes { id title } pageInfo { hasNextPage endCursor } totalCount } }',
      'myNotifications',
      await t.tokenFor('cppcc.sec'),
    );
    expect(mine.seen.length).toBe(mine.totalCount);
    expect(new Set(mine.seen.map((n: any) => n.id)).size).toBe(mine.seen.length);
    expect(mine.seen.slice(0, 3).map((n) => n.title)).toEqual(['第三号通知', '第二号通知', '第一号通知']);
  });

  it('refuses a socket without a valid token in connection_init', async () => {
    expect(await connectionRefusal(t.url, {})).toMatchObject({ code: 4401 });
    expect(await connectionRefusal(t.url, { authorization: 'Bearer nonsense' })).toMatchObject({ code: 4401 });
  });

  it('checks notice input and writes nothing on error', async () => {
    const director = await t.tokenFor('party.director');
    const before = await t.prisma.notice.count();
    const office = await gqlError(t.url, director, SEND, { input: { title: 't', body: 'b', officeCodes: ['MARS'] } });
    expect(office.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'officeCodes' });
    const empty = await gqlError(t.url, director, SEND, { input: { title: '', body: 'b', officeCodes: ['PARTY'] } });
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const date = await gqlError(t.url, director, SEND, {
      input: { title: 't', body: 'b', officeCodes: ['PARTY'], sendAt: 'next tuesday' },
    });
    expect(date.extensions?.code).toBe('BAD_USER_INPUT');
    const far = await gqlError(t.url, director, SEND, {
      input: { title: 't', body: 'b', officeCodes: ['PARTY'], sendAt: '2099-01-01T00:00:00Z' },
    });
    expect(far.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sendAt' });
    expect(await t.prisma.notice.count()).toBe(before);
  });

  it('cancels a scheduled notice before it goes out, once', async () => {
    const director = await t.tokenFor('party.director');
    const sendAt = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await gqlOk(t.url, director, SEND, {
      input: { title: '明日会议提醒', body: '九点开会', officeCodes: ['PARTY'], sendAt },
    });
    expect(scheduled.sendNotice).toMatchObject({ status: 'SCHEDULED', sendAt, sentAt: null, recipientCount: 0 });
    const cancel = 'mutation ($id: ID!) { cancelNotice(id: $id) { status } }';
    expect((await gqlOk(t.url, director, cancel, { id: scheduled.sendNotice.id })).cancelNotice.status).toBe('CANCELLED');
    expect((await gqlError(t.url, director, cancel, { id: scheduled.sendNotice.id })).extensions?.code).toBe('CONFLICT');
    expect((await gqlError(t.url, director, cancel, { id: '00000000-0000-4000-8000-000000000000' })).extensions?.code).toBe('NOT_FOUND');
  });

  it("scopes notices to the sender's office: a director lists and cancels only their own office's, an admin every office's", async () => {
    const gov = await t.tokenFor('gov.director');
    const party = await t.tokenFor('party.director');
    const admin = await t.tokenFor('admin');
    const sendAt = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = async (token: string, title: string) =>
      (await gqlOk(t.url, token, SEND, { input: { title, body: '范围', officeCodes: ['PARTY', 'GOVERNMENT'], sendAt } })).sendNotice.id;
    const govNotice = await scheduled(gov, '区政府办定时通知');
    const partyNotice = await scheduled(party, '区委办定时通知');
    const LIST = '{ notices(first: 100) { nodes { id title senderId } totalCount } }';
    const listed = async (token: string) => (await gqlOk(t.url, token, LIST)).notices;

    const byGov = await listed(gov);
    expect(byGov.nodes.map((n: any) => n.id)).toContain(govNotice);
    expect(byGov.nodes.map((n: any) => n.id)).not.toContain(partyNotice);
    expect(byGov.totalCount).toBe(byGov.nodes.length);
    const govIds = (await t.prisma.user.findMany({ where: { office: { code: 'GOVERNMENT' } }, select: { id: true } })).map((u) => u.id);
    expect(byGov.nodes.every((n: any) => govIds.includes(n.senderId))).toBe(true);
    const byParty = await listed(party);
    expect(byParty.nodes.map((n: any) => n.id)).toContain(partyNotice);
    expect(byParty.nodes.map((n: any) => n.id)).not.toContain(govNotice);
    const byAdmin = await listed(admin);
    expect(byAdmin.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining([govNotice, partyNotice]));
    expect(byAdmin.totalCount).toBe(await t.prisma.notice.count());

    // Another office's notice does not exist for this director: NOT_FOUND, and nothing changes.
    const cancel = 'mutation ($id: ID!) { cancelNotice(id: $id) { status } }';
    expect((await gqlError(t.url, party, cancel, { id: govNotice })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await t.prisma.notice.findUniqueOrThrow({ where: { id: govNotice } })).status).toBe('SCHEDULED');
    expect((await gqlOk(t.url, gov, cancel, { id: govNotice })).cancelNotice.status).toBe('CANCELLED');
    expect((await gqlOk(t.url, admin, cancel, { id: partyNotice })).cancelNotice.status).toBe('CANCELLED');
  });
});
