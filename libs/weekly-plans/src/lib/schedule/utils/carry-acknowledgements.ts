import type { Acknowledgement, Conflict, PlanEntryData } from '../../domain/types';
import { changedFields } from './diff-revisions';

/**
 * The notes of the previous revision's acknowledgements that still hold, by conflict key. A key
 * names the entries involved, not what they say, so a note carries over only while every one of
 * those entries is unchanged since that revision and the conflict involves the same leaders:
 * a moved meeting, or a new principal leader, is a new situation to acknowledge.
 */
export function carriedNotes(
  conflicts: readonly Conflict[],
  previous: { entries: readonly PlanEntryData[]; acknowledgements: readonly Acknowledgement[] } | null,
  entries: readonly PlanEntryData[],
): Map<string, string> {
  const notes = new Map<string, string>();
  if (!previous) return notes;
  const acknowledged = new Map(previous.acknowledgements.map((a) => [a.key, a]));
  const [before, now] = [new Map(previous.entries.map((e) => [e.id, e])), new Map(entries.map((e) => [e.id, e]))];
  const unchanged = (id: string) => {
    const [b, n] = [before.get(id), now.get(id)];
    return b !== undefined && n !== undefined && changedFields(b, n).length === 0;
  };
  for (const conflict of conflicts) {
    const ack = acknowledged.get(conflict.key);
    if (!ack || !ack.note.trim()) continue;
    if (ack.leaderIds.join() !== conflict.leaderIds.join() || !conflict.entryIds.every(unchanged)) continue;
    notes.set(conflict.key, ack.note);
  }
  return notes;
}
