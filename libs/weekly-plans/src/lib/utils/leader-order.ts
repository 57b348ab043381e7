import type { LeaderInfo } from '../domain/types';

/**
 * Code-unit string order. Ids and keys must sort the same on every machine, which
 * `localeCompare` does not guarantee.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function indexLeaders(leaders: readonly LeaderInfo[]): Map<string, LeaderInfo> {
  return new Map(leaders.map((l) => [l.id, l]));
}

/**
 * Protocol order: by rank; leaders missing from the directory (e.g. deactivated since the entry
 * was written) go last, by id, so output stays deterministic rather than failing.
 */
export function compareLeaderIds(leadersById: ReadonlyMap<string, LeaderInfo>): (a: string, b: string) => number {
  return (a, b) => {
    const ra = leadersById.get(a)?.rank ?? Number.POSITIVE_INFINITY;
    const rb = leadersById.get(b)?.rank ?? Number.POSITIVE_INFINITY;
    return ra !== rb ? (ra < rb ? -1 : 1) : compareStrings(a, b);
  };
}

/** Distinct ids in protocol order. */
export function sortLeaderIds(ids: Iterable<string>, leadersById: ReadonlyMap<string, LeaderInfo>): string[] {
  return [...new Set(ids)].sort(compareLeaderIds(leadersById));
}

/** Display name, falling back to the id so a message never prints "undefined". */
export function leaderName(id: string, leadersById: ReadonlyMap<string, LeaderInfo>): string {
  return leadersById.get(id)?.name ?? id;
}
