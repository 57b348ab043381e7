import type { PlanEntryData } from '../../domain/types';
import { changedFields } from '../../schedule/utils/diff-revisions';

/**
 * For a whole week saved again, the id each listed entry keeps: its own when given, else that of
 * an existing entry with exactly the same content not otherwise kept (the first, in plan order).
 * A secretary who reloads a form without ids and saves it unchanged thus changes nothing: the
 * entries keep their ids, so calendars keep their events and the next revision shows no change.
 */
export function matchUnchangedEntries(
  listed: readonly (Omit<PlanEntryData, 'id'> & { id?: string | null })[],
  existing: readonly PlanEntryData[],
): (string | undefined)[] {
  const taken = new Set(listed.map((e) => e.id).filter((id): id is string => !!id));
  return listed.map((entry) => {
    if (entry.id) return entry.id;
    const same = existing.find((e) => !taken.has(e.id) && changedFields(e, { ...entry, id: e.id }).length === 0);
    if (!same) return undefined;
    taken.add(same.id);
    return same.id;
  });
}
