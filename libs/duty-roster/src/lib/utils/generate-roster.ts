import type { DayKind, HeldSlot, LocalDate, PostSpec, RuleCode, ShiftSlot, ShiftTemplate, Tally, Unavailability } from '../domain/types';
import { listShiftSlots } from './list-shift-slots';
import { addDays, MINUTES_PER_DAY } from './local-date';
import { Blocker, Holdings, slotKey } from './roster-rules';
import { countShift, emptyTally } from './tally-shifts';

/** What a person brings into the period: their counts so far, and the shifts that touch its start. */
export interface PersonHistory {
  personId: string;
  /** Counts of every shift held before the period (all posts). */
  tally: Tally;
  /** At least the last shift held in each post before the period (more do no harm). */
  recentShifts: readonly HeldSlot[];
}

export interface GenerateRosterInput {
  from: LocalDate;
  to: LocalDate;
  /** Every template a post or a recent shift names. */
  templates: readonly ShiftTemplate[];
  /** The posts to staff, in the roster's column order. */
  posts: readonly PostSpec[];
  /**
   * The kind of every date from `from` to `to` (`classifyRange(...).kinds`). Give the day after
   * `to` too: the last shift then looks ahead across the end (see reservedFor).
   */
  dayKinds: ReadonlyMap<LocalDate, DayKind>;
  /** Post id → its pool's person ids in rotation order (ties go to the earlier one). */
  pools: Readonly<Record<string, readonly string[]>>;
  history?: readonly PersonHistory[];
  unavailability?: readonly Unavailability[];
}

export type GapReason = 'NO_POOL' | 'ALL_UNAVAILABLE' | 'NO_ELIGIBLE_PERSON';

export interface RosterGap {
  slot: ShiftSlot;
  reason: GapReason;
  message: string;
  /** Why each member of the pool could not take it, in rotation order. */
  blocked: { personId: string; code: RuleCode }[];
}

export interface GenerateRosterResult {
  /** One per filled seat, in shift order. */
  assignments: HeldSlot[];
  /** Seats no one could take without breaking a rule, in shift order. */
  gaps: RosterGap[];
  /** Every pool member's counts after the period, history included. */
  tallies: Map<string, Tally>;
}

const GAP_MESSAGES: Record<GapReason, string> = {
  NO_POOL: '该岗位没有轮值人员 / the post has no one in its pool',
  ALL_UNAVAILABLE: '轮值人员均已请假或外出 / everyone in the pool is unavailable that day',
  NO_ELIGIBLE_PERSON: '无人可排：其余人员连班或时间冲突 / no one can take it without consecutive or overlapping shifts',
};

interface Slot {
  slot: ShiftSlot;
  key: string;
  kind: DayKind;
  start: number;
  postIndex: number;
  holder?: string;
}

/**
 * Fills every seat of every post from `from` to `to` from the pools, or reports it as a gap.
 *
 * Rules are never broken (roster-rules.ts): a seat that nobody can take is a gap with its reason.
 * Fairness is kept over time, not per call: each person's counts of all, weekend and holiday
 * shifts, history included, stay as even as the rules and unavailability allow (within one of
 * each other across a pool when everyone is free and the pool is not tiny). Deterministic: the
 * same input gives the same roster, ties broken by rotation order.
 *
 * How: shifts are filled in time order, each by the eligible person with the lowest count of
 * that day's kind, then the lowest total, then (fairnessKey) the least behind on the other
 * kinds, then the longest wait since their last shift in the post, then rotation order. Greedy choices can strand a seat or leave a count two apart (the
 * only person behind is the one who held yesterday), so two repair passes follow: a gap is
 * filled when moving one neighbouring shift to someone else frees a person for it, and counts
 * more than one apart are evened by moving or exchanging shifts while every rule still holds.
 * Someone new to a pool counts from their history: give them the pool's current counts, or they
 * catch up at once.
 */
