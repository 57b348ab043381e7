import { changeSummary } from './change-summary';

describe('changeSummary', () => {
  it('counts what was added, removed and changed', () => {
    expect(changeSummary({ added: 5, removed: 0, changed: 0 })).toBe('新增 5，删除 0，变更 0。');
    expect(changeSummary({ added: 1, removed: 1, changed: 2 })).toBe('新增 1，删除 1，变更 2。');
  });

  it('says there is nothing to see rather than listing zeros', () => {
    expect(changeSummary({ added: 0, removed: 0, changed: 0 })).toBe('无可见变更。');
  });
});
