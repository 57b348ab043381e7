import fs from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../app/bootstrap';
import { startTestApp, TestApp } from '../test/test-app';

describe('the committed GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('matches the schema the code generates (run `npm run schema` after an API change)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');
    expect(schemaSdl(t.app)).toBe(committed);
  });

  it('answers health and readiness without a token, with a request id', async () => {
    const health = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'probe-1' } });
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toBe('probe-1');
    const ready = await fetch(`${t.url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', events: 'up' });
    const generated = await fetch(`${t.url}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed request with a GraphQL error, not a stack', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ offices { nope } }"}',
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at Object\./);
  });
});
