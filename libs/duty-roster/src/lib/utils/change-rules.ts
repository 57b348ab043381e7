import type { HeldSlot, RuleCode, RuleViolation, ShiftSlot, ShiftTemplate, Unavailability } from '../domain/types';
import { Blocker, Holdings, sameSlot } from './roster-rules';
import { shiftInterval } from './shift-time';

// The checks behind every change to a published or draft roster: a swap between two people, a
// coordinator's override in an emergency, and the undo of a swap made by mistake. They return
// every broken rule (not just the first) so the API can name them all; the service maps each
// code to its GraphQL error code with CHANGE_ERROR_CODE.

/** What the checks look at: the shifts held around the ones concerned (a day either side is enough). */
export interface RosterState {
  templates: readonly ShiftTemplate[];
  assignments: readonly HeldSlot[];
  unavailability: readonly Unavailability[];
}

/** How the API reports each broken rule: the request itself is wrong, or the roster as it stands refuses it. */
export const CHANGE_ERROR_CODE: Readonly<Record<RuleCode, 'BAD_USER_INPUT' | 'CONFLICT'>> = {
  SWAP_ACROSS_POSTS: 'BAD_USER_INPUT',
  SWAP_SAME_PERSON: 'BAD_USER_INPUT',
  SWAP_SAME_SHIFT: 'BAD_USER_INPUT',
  REASON_REQUIRED: 'BAD_USER_INPUT',
  ALREADY_HOLDS: 'BAD_USER_INPUT',
  NOT_IN_POOL: 'BAD_USER_INPUT',
  SHIFT_NOT_HELD: 'CONFLICT',
  SHIFT_STARTED: 'CONFLICT',
  UNAVAILABLE: 'CONFLICT',
  CONSECUTIVE_SHIFT: 'CONFLICT',
  DOUBLE_BOOKED: 'CONFLICT',
  UNDO_STALE: 'CONFLICT',
};

const MESSAGES: Record<RuleCode, (slot?: ShiftSlot, detail?: string) => string> = {
  SWAP_ACROSS_POSTS: () => '只能与同一岗位的人员换班 / a swap must be between two people of the same post',
  SWAP_SAME_PERSON: () => '不能与自己换班 / one cannot swap with oneself',
  SWAP_SAME_SHIFT: () => '两个班次是同一班次，无需换班 / both seats are on the same shift',
  REASON_REQUIRED: () => '紧急调整必须填写原因 / an override needs a reason',
  ALREADY_HOLDS: (slot) => `该人员已在 ${slot?.date} 班次 / already holds the shift of ${slot?.date}`,
  NOT_IN_POOL: () => '该人员不在此岗位的轮值名单中 / not in the pool of this post',
  SHIFT_NOT_HELD: (slot) => `${slot?.date} 班次无人值守 / nobody holds the shift of ${slot?.date}`,
  SHIFT_STARTED: (slot) => `${slot?.date} 班次已开始 / the shift of ${slot?.date} has already started`,
  UNAVAILABLE: (slot, reason) => `${slot?.date} 已登记不能值班（${reason}） / unavailable on ${slot?.date} (${reason})`,
  CONSECUTIVE_SHIFT: (slot, other) => `将连续值班：${slot?.date} 与 ${other} / would hold consecutive shifts: ${slot?.date} and ${other}`,
  DOUBLE_BOOKED: (slot, other) => `${slot?.date} 班次与 ${other} 班次时间重叠 / the shift of ${slot?.date} overlaps that of ${other}`,
  UNDO_STALE: () => '换班之后班次已有变动，无法撤销 / the shifts changed since the swap: it cannot be undone',
};

function violation(code: RuleCode, slot?: ShiftSlot, personId?: string, detail?: string): RuleViolation {
  return { code, message: MESSAGES[code](slot, detail), ...(personId ? { personId } : {}), ...(slot ? { slot } : {}) };
}

function fromBlocker(personId: string, slot: ShiftSlot, blocker: Blocker): RuleViolation {
  return violation(blocker.code, slot, personId, blocker.other ? blocker.other.date : blocker.reason);
}

function holderOf(state: RosterState, slot: ShiftSlot): string | undefined {
  return state.assignments.find((a) => sameSlot(a, slot))?.personId;
}

function holdingsOf(state: RosterState): Holdings {
  const holdings = new Holdings(state.templates, state.unavailability);
  for (const assignment of state.assignments) holdings.add(assignment.personId, assignment);
  return holdings;
}

function started(state: RosterState, slot: ShiftSlot, now: Date | undefined): boolean {
  const template = state.templates.find((t) => t.id === slot.templateId);
  return now !== undefined && template !== undefined && shiftInterval(slot, template).startsAt <= now;
}

