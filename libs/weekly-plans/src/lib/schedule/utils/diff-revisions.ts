import type { EntryChange, PlanEntryData, RevisionDiff } from '../../domain/types';
import { compareStrings } from '@siban/organization';

type DiffField = Exclude<keyof PlanEntryData, 'id'>;

/** Fields compared between revisions, in the order `EntryChange.fields` reports them. */
export const ENTRY_DIFF_FIELDS = Object.freeze([
  'leaderId',
  'date',
  'endDate',
  'slot',
  'startAt',
  'endAt',
  'kind',
  'title',
  'place',
  'leadOfficeCode',
  'attendeeLeaderIds',
  'confidentiality',
  'sessionOf',
  'note',
] as const satisfies readonly DiffField[]);

// Fails to compile when a field is added to PlanEntryData but not to the list above, so a new
// field can never be silently left out of published-change notices.
type Missing = Exclude<DiffField, (typeof ENTRY_DIFF_FIELDS)[number]>;
const everyFieldCompared: [Missing] extends [never] ? true : Missing = true;
void everyFieldCompared;

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    // Attendees are a set: the order they were picked in is not a change.
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const [sa, sb] = [new Set(a), new Set(b)];
    return sa.size === sb.size && [...sa].every((x) => sb.has(x));
  }
  return a === b;
}

/** Names of the fields that differ between two versions of one entry, in ENTRY_DIFF_FIELDS order. */
export function changedFields(before: PlanEntryData, after: PlanEntryData): string[] {
  return ENTRY_DIFF_FIELDS.filter((field) => !sameValue(before[field], after[field]));
}

function byDateThenId(a: PlanEntryData, b: PlanEntryData): number {
  return compareStrings(a.date, b.date) || compareStrings(a.id, b.id);
}

function indexById(entries: readonly PlanEntryData[], which: string): Map<string, PlanEntryData> {
  const map = new Map<string, PlanEntryData>();
  for (const e of entries) {
    // Two rows with one id would make the diff ambiguous; that is a caller bug, not a change.
    if (map.has(e.id)) throw new Error(`Duplicate entry id "${e.id}" in the ${which} revision`);
    map.set(e.id, e);
  }
  return map;
}

/**
 * Entry-by-entry changes between two revisions. Added and removed entries sort by date then id;
 * changed entries by their new date, then id.
 */
export function diffEntries(before: readonly PlanEntryData[], after: readonly PlanEntryData[]): RevisionDiff {
  const old = indexById(before, 'before');
  const now = indexById(after, 'after');
  const added = after.filter((e) => !old.has(e.id)).sort(byDateThenId);
  const removed = before.filter((e) => !now.has(e.id)).sort(byDateThenId);
  const changed: EntryChange[] = [];
  for (const next of [...after].sort(byDateThenId)) {
    const prev = old.get(next.id);
    if (!prev) continue;
    const fields = changedFields(prev, next);
    if (fields.length > 0) changed.push({ entryId: next.id, fields, before: prev, after: next });
  }
  return { added, removed, changed };
}
