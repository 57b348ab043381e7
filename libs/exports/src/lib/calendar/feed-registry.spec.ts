import { DomainError } from '@siban/graphql-core';
import { FeedRegistry } from './feed-registry';
import type { FeedSource } from './feed-source';

const source = (kind: FeedSource['kind']): FeedSource => ({
  kind,
  authorize: async (_requester, target) => target,
  calendar: async () => ({ name: kind, events: [] }),
});

describe('FeedRegistry', () => {
  it('finds the source registered for a kind', () => {
    const registry = new FeedRegistry();
    const leader = source('LEADER');
    registry.register(leader);
    registry.register(source('OFFICE'));
    expect(registry.source('LEADER')).toBe(leader);
    expect(registry.kinds()).toEqual(['LEADER', 'OFFICE']);
  });

  it('refuses a second source for one kind', () => {
    const registry = new FeedRegistry();
    registry.register(source('LEADER'));
    expect(() => registry.register(source('LEADER'))).toThrow(/already registered/);
  });

  it('answers a kind without a source as bad input', () => {
    const error = (() => {
      try {
        new FeedRegistry().source('OFFICE');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });
});
