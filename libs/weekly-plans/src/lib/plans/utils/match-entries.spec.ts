import { entry } from '../../utils/test-fixtures';
import { matchUnchangedEntries } from './match-entries';

describe('matchUnchangedEntries', () => {
  const a = entry({ id: 'a', title: '常委会' });
  const b = entry({ id: 'b', title: '调研', slot: 'AFTERNOON' });
  const strip = ({ id: _id, ...rest }: typeof a) => rest;

  it('gives entries listed without ids the ids of identical existing entries', () => {
    expect(matchUnchangedEntries([strip(b), strip(a)], [a, b])).toEqual(['b', 'a']);
  });

  it('leaves changed entries new, and never gives one id twice', () => {
    expect(matchUnchangedEntries([strip(a), { ...strip(b), place: '高新区' }], [a, b])).toEqual(['a', undefined]);
    expect(matchUnchangedEntries([strip(a), strip(a)], [a])).toEqual(['a', undefined]);
    // An id given explicitly is not handed to another entry.
    expect(matchUnchangedEntries([strip(a), { ...strip(b), id: 'a' }], [a])).toEqual([undefined, 'a']);
  });

  it('treats attendees as a set', () => {
    const joint = entry({ id: 'j', attendeeLeaderIds: ['li', 'zhang'] });
    expect(matchUnchangedEntries([{ ...strip(joint), attendeeLeaderIds: ['zhang', 'li'] }], [joint])).toEqual(['j']);
  });
});
