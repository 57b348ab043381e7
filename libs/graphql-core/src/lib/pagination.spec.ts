import { decodeCursor, encodeCursor, toConnection } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a cursor and rejects garbage as BAD_USER_INPUT on `after`', () => {
    expect(decodeCursor(encodeCursor('2026-11-23T00:00:00.000Z', 'id-1'))).toEqual({ sortKey: '2026-11-23T00:00:00.000Z', id: 'id-1' });
    expect(() => decodeCursor('garbage')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
  });

  it('builds a page from first + 1 rows', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toConnection(rows, 2, 10, (r) => r.id);
    expect(page.nodes).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor as string)).toEqual({ sortKey: 'b', id: 'b' });
    expect(toConnection(rows.slice(0, 2), 2, 2, (r) => r.id).pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], 2, 0, (r: { id: string }) => r.id).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