export function generateRoster(input: GenerateRosterInput): GenerateRosterResult {
  const holdings = new Holdings(input.templates, input.unavailability);
  const tallies = new Map<string, Tally>();
  const lastStart = new Map<string, number>(); // `${personId}|${postId}` → start of their latest shift in the post
  const tallyOf = (personId: string) => {
    let tally = tallies.get(personId);
    if (!tally) tallies.set(personId, (tally = emptyTally()));
    return tally;
  };
  for (const pool of Object.values(input.pools)) pool.forEach(tallyOf);
  for (const { personId, tally, recentShifts } of input.history ?? []) {
    Object.assign(tallyOf(personId), tally);
    for (const shift of recentShifts) {
      holdings.add(personId, shift);
      noteStart(lastStart, personId, shift.postId, holdings.timed(shift).start);
    }
  }

  const postIndex = new Map(input.posts.map((post, index) => [post.id, index]));
  const toSlots = (from: LocalDate, to: LocalDate): Slot[] =>
    listShiftSlots(from, to, input.posts, input.dayKinds)
      .map((slot) => ({
        slot,
        key: slotKey(slot),
        kind: input.dayKinds.get(slot.date) as DayKind,
        start: holdings.timed(slot).start,
        postIndex: postIndex.get(slot.postId) as number,
      }))
      .sort((a, b) => a.start - b.start || a.postIndex - b.postIndex || a.slot.seat - b.slot.seat);
  const slots = toSlots(input.from, input.to);
  // The shifts of the day after, when its kind is given: only looked at, never filled.
  const dayAfter = addDays(input.to, 1);
  const nextShift = nextShiftOfPost([...slots, ...(input.dayKinds.has(dayAfter) ? toSlots(dayAfter, dayAfter) : [])]);

  const pool = (postId: string) => input.pools[postId] ?? [];
  /**
   * The one person who must take the post's next shift, when it is of a scarcer kind (a holiday
   * after a workday): the only one free that day at the pool's lowest count of that kind. Giving
   * them this shift would bar them from that one (no consecutive shifts) and leave the scarce
   * count two apart; a total one ahead is mended by the many workdays to come.
   */
  const reservedFor = (slot: Slot): string | undefined => {
    const next = nextShift.get(slot);
    if (!next || SCARCITY[next.kind] <= SCARCITY[slot.kind]) return undefined;
    const count = PRIMARY[next.kind];
    const free = pool(next.slot.postId).filter((p) => !holdings.unavailableOn(p, next.slot.date));
    const low = Math.min(...free.map((p) => tallyOf(p)[count]));
    const lowest = free.filter((p) => tallyOf(p)[count] === low);
    return lowest.length === 1 ? lowest[0] : undefined;
  };
  /** The fairness key of each candidate for `slot`, against the counts its pool has reached. */
  const rankFor = (slot: Slot) => {
    const members = pool(slot.slot.postId);
    const lead = {
      weekend: Math.max(0, ...members.map((m) => tallyOf(m).weekend)),
      holiday: Math.max(0, ...members.map((m) => tallyOf(m).holiday)),
    };
    const reserved = reservedFor(slot);
    return (personId: string) => [
      personId === reserved ? 1 : 0,
      ...fairnessKey(tallyOf(personId), slot.kind, lead, lastStart.get(`${personId}|${slot.slot.postId}`)),
    ];
  };
  const give = (slot: Slot, personId: string) => {
    slot.holder = personId;
    holdings.add(personId, slot.slot);
    countShift(tallyOf(personId), slot.kind);
    noteStart(lastStart, personId, slot.slot.postId, slot.start);
  };
  const take = (slot: Slot) => {
    const personId = slot.holder as string;
    holdings.remove(personId, slot.slot);
    countShift(tallyOf(personId), slot.kind, -1);
    slot.holder = undefined;
  };

  const fillInOrder = () => {
    let filled = 0;
    for (const slot of slots) {
      if (slot.holder !== undefined) continue;
      const best = pickBest(
        pool(slot.slot.postId).filter((p) => holdings.canHold(p, slot.slot)),
        rankFor(slot),
      );
      if (best === undefined) continue;
      give(slot, best);
      filled++;
    }
    return filled;
  };

  fillInOrder();
  fillGaps(slots, holdings, pool, rankFor, give, take);
  // Evening out can free someone for a seat still empty; fill it, then even out again.
  do evenOut(input.posts, slots, holdings, pool, tallyOf, give, take);
  while (fillInOrder() > 0);

  const gaps = slots.filter((s) => s.holder === undefined).map((s) => describeGap(s.slot, pool(s.slot.postId), holdings));
  const assignments = slots.filter((s) => s.holder !== undefined).map((s) => ({ ...s.slot, personId: s.holder as string }));
  return { assignments, gaps, tallies };
}

