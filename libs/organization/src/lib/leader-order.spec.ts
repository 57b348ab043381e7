import { compareStrings, indexLeaders, leaderName, MAX_RANK, rankAfter, sortLeaderIds } from './leader-order';

// Part of the demo district: ranks as in the seed.
const LEADERS = [
  { id: 'wang', name: '王建国', rank: 1 },
  { id: 'li', name: '李明', rank: 2 },
  { id: 'zhang', name: '张华', rank: 3 },
  { id: 'chen', name: '陈强', rank: 5 },
  { id: 'sun', name: '孙伟', rank: 7 },
  { id: 'zhou', name: '周静', rank: 8 },
];

describe('sortLeaderIds', () => {
  const byId = indexLeaders(LEADERS);

  it('orders by rank, not by id or input order', () => {
    // ids alphabetically: chen, li, wang, zhang; ranks: wang 1, li 2, zhang 3, chen 5
    expect(sortLeaderIds(['chen', 'zhang', 'wang', 'li'], byId)).toEqual(['wang', 'li', 'zhang', 'chen']);
  });

  it('drops duplicates', () => {
    expect(sortLeaderIds(['sun', 'wang', 'sun'], byId)).toEqual(['wang', 'sun']);
  });

  it('puts unknown leaders last, by id', () => {
    expect(sortLeaderIds(['retired-b', 'zhou', 'retired-a', 'wang'], byId)).toEqual(['wang', 'zhou', 'retired-a', 'retired-b']);
  });
});

describe('leaderName', () => {
  it('names known leaders and falls back to the id', () => {
    const byId = indexLeaders(LEADERS);
    expect(leaderName('wang', byId)).toBe('王建国');
    expect(leaderName('ghost', byId)).toBe('ghost');
  });
});

describe('compareStrings', () => {
  it('compares by code unit, independent of locale', () => {
    expect(['b', 'B', 'a', '王', '10', '9'].sort(compareStrings)).toEqual(['10', '9', 'B', 'a', 'b', '王']);
  });
});

describe('rankAfter', () => {
  it('puts a new leader after the last one, first when there is none, never past the highest rank', () => {
    expect(rankAfter(LEADERS.map((l) => l.rank))).toBe(9);
    expect(rankAfter([])).toBe(1);
    expect(rankAfter([MAX_RANK])).toBe(MAX_RANK);
  });
});
