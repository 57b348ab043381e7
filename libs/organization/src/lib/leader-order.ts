/** What protocol order needs of a leader; any richer leader record will do. */
export interface RankedLeader {
  id: string;
  name: string;
  rank: number;
}

/**
 * Code-unit string order. Ids and keys must sort the same on every machine, which
 * `localeCompare` does not guarantee.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function indexLeaders<L extends RankedLeader>(leaders: readonly L[]): Map<string, L> {
  return new Map(leaders.map((l) => [l.id, l]));
}

/**
 * Protocol order: by rank; leaders missing from the directory (e.g. deactivated since the entry
 * was written) go last, by id, so output stays deterministic rather than failing.
 */
export function compareLeaderIds(leadersById: ReadonlyMap<string, RankedLeader>): (a: string, b: string) => number {
  return (a, b) => {
    const ra = leadersById.get(a)?.rank ?? Number.POSITIVE_INFINITY;
    const rb = leadersById.get(b)?.rank ?? Number.POSITIVE_INFINITY;
    return ra !== rb ? (ra < rb ? -1 : 1) : compareStrings(a, b);
  };
}

/** Distinct ids in protocol order. */
export function sortLeaderIds(ids: Iterable<string>, leadersById: ReadonlyMap<string, RankedLeader>): string[] {
  return [...new Set(ids)].sort(compareLeaderIds(leadersById));
}

/** Display name, falling back to the id so a message never prints "undefined". */
export function leaderName(id: string, leadersById: ReadonlyMap<string, RankedLeader>): string {
  return leadersById.get(id)?.name ?? id;
}

/** The highest rank a leader may have (`CreateLeaderInput.rank`). */
export const MAX_RANK = 999;

/** The rank that puts a new leader last in protocol order, after every leader in office. */
export function rankAfter(ranks: readonly number[]): number {
  return Math.min(MAX_RANK, ranks.reduce((max, rank) => Math.max(max, rank), 0) + 1);
}