const SCARCITY: Record<DayKind, number> = { WORKDAY: 0, WEEKEND: 1, HOLIDAY: 2 };
const PRIMARY: Record<DayKind, keyof Tally> = { WORKDAY: 'total', WEEKEND: 'weekend', HOLIDAY: 'holiday' };

/** Each shift's next shift in the same post that the no-consecutive rule ties it to (starting within 24 hours). */
function nextShiftOfPost(sorted: readonly Slot[]): Map<Slot, Slot> {
  const next = new Map<Slot, Slot>();
  const pending = new Map<string, Slot[]>(); // post → its latest shift's seats, waiting for a later shift
  for (const slot of sorted) {
    const waiting = pending.get(slot.slot.postId) ?? [];
    if (waiting.length > 0 && waiting[0].start === slot.start) {
      waiting.push(slot);
      continue;
    }
    for (const earlier of waiting) if (slot.start - earlier.start <= MINUTES_PER_DAY) next.set(earlier, slot);
    pending.set(slot.slot.postId, [slot]);
  }
  return next;
}

function noteStart(lastStart: Map<string, number>, personId: string, postId: string, start: number): void {
  const key = `${personId}|${postId}`;
  lastStart.set(key, Math.max(start, lastStart.get(key) ?? -Infinity));
}

/**
 * Lower is chosen first: the count of the day's kind, then the total, then how far behind the
 * pool's lead the person is on weekends and holidays, then the longest wait in the post.
 *
 * The third place keeps the counts from pulling against each other: an extra shift goes to
 * someone already level on weekends and holidays, not to someone behind on them. Otherwise a
 * person ends up ahead on total yet behind on weekends, needing a weekend shift nobody can give
 * them without putting them two ahead on total. On a workday, weekends come before holidays:
 * being behind on holidays is the usual state between two holidays, being behind on weekends
 * must be made up within weeks.
 */
function fairnessKey(tally: Tally, kind: DayKind, lead: { weekend: number; holiday: number }, lastStart = -Infinity): number[] {
  const { total, weekend, holiday } = tally;
  const behindOnWeekends = lead.weekend - weekend;
  const behindOnHolidays = lead.holiday - holiday;
  if (kind === 'HOLIDAY') return [holiday, total, behindOnWeekends, lastStart];
  if (kind === 'WEEKEND') return [weekend, total, behindOnHolidays, lastStart];
  return [total, behindOnWeekends, behindOnHolidays, lastStart];
}

