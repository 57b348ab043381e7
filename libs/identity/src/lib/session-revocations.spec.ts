import { InProcessEventBus } from '@siban/pubsub';
import { SessionRevocations } from './session-revocations';

describe('SessionRevocations', () => {
  let bus: InProcessEventBus;
  let sessions: SessionRevocations;

  beforeEach(async () => {
    bus = new InProcessEventBus();
    sessions = new SessionRevocations(bus);
    sessions.onModuleInit();
    // The bus subscribes on the listener's first read.
    await new Promise((resolve) => setImmediate(resolve));
  });
  afterEach(async () => {
    await sessions.onModuleDestroy();
  });

  /** Revokes, and waits until every instance's listener has run. */
  async function revoke(userId: string, tokenVersion: number) {
    await sessions.revoked(userId, tokenVersion);
    await new Promise((resolve) => setImmediate(resolve));
  }

  it("ends the user's sessions signed before the new version, and no one else's", async () => {
    const ended: string[] = [];
    sessions.watch('u1', 0, () => ended.push('u1 v0 a'));
    sessions.watch('u1', 0, () => ended.push('u1 v0 b'));
    sessions.watch('u2', 0, () => ended.push('u2 v0'));
    await revoke('u1', 1);
    expect(ended.sort()).toEqual(['u1 v0 a', 'u1 v0 b']);
  });

  it('keeps a session signed at the new version (the token a password change returns)', async () => {
    const ended: number[] = [];
    sessions.watch('u1', 1, () => ended.push(1));
    sessions.watch('u1', 2, () => ended.push(2));
    await revoke('u1', 2);
    expect(ended).toEqual([1]);
  });

  it('forgets a watch once the socket closed on its own', async () => {
    const ended: string[] = [];
    const unwatch = sessions.watch('u1', 0, () => ended.push('closed already'));
    sessions.watch('u1', 0, () => ended.push('still open'));
    unwatch();
    await revoke('u1', 1);
    expect(ended).toEqual(['still open']);
  });
});
