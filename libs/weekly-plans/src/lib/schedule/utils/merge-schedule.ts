import type { LeaderInfo, MergedEvent, PlanEntryData } from '../../domain/types';
import { HALF_DAY_BOUNDS, HalfDayBounds, intervalOf } from '@siban/district-time';
import { compareLeaderIds, indexLeaders, sortLeaderIds } from '@siban/organization';

/**
 * Text as compared between offices: secretaries type the same title with different spacing and
 * full-width or half-width punctuation ("常委会（扩大）" vs "常委会 (扩大)"). NFKC folds full-width
 * forms to half-width; whitespace and punctuation are then dropped entirely.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
}

/** The plan's own leader plus attendees: everyone the entry commits. */
export function entryLeaderIds(entry: PlanEntryData): string[] {
  return [...new Set([entry.leaderId, ...entry.attendeeLeaderIds])];
}

function sharesLeader(a: PlanEntryData, b: PlanEntryData): boolean {
  const inA = new Set(entryLeaderIds(a));
  return entryLeaderIds(b).some((id) => inA.has(id));
}

/**
 * Entries that record the same joint event, each group in input order (so its first entry is the
 * canonical, earliest-created one), groups ordered by their first entry.
 *
 * Two entries in the same leader's plan are never linked directly: a leader with "调研" both
 * morning and afternoon has two events, not one inconsistent one. They can still end up in one
 * group through a third entry, because grouping is transitive.
 */
export function groupJointEntries(entries: readonly PlanEntryData[]): PlanEntryData[][] {
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  // The smaller index becomes the root, so each root is its group's earliest entry.
  const union = (i: number, j: number) => {
    const [ri, rj] = [find(i), find(j)];
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };

  const buckets = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const title = normalizeText(e.title);
    // An empty or punctuation-only title says nothing about which event an entry records.
    if (!title) return;
    const key = `${e.date}\u0000${title}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(i);
    else buckets.set(key, [i]);
  });
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const [a, b] = [entries[bucket[x]], entries[bucket[y]]];
        if (a.leaderId !== b.leaderId && sharesLeader(a, b)) union(bucket[x], bucket[y]);
      }
    }
  }

  const groups = new Map<number, PlanEntryData[]>();
  entries.forEach((e, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(e);
    else groups.set(root, [e]);
  });
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

/** One merged event from a joint group; it carries the canonical entry's fields and timing. */
export function eventFromGroup(
  group: readonly PlanEntryData[],
  leadersById: ReadonlyMap<string, LeaderInfo>,
  bounds: HalfDayBounds = HALF_DAY_BOUNDS,
): MergedEvent {
  const [canonical] = group;
  if (!canonical) throw new Error('Cannot merge an empty group of entries');
  return {
    id: canonical.id,
    entryIds: group.map((e) => e.id),
    leaderIds: sortLeaderIds(group.flatMap(entryLeaderIds), leadersById),
    entry: canonical,
    interval: intervalOf(canonical, bounds),
  };
}

/**
 * The district's merged schedule. `entries` must be in creation order: the first entry of each
 * joint group becomes the canonical one. Events are ordered by start, then by protocol rank of
 * their first leader; remaining ties keep creation order.
 */
export function mergeEntries(
  entries: readonly PlanEntryData[],
  leaders: readonly LeaderInfo[],
  bounds: HalfDayBounds = HALF_DAY_BOUNDS,
): MergedEvent[] {
  const leadersById = indexLeaders(leaders);
  return sortEvents(
    groupJointEntries(entries).map((group) => eventFromGroup(group, leadersById, bounds)),
    leadersById,
  );
}

/** Events by start, then by protocol rank of their first leader; the sort is stable. */
export function sortEvents<E extends Pick<MergedEvent, 'interval' | 'leaderIds'>>(
  events: E[],
  leadersById: ReadonlyMap<string, LeaderInfo>,
): E[] {
  const byLeader = compareLeaderIds(leadersById);
  return events.sort((a, b) => a.interval.start.getTime() - b.interval.start.getTime() || byLeader(a.leaderIds[0], b.leaderIds[0]));
}
