import { ManualClock } from '@siban/clock';
import { databaseKinds, gql, gqlOk, Scenario, scenario } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';

const FIELDS = 'id category severity status place learnedAt occurredAt description measures casualties version createdByName';
const LOG = `mutation ($input: LogIncidentInput!) { logIncident(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $changes: IncidentChangesInput!, $version: Int) {
  updateIncident(id: $id, changes: $changes, version: $version) { ${FIELDS} } }`;
const NOTE = 'mutation ($id: ID!, $note: String!) { addIncidentNote(id: $id, note: $note) { id } }';
const CORRECT = `mutation ($entryId: ID!, $note: String!) {
  correctIncidentEntry(entryId: $entryId, note: $note) { timeline { id kind payload } } }`;
const DETAIL = `query ($id: ID!) { incident(id: $id) { ${FIELDS} timeline { id kind actorId actorName payload createdAt } } }`;
const LIST = `query ($first: Int, $after: String, $status: IncidentStatus, $from: DateTime, $to: DateTime) {
  incidents(first: $first, after: $after, status: $status, from: $from, to: $to) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id learnedAt } } }`;

const minimal = (idempotencyKey: string, changes: Record<string, unknown> = {}) => ({
  idempotencyKey,
  category: 'ACCIDENT',
  place: '城关镇 人民路与解放路交叉口',
  learnedAt: '2026-11-25T09:40:00+08:00',
  description: '两车相撞，有人受伤',
  ...changes,
});