/**
 * Whether the holders of `a` and `b` may exchange them: two people of one post, each free on the
 * other's date, and neither left with consecutive or overlapping shifts. With `now`, shifts
 * already started cannot be swapped.
 */
export function checkSwap(state: RosterState, a: ShiftSlot, b: ShiftSlot, options: { now?: Date } = {}): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const holderA = holderOf(state, a);
  const holderB = holderOf(state, b);
  if (a.postId !== b.postId) violations.push(violation('SWAP_ACROSS_POSTS'));
  if (a.date === b.date && a.templateId === b.templateId) violations.push(violation('SWAP_SAME_SHIFT'));
  if (holderA === undefined) violations.push(violation('SHIFT_NOT_HELD', a));
  if (holderB === undefined) violations.push(violation('SHIFT_NOT_HELD', b));
  if (holderA !== undefined && holderA === holderB) violations.push(violation('SWAP_SAME_PERSON', undefined, holderA));
  for (const slot of [a, b]) if (started(state, slot, options.now)) violations.push(violation('SHIFT_STARTED', slot));
  if (violations.length > 0 || holderA === undefined || holderB === undefined) return violations;

  const holdings = holdingsOf(state);
  holdings.remove(holderA, a);
  holdings.remove(holderB, b);
  for (const blocker of holdings.blockers(holderA, b)) violations.push(fromBlocker(holderA, b, blocker));
  holdings.add(holderA, b);
  for (const blocker of holdings.blockers(holderB, a)) violations.push(fromBlocker(holderB, a, blocker));
  return violations;
}

/** The two assignments a swap writes. */
export function swapped(state: RosterState, a: ShiftSlot, b: ShiftSlot): HeldSlot[] {
  const holderA = holderOf(state, a);
  const holderB = holderOf(state, b);
  if (holderA === undefined || holderB === undefined) throw new RangeError('swapped: both shifts must be held (checkSwap first)');
  return [
    { ...a, personId: holderB },
    { ...b, personId: holderA },
  ];
}

export interface OverrideCheck {
  /** The override is refused. */
  violations: RuleViolation[];
  /**
   * Rules the coordinator breaks knowingly in an emergency (consecutive shifts, declared leave,
   * someone outside the pool): allowed, and recorded in the shift's history with the reason.
   */
  warnings: RuleViolation[];
}

/**
 * A coordinator puts `personId` on `slot` (or, with null, empties it) whatever the rotation. A
 * reason is required; nobody can be in two places at once; the rest is recorded as warnings.
 */
export function checkOverride(
  state: RosterState,
  slot: ShiftSlot,
  personId: string | null,
  reason: string,
  options: { pool?: readonly string[] } = {},
): OverrideCheck {
  const violations: RuleViolation[] = [];
  const warnings: RuleViolation[] = [];
  if (reason.trim() === '') violations.push(violation('REASON_REQUIRED'));
  const holder = holderOf(state, slot);
  if (personId === null) {
    if (holder === undefined) violations.push(violation('SHIFT_NOT_HELD', slot));
    return { violations, warnings };
  }
  if (holder === personId) violations.push(violation('ALREADY_HOLDS', slot, personId));
  if (options.pool && !options.pool.includes(personId)) warnings.push(violation('NOT_IN_POOL', slot, personId));
  if (holder === personId) return { violations, warnings };

  const holdings = holdingsOf(state);
  if (holder !== undefined) holdings.remove(holder, slot);
  for (const blocker of holdings.blockers(personId, slot)) {
    (blocker.code === 'DOUBLE_BOOKED' ? violations : warnings).push(fromBlocker(personId, slot, blocker));
  }
  return { violations, warnings };
}

/** A swap as the history recorded it: before it, `a` was held by `personA` and `b` by `personB`. */
export interface RecordedSwap {
  a: ShiftSlot;
  b: ShiftSlot;
  personA: string;
  personB: string;
}

/**
 * Undoing a swap made by mistake swaps back: allowed while both shifts are still as the swap left
 * them (else UNDO_STALE: something changed since, undo that first) and the rules still hold.
 */
export function checkUndoSwap(
  state: RosterState,
  swap: RecordedSwap,
  options: { now?: Date } = {},
): { violations: RuleViolation[]; restored: HeldSlot[] } {
  const restored = [
    { ...swap.a, personId: swap.personA },
    { ...swap.b, personId: swap.personB },
  ];
  if (holderOf(state, swap.a) !== swap.personB || holderOf(state, swap.b) !== swap.personA) {
    return { violations: [violation('UNDO_STALE')], restored };
  }
  return { violations: checkSwap(state, swap.a, swap.b, options), restored };
}
