import type { DayKind, LocalDate, ShiftRef, Tally } from '../domain/types';

export const emptyTally = (): Tally => ({ total: 0, weekend: 0, holiday: 0 });

/** Adds one shift of a day of `kind` to a tally (in place). A shift counts by the date it starts. */
export function countShift(tally: Tally, kind: DayKind, sign: 1 | -1 = 1): void {
  tally.total += sign;
  if (kind === 'WEEKEND') tally.weekend += sign;
  if (kind === 'HOLIDAY') tally.holiday += sign;
}

export interface TallyResult {
  /** Per person, in the order they first appear in `shifts`. */
  tallies: Map<string, Tally>;
  /** Dates of counted shifts with no day kind (a year with no calendar): counted in `total` only. */
  unclassified: LocalDate[];
}

/**
 * Each person's shifts: all, on weekends, on holidays (调休 working days count as workdays).
 * With a range, only shifts whose date lies in it (both ends included).
 */
export function tallyShifts(
  shifts: readonly (ShiftRef & { personId: string })[],
  dayKinds: ReadonlyMap<LocalDate, DayKind>,
  range?: { from: LocalDate; to: LocalDate },
): TallyResult {
  const tallies = new Map<string, Tally>();
  const unclassified = new Set<LocalDate>();
  for (const shift of shifts) {
    if (range && (shift.date < range.from || shift.date > range.to)) continue;
    let tally = tallies.get(shift.personId);
    if (!tally) tallies.set(shift.personId, (tally = emptyTally()));
    const kind = dayKinds.get(shift.date);
    if (kind) countShift(tally, kind);
    else {
      tally.total++;
      unclassified.add(shift.date);
    }
  }
  return { tallies, unclassified: [...unclassified].sort() };
}
