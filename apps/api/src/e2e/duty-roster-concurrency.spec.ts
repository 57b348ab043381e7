import { ManualClock } from '@siban/clock';
import { databaseKinds, gql, gqlOk, Scenario, scenario } from '@siban/testing';
import { APPROVE_SWAP, GENERATE, HISTORY, PUBLISH, REQUEST_SWAP, RESPOND_SWAP, Shift, SHIFTS, swappablePairs } from '../test/duty-roster';
import { startTestApp, TestApp } from '../test/test-app';

const OFFICERS = ['duty.officer', 'congress.duty', 'gov.duty', 'cppcc.duty'];

// Two swap approvals that cannot both hold (they share a seat) arrive at once: the seats' row
// locks (SELECT ... FOR UPDATE) decide: one is approved, the other finds its request cancelled by it.
// On PostgreSQL the two run truly in parallel; on PGlite they are serialised by its one session.
describe.each(databaseKinds())('concurrent duty swaps on %s', (kind) => {
  let t: TestApp;
  let s: Scenario;
  const clock = new ManualClock('2026-08-20T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    s = await scenario(t, { clock }).build();
    const coord = await s.token('duty.coord');
    await gqlOk(t.url, coord, GENERATE, { from: '2026-09-01', to: '2026-09-30' });
    await gqlOk(t.url, coord, PUBLISH, { month: '2026-09' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const accountOf = (personId: string) => OFFICERS.find((u) => s.userId(u) === personId) as string;

  /** Asks for a swap as the holder of `mine` and has the other holder accept it. */
  async function acceptedRequest(mine: Shift, other: Shift): Promise<string> {
    const asked = await gqlOk(t.url, await s.token(accountOf(mine.person?.id as string)), REQUEST_SWAP, {
      myShiftId: mine.id,
      otherShiftId: other.id,
      note: '',
    });
    const id = asked.requestDutySwap.id;
    await gqlOk(t.url, await s.token(accountOf(other.person?.id as string)), RESPOND_SWAP, { requestId: id, accept: true });
    return id;
  }

  it('approves one of two conflicting swaps approved at the same moment, and refuses the other', async () => {
    const coord = await s.token('duty.coord');
    const officers: Shift[] = (await gqlOk(t.url, coord, SHIFTS, { from: '2026-09-01', to: '2026-09-30' })).dutyShifts.filter(
      (x: Shift) => x.post.code === 'OFFICER',
    );
    const pairs = swappablePairs(officers);
    // s1 (A) with s2 (B), and s2 (B) with s3 (C): each allowed on its own, not both.
    const triple = pairs
      .flatMap(([s1, s2]) =>
        pairs
          .filter(([x, y]) => (x.id === s2.id && y.id !== s1.id) || (y.id === s2.id && x.id !== s1.id))
          .map(([x, y]) => [s1, s2, x.id === s2.id ? y : x] as const),
      )
      .find(([s1, , s3]) => s1.person?.id !== s3.person?.id);
    if (!triple) throw new Error('no three officer shifts to swap in September');
    const [s1, s2, s3] = triple;
    const first = await acceptedRequest(s1, s2);
    const second = await acceptedRequest(s2, s3);

    const [a, b] = await Promise.all([
      gql(t.url, coord, APPROVE_SWAP, { requestId: first, approve: true }),
      gql(t.url, await s.token('admin'), APPROVE_SWAP, { requestId: second, approve: true }),
    ]);
    const outcomes = [a, b].map((r) => r.errors?.[0].extensions?.reason ?? r.data?.approveDutySwap.status);
    // The winner cancels the open request that shared its seat; the loser, once it gets the lock, finds it so.
    expect(outcomes.sort()).toEqual(['APPROVED', 'SWAP_REQUEST_CLOSED']);
    expect([a, b].find((r) => r.errors)?.errors?.[0].extensions?.code).toBe('CONFLICT');

    // The seat they shared changed hands once, and its history says so once.
    const history = (await gqlOk(t.url, coord, HISTORY, { shiftId: s2.id })).dutyShiftHistory;
    expect(history.map((h: any) => h.kind)).toEqual(['GENERATED', 'SWAP']);
    const statuses = await t.prisma.dutySwapRequest.findMany({ where: { id: { in: [first, second] } }, select: { status: true } });
    expect(statuses.map((r) => r.status).sort()).toEqual(['APPROVED', 'CANCELLED']);
  });
});
