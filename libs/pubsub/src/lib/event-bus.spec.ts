import { InProcessEventBus, reviveDates } from './event-bus';

describe('reviveDates', () => {
  it('turns ISO instants back into Dates and leaves other strings alone', () => {
    const payload = JSON.parse(
      JSON.stringify({ at: new Date('2026-11-23T01:30:00.000Z'), title: '2026-11-23 例会', day: '2026-11-23' }),
      reviveDates,
    );
    expect(payload.at).toEqual(new Date('2026-11-23T01:30:00.000Z'));
    expect(payload.title).toBe('2026-11-23 例会');
    expect(payload.day).toBe('2026-11-23');
  });
});

describe('InProcessEventBus', () => {
  it('delivers a published payload to a subscriber of its channel only', async () => {
    const bus = new InProcessEventBus();
    const mine = bus.subscribe<{ n: number }>('user:1');
    const other = bus.subscribe<{ n: number }>('user:2');
    const next = mine.next();
    const otherNext = other.next();
    await bus.publish('user:1', { n: 1 });
    await expect(next).resolves.toEqual({ value: { n: 1 }, done: false });
    const raced = await Promise.race([otherNext.then(() => 'delivered'), new Promise((r) => setTimeout(() => r('silent'), 50))]);
    expect(raced).toBe('silent');
    await mine.return?.();
    await other.return?.();
  });
});

describe('listeningCount', () => {
  it('counts a subscription once its channel delivers, not when the iterator is made', async () => {
    const bus = new InProcessEventBus();
    const iterator = bus.subscribe<{ n: number }>('office:PARTY');
    expect(bus.listeningCount).toBe(0);
    // Subscriptions start listening on their first pull, as graphql-ws does once it has the iterator.
    const next = iterator.next();
    await bus.listened(1);
    expect(bus.listeningCount).toBe(1);
    await bus.publish('office:PARTY', { n: 7 });
    await expect(next).resolves.toEqual({ value: { n: 7 }, done: false });
    await iterator.return?.();
  });
});
