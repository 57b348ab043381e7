import { DomainError, createValidationPipe } from '@siban/graphql-core';
import { AssignmentInput, CreateLeaderInput, LeadersArgs, UpdateLeaderInput } from './leader.inputs';

// The inputs as the API's own validation pipe checks them at the edge.
const pipe = createValidationPipe();

async function problems(metatype: new () => object, value: Record<string, unknown>): Promise<string[]> {
  try {
    await pipe.transform(value, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return (error.problems ?? []).map((p) => p.field);
  }
}

const VALID = { name: '王建国', title: '区委书记', body: 'STANDING_COMMITTEE', officeCode: 'PARTY', rank: 1, isPrincipal: true };
const ID = '6c3f4e0a-0000-4000-8000-000000000001';

describe('leader inputs', () => {
  it('accepts a complete new leader, and one without a rank (then placed last)', async () => {
    expect(await problems(CreateLeaderInput, VALID)).toEqual([]);
    expect(await problems(CreateLeaderInput, { ...VALID, rank: undefined })).toEqual([]);
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a name over 50 characters', { name: '王'.repeat(51) }, 'name'],
    ['a title over 100 characters', { title: '职'.repeat(101) }, 'title'],
    ['a body that is none of the six', { body: 'ARMY' }, 'body'],
    ['rank 0', { rank: 0 }, 'rank'],
    ['rank 1000', { rank: 1000 }, 'rank'],
    ['a fractional rank', { rank: 1.5 }, 'rank'],
    ['an office code over 20 characters', { officeCode: 'P'.repeat(21) }, 'officeCode'],
    ['a field the API does not have', { salary: 1 }, 'salary'],
  ])('refuses a new leader with %s', async (_what, change, field) => {
    expect(await problems(CreateLeaderInput, { ...VALID, ...change })).toContain(field);
  });

  it('lets an update name only what changes, but never an empty name or a rank out of range', async () => {
    expect(await problems(UpdateLeaderInput, { id: ID, active: false })).toEqual([]);
    expect(await problems(UpdateLeaderInput, { id: ID, name: '', rank: 0 })).toEqual(['name', 'rank']);
    expect(await problems(UpdateLeaderInput, { id: 'wang' })).toEqual(['id']);
  });

  it('takes assignments by ids only', async () => {
    expect(await problems(AssignmentInput, { userId: ID, leaderId: ID })).toEqual([]);
    expect(await problems(AssignmentInput, { userId: 'party.sec', leaderId: ID })).toEqual(['userId']);
  });

  it('filters leaders by a known body only', async () => {
    expect(await problems(LeadersArgs, { body: 'CONGRESS', includeInactive: true })).toEqual([]);
    expect(await problems(LeadersArgs, { body: 'congress' })).toEqual(['body']);
  });
});
