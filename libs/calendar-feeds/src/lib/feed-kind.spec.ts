import { DomainError } from '@siban/graphql-core';
import { feedKindOf } from './feed-kind';

describe('feedKindOf', () => {
  it('takes the kind asked for', () => {
    expect(feedKindOf({ kind: 'OFFICE', officeCode: 'PARTY' })).toBe('OFFICE');
    // The source of the kind judges the target, not this.
    expect(feedKindOf({ kind: 'LEADER' })).toBe('LEADER');
  });

  it('reads requests without a kind as they were meant before kinds existed', () => {
    expect(feedKindOf({ leaderId: 'l1' })).toBe('LEADER');
    expect(feedKindOf({ officeCode: 'PARTY' })).toBe('OFFICE');
  });

  it.each([{}, { leaderId: 'l1', officeCode: 'PARTY' }])('refuses %j without a kind', (input) => {
    const error = (() => {
      try {
        feedKindOf(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });
});
