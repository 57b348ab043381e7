import { DEFAULT_REQUEST_LIMITS } from '@siban/config';
import { databaseKinds, gql, gqlOk, subscribe } from '@siban/testing';
import { getIntrospectionQuery } from 'graphql';
import { startTestApp, TestApp } from '../test/test-app';
import { MERGED, REVISIONS } from '../test/weekly-plans';

// The query of the issue: 362 bytes, 17.5 s and 7.7 MB before the limits.
const SIX_DEEP = `{ leaders { name secretaries { username assignedLeaders { name secretaries { username assignedLeaders { name
  secretaries { username assignedLeaders { name secretaries { username } } } } } } } } }`;
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe.each(databaseKinds())('query limits on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the six-deep relation cycle before running it, with its cost and the limit', async () => {
    const result = await gql(t.url, admin, SIX_DEEP);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const error = result.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: DEFAULT_REQUEST_LIMITS.maxCost });
    expect(error?.extensions?.cost).toBeGreaterThan(DEFAULT_REQUEST_LIMITS.maxCost);
    expect(error?.message).toContain(`limit ${DEFAULT_REQUEST_LIMITS.maxCost}`);
  });

  it('refuses 1,000 aliases of scheduleRevisions, and too deep a query', async () => {
    const many = await gql(t.url, admin, aliases(1000, 'scheduleRevisions(week: "2026-W48") { id }'));
    expect(many.status).toBe(400);
    expect(many.errors?.[0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      aliases: 1000,
      maxAliases: DEFAULT_REQUEST_LIMITS.maxAliases,
    });
    const deep = await gql(
      t.url,
      admin,
      '{ me { assignedLeaders { secretaries { assignedLeaders { secretaries { assignedLeaders { secretaries { assignedLeaders { secretaries { office { code } } } } } } } } } } }',
    );
    expect(deep.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', depth: 11, maxDepth: DEFAULT_REQUEST_LIMITS.maxDepth });
  });

  it("still answers a client's heaviest queries, a few aliases and introspection", async () => {
    const coordinator = await t.tokenFor('party.coord');
    expect((await gqlOk(t.url, coordinator, MERGED, { week: '2026-W48' })).mergedSchedule.week).toBe('2026-W48');
    expect((await gqlOk(t.url, coordinator, REVISIONS, { week: '2026-W48' })).scheduleRevisions).toEqual([]);
    const four = await gqlOk(t.url, admin, '{ leaders { secretaries { assignedLeaders { secretaries { username } } } } }');
    expect(four.leaders.length).toBeGreaterThan(0);
    expect(Object.keys(await gqlOk(t.url, admin, aliases(DEFAULT_REQUEST_LIMITS.maxAliases, 'me { id }')))).toHaveLength(20);
    expect((await gqlOk(t.url, admin, getIntrospectionQuery())).__schema.queryType.name).toBe('Query');
  });

  it('refuses an operation beyond the limits over graphql-ws too', async () => {
    const query = `subscription { notificationAdded { ${Array.from({ length: 25 }, (_, i) => `a${i}: id`).join(' ')} } }`;
    const socket = await subscribe(t, admin, query);
    try {
      await expect(socket.next(5000)).rejects.toEqual([
        expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', aliases: 25, maxAliases: DEFAULT_REQUEST_LIMITS.maxAliases } }),
      ]);
    } finally {
      await socket.close();
    }
  });

  it('answers a body too large, or unreadable, as GraphQL errors', async () => {
    const post = (body: string) => fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const large = await post(JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(DEFAULT_REQUEST_LIMITS.maxBodyBytes)}` }));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({
      errors: [{ message: '请求过大 / Request too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    const broken = await post('{"query": "{ me { id } }"');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describe('query limits from the configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { config: { requestLimits: { maxDepth: 3, maxCost: 100, maxAliases: 0, maxBodyBytes: 4096 } } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('applies the limits it is given', async () => {
    const admin = await t.tokenFor('admin');
    expect((await gqlOk(t.url, admin, '{ me { office { code } } }')).me.office.code).toBe('PARTY');
    expect((await gql(t.url, admin, '{ me { assignedLeaders { office { code } } } }')).errors?.[0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      depth: 4,
      maxDepth: 3,
    });
    expect((await gql(t.url, admin, '{ leaders { office { code } } }')).errors?.[0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      cost: 200,
      maxCost: 100,
    });
    expect((await gql(t.url, admin, '{ a: me { id } }')).errors?.[0].extensions).toMatchObject({ aliases: 1, maxAliases: 0 });
    const body = JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(5000)}` });
    const large = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(large.status).toBe(413);
  });
});
