import { databaseKinds, gqlOk } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

// On by default on the embedded database, off on PostgreSQL unless GRAPHIQL=true (testConfig
// follows the same defaults as loadAppConfig).
describe.each(databaseKinds())('GraphiQL at /graphql on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  if (kind === 'pglite') {
    it('serves the IDE to a browser, with every script and style from the service itself', async () => {
      const page = await fetch(`${t.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      expect(assets).toEqual([
        '/graphiql/graphiql.min.css',
        '/graphiql/react.production.min.js',
        '/graphiql/react-dom.production.min.js',
        '/graphiql/graphql-ws.min.js',
        '/graphiql/graphiql.min.js',
        '/graphiql/start.js',
      ]);
      for (const asset of assets) {
        const response = await fetch(`${t.url}${asset}`);
        expect([asset, response.status]).toEqual([asset, 200]);
        expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /javascript/);
        expect((await response.text()).length).toBeGreaterThan(100);
      }
      const start = await (await fetch(`${t.url}/graphiql/start.js`)).text();
      expect(start).toContain('graphqlWs.createClient');
      expect(start).toContain("location.origin + '/graphql'");
      expect((await fetch(`${t.url}/graphiql/nothing.js`)).status).toBe(404);
    });
  } else {
    it('is off unless GRAPHIQL=true: a browser GET gets no page', async () => {
      const response = await fetch(`${t.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
      expect(response.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
      expect((await fetch(`${t.url}/graphiql/graphiql.min.js`)).status).toBe(404);
    });
  }

  it('still answers POSTed operations and GETs that do not ask for HTML', async () => {
    expect(await gqlOk(t.url, undefined, '{ __typename }')).toEqual({ __typename: 'Query' });
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