// Logging (phase 2a of emergency information): idempotent on the client's key, every change a new
// timeline entry. On PostgreSQL the five concurrent submits run in parallel and the unique key decides.
describe.each(databaseKinds())('incident logging on %s', (kind) => {
  let t: TestApp;
  let s: Scenario;
  const clock = new ManualClock('2026-11-25T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    s = await scenario(t, { clock }).build();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs an incident from category, place, time learned and description, with a LOGGED entry', async () => {
    const officer = await s.token('duty.officer');
    const logged = (await gqlOk(t.url, officer, LOG, { input: minimal('minimal-1') })).logIncident;
    expect(logged).toMatchObject({ category: 'ACCIDENT', severity: 'UNKNOWN', status: 'OPEN', learnedAt: '2026-11-25T01:40:00.000Z' });
    expect(logged.createdByName).toBe('总值班室 韩冰');
    const detail = (await gqlOk(t.url, await s.token('party.director'), DETAIL, { id: logged.id })).incident;
    expect(detail.timeline.map((e: any) => [e.kind, e.actorName])).toEqual([['LOGGED', '总值班室 韩冰']]);
  });

  it('returns the same incident for a retry, and refuses another draft under a used key', async () => {
    const officer = await s.token('duty.officer');
    const first = (await gqlOk(t.url, officer, LOG, { input: minimal('retry-1') })).logIncident;
    // The same draft written differently (spaces, another offset for the same instant) is the same logging.
    const again = (
      await gqlOk(t.url, officer, LOG, {
        input: minimal('retry-1', { place: ' 城关镇 人民路与解放路交叉口 ', learnedAt: '2026-11-25T01:40:00Z' }),
      })
    ).logIncident;
    expect(again.id).toBe(first.id);

    const other = await gql(t.url, officer, LOG, { input: minimal('retry-1', { description: '另一起事件' }) });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await t.prisma.incident.count({ where: { idempotencyKey: 'retry-1' } })).toBe(1);
    expect(await t.prisma.incidentTimelineEntry.count({ where: { incidentId: first.id } })).toBe(1);
  });

  it('creates one incident for five concurrent submits of one key', async () => {
    const officer = await s.token('duty.officer');
    const results = await Promise.all(Array.from({ length: 5 }, () => gql(t.url, officer, LOG, { input: minimal('concurrent-1') })));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(new Set(results.map((r) => r.data?.logIncident.id)).size).toBe(1);
    const rows = await t.prisma.incident.findMany({ where: { idempotencyKey: 'concurrent-1' }, include: { timeline: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0].timeline.map((e) => e.kind)).toEqual(['LOGGED']);
  });

  it('adds every update, note and correction as a new timeline entry, in order', async () => {
    const officer = await s.token('duty.officer');
    const coord = await s.token('duty.coord');
    const { id } = (await gqlOk(t.url, officer, LOG, { input: minimal('timeline-1') })).logIncident;
    const graded = (await gqlOk(t.url, officer, UPDATE, { id, changes: { severity: 'IV', casualties: '2人轻伤' }, version: 0 }))
      .updateIncident;
    expect(graded).toMatchObject({ severity: 'IV', casualties: '2人轻伤', version: 1 });
    await gqlOk(t.url, coord, UPDATE, { id, changes: { measures: '交警、120 已到场' } });
    await gqlOk(t.url, officer, NOTE, { id, note: '道路已恢复通行' });

    // A change over a version read before the others is refused, not merged.
    const stale = await gql(t.url, officer, UPDATE, { id, changes: { measures: '已处置' }, version: 1 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });

    const before = (await gqlOk(t.url, officer, DETAIL, { id })).incident;
    const severityEntry = before.timeline[1];
    const corrected = (await gqlOk(t.url, officer, CORRECT, { entryId: severityEntry.id, note: '伤情应为3人轻伤' })).correctIncidentEntry;

    const timeline = corrected.timeline.map((e: any) => ({ kind: e.kind, ...JSON.parse(e.payload) }));
    expect(timeline).toEqual([
      { kind: 'LOGGED', version: 0 },
      {
        kind: 'SEVERITY_CHANGED',
        version: 1,
        changes: { severity: { before: 'UNKNOWN', after: 'IV' }, casualties: { before: '', after: '2人轻伤' } },
      },
      { kind: 'UPDATED', version: 2, changes: { measures: { before: '', after: '交警、120 已到场' } } },
      { kind: 'UPDATED', version: 3, note: '道路已恢复通行' },
      { kind: 'CORRECTION', version: 4, correctsEntryId: severityEntry.id, note: '伤情应为3人轻伤' },
    ]);
    // The entries written before the correction are exactly as they were.
    expect(corrected.timeline.slice(0, 4)).toEqual(
      before.timeline.map(({ id: entryId, kind: k, payload }: any) => ({ id: entryId, kind: k, payload })),
    );
    const names = (await gqlOk(t.url, officer, DETAIL, { id })).incident.timeline.map((e: any) => e.actorName);
    expect(names[2]).not.toBe(names[1]);
  });

  it('lists incidents newest learned first, page by page, within a range', async () => {
    const officer = await s.token('duty.officer');
    for (const [key, at] of [
      ['list-a', '2026-11-20T08:00:00+08:00'],
      ['list-b', '2026-11-21T08:00:00+08:00'],
      ['list-c', '2026-11-22T08:00:00+08:00'],
    ])
      await gqlOk(t.url, officer, LOG, { input: minimal(key, { learnedAt: at }) });
    const range = { from: '2026-11-20T00:00:00+08:00', to: '2026-11-23T00:00:00+08:00', status: 'OPEN' };
    const first = (await gqlOk(t.url, officer, LIST, { ...range, first: 2 })).incidents;
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((n: any) => n.learnedAt)).toEqual(['2026-11-22T00:00:00.000Z', '2026-11-21T00:00:00.000Z']);
    const second = (await gqlOk(t.url, officer, LIST, { ...range, first: 2, after: first.pageInfo.endCursor })).incidents;
    expect(second.nodes.map((n: any) => n.learnedAt)).toEqual(['2026-11-20T00:00:00.000Z']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['a missing place', { place: '  ' }, 'place'],
    ['a time learned without an offset', { learnedAt: '2026-11-25T09:40:00' }, 'learnedAt'],
    ['an unknown category', { category: 'EARTHQUAKE' }, 'category'],
    ['a time learned in the future', { learnedAt: '2026-11-26T09:40:00+08:00' }, 'learnedAt'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_what, changes, field) => {
    const before = await t.prisma.incident.count();
    const result = await gql(t.url, await s.token('duty.officer'), LOG, { input: minimal(`bad-${field}`, changes) });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(result.errors?.[0].extensions?.field)).toContain(field);
    expect(await t.prisma.incident.count()).toBe(before);
  });

  it('refuses the anonymous and the roles outside the duty room', async () => {
    const anonymous = await gql(t.url, undefined, LOG, { input: minimal('anon-1') });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const user of ['reception.staff', 'gov.sec', 'party.director']) {
      const result = await gql(t.url, await s.token(user), LOG, { input: minimal(`role-${user}`) });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const reading = await gql(t.url, await s.token('reception.staff'), LIST, {});
    expect(reading.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await t.prisma.incident.count({ where: { idempotencyKey: { startsWith: 'role-' } } })).toBe(0);
  });
});