/** The candidate with the smallest key; the first in rotation order on a tie. */
function pickBest(candidates: readonly string[], key: (personId: string) => number[]): string | undefined {
  let best: string | undefined;
  let bestKey: number[] = [];
  for (const candidate of candidates) {
    const candidateKey = key(candidate);
    if (best === undefined || compareKeys(candidateKey, bestKey) < 0) {
      best = candidate;
      bestKey = candidateKey;
    }
  }
  return best;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/**
 * For each empty seat: a person blocked only by one neighbouring shift of this period takes the
 * seat when someone else can take that neighbour over.
 */
function fillGaps(
  slots: Slot[],
  holdings: Holdings,
  pool: (postId: string) => readonly string[],
  rankFor: (slot: Slot) => (personId: string) => number[],
  give: (slot: Slot, personId: string) => void,
  take: (slot: Slot) => void,
): void {
  const byKey = new Map(slots.map((s) => [s.key, s]));
  for (const gap of slots) {
    if (gap.holder !== undefined) continue;
    for (const person of pool(gap.slot.postId)) {
      const blockers = holdings.blockers(person, gap.slot);
      if (blockers.length !== 1 || !blockers[0].other) continue;
      const neighbour = byKey.get(slotKey(blockers[0].other));
      if (!neighbour || neighbour.holder !== person) continue; // a shift before the period stays
      const others = pool(neighbour.slot.postId).filter((p) => p !== person && holdings.canHold(p, neighbour.slot));
      const replacement = pickBest(others, rankFor(neighbour));
      if (replacement === undefined) continue;
      take(neighbour);
      give(neighbour, replacement);
      give(gap, person);
      break;
    }
  }
}

const COUNTS = ['holiday', 'weekend', 'total'] as const;
const counts = (kind: DayKind): (typeof COUNTS)[number][] =>
  kind === 'HOLIDAY' ? ['holiday', 'total'] : kind === 'WEEKEND' ? ['weekend', 'total'] : ['total'];

/** A shift passing from one person to another. */
type Move = [from: string, to: string, slot: Slot];

/**
 * Evens out each pool's counts. While some count is two or more apart, one of three changes is
 * looked for, from the one ahead (x) to the one behind (y): x's shift moves to y; x and y exchange
 * shifts of different kinds; or x's shift goes to a third person z, who passes one of theirs to
 * y (greedy choices strand exactly this: the only people behind on weekends are the ones
 * ahead on totals). A change is made only when every rule still holds and the pool's sum of
 * squared counts (all three kinds) goes down, so the loop ends, and no seat is ever emptied.
 */
function evenOut(
  posts: readonly PostSpec[],
  slots: Slot[],
  holdings: Holdings,
  pool: (postId: string) => readonly string[],
  tallyOf: (personId: string) => Tally,
  give: (slot: Slot, personId: string) => void,
  take: (slot: Slot) => void,
): void {
  const gain = (moves: Move[]) => {
    const deltas = new Map<string, Tally>();
    for (const [from, to, slot] of moves) {
      for (const [person, sign] of [[from, -1] as const, [to, 1] as const]) {
        let delta = deltas.get(person);
        if (!delta) deltas.set(person, (delta = emptyTally()));
        countShift(delta, slot.kind, sign);
      }
    }
    let change = 0;
    for (const [person, delta] of deltas) {
      for (const count of COUNTS) change += (tallyOf(person)[count] + delta[count]) ** 2 - tallyOf(person)[count] ** 2;
    }
    return change;
  };
  const apply = (moves: Move[]) => {
    for (const [, , slot] of moves) take(slot);
    for (const [, to, slot] of moves) give(slot, to);
  };

  for (const post of posts) {
    const members = pool(post.id);
    const mine = slots.filter((s) => s.slot.postId === post.id);
    const heldBy = (personId: string) => mine.filter((s) => s.holder === personId);
    const improve = (): boolean => {
      for (const count of COUNTS) {
        const values = members.map((m) => tallyOf(m)[count]);
        const high = Math.max(...values);
        const low = Math.min(...values);
        if (high - low <= 1) continue;
        const ahead = members.filter((m) => tallyOf(m)[count] === high);
        const behind = members.filter((m) => tallyOf(m)[count] === low);
        for (const x of ahead) {
          for (const s of heldBy(x).filter((s) => counts(s.kind).includes(count))) {
            for (const y of behind) {
              if (gain([[x, y, s]]) < 0 && holdings.canHold(y, s.slot)) {
                apply([[x, y, s]]);
                return true;
              }
              for (const u of heldBy(y)) {
                const moves: Move[] = [
                  [x, y, s],
                  [y, x, u],
                ];
                if (gain(moves) < 0 && holdings.canHold(y, s.slot, [u.slot]) && holdings.canHold(x, u.slot, [s.slot])) {
                  apply(moves);
                  return true;
                }
              }
            }
            for (const y of behind) {
              for (const z of members) {
                if (z === x || z === y) continue;
                for (const u of heldBy(z)) {
                  const moves: Move[] = [
                    [x, z, s],
                    [z, y, u],
                  ];
                  if (gain(moves) < 0 && holdings.canHold(y, u.slot) && holdings.canHold(z, s.slot, [u.slot])) {
                    apply(moves);
                    return true;
                  }
                }
              }
            }
          }
        }
      }
      return false;
    };
    while (improve()) {
      // each change lowers a non-negative integer: it ends
    }
  }
}

function describeGap(slot: ShiftSlot, members: readonly string[], holdings: Holdings): RosterGap {
  const blocked = members.map((personId) => ({ personId, code: mainBlocker(holdings.blockers(personId, slot)) }));
  const reason: GapReason =
    members.length === 0 ? 'NO_POOL' : blocked.every((b) => b.code === 'UNAVAILABLE') ? 'ALL_UNAVAILABLE' : 'NO_ELIGIBLE_PERSON';
  return { slot, reason, message: GAP_MESSAGES[reason], blocked };
}

function mainBlocker(blockers: Blocker[]): RuleCode {
  return (blockers.find((b) => b.code === 'UNAVAILABLE') ?? blockers[0])?.code ?? 'NOT_IN_POOL';
}
