import type { DayKind, HeldSlot, LocalDate, PostSpec, RuleCode, ShiftSlot, ShiftTemplate, Tally, Unavailability } from '../domain/types';
import { listShiftSlots } from './list-shift-slots';
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
  /** The kind of every date from `from` to `to` (`classifyRange(...).kinds`). */
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
 * that day's kind, then the lowest total, then the longest wait since their last shift in the
 * post, then rotation order. Greedy choices can strand a seat or leave a count two apart (the
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
  const slots: Slot[] = listShiftSlots(input.from, input.to, input.posts, input.dayKinds)
    .map((slot) => ({
      slot,
      key: slotKey(slot),
      kind: input.dayKinds.get(slot.date) as DayKind,
      start: holdings.timed(slot).start,
      postIndex: postIndex.get(slot.postId) as number,
    }))
    .sort((a, b) => a.start - b.start || a.postIndex - b.postIndex || a.slot.seat - b.slot.seat);

  const pool = (postId: string) => input.pools[postId] ?? [];
  const rank = (personId: string, slot: Slot) =>
    fairnessKey(tallyOf(personId), slot.kind, lastStart.get(`${personId}|${slot.slot.postId}`));
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
        (p) => rank(p, slot),
      );
      if (best === undefined) continue;
      give(slot, best);
      filled++;
    }
    return filled;
  };

  fillInOrder();
  fillGaps(slots, holdings, pool, rank, give, take);
  // Evening out can free someone for a seat still empty; fill it, then even out again.
  do evenOut(input.posts, slots, holdings, pool, tallyOf, give, take);
  while (fillInOrder() > 0);

  const gaps = slots.filter((s) => s.holder === undefined).map((s) => describeGap(s.slot, pool(s.slot.postId), holdings));
  const assignments = slots.filter((s) => s.holder !== undefined).map((s) => ({ ...s.slot, personId: s.holder as string }));
  return { assignments, gaps, tallies };
}

function noteStart(lastStart: Map<string, number>, personId: string, postId: string, start: number): void {
  const key = `${personId}|${postId}`;
  lastStart.set(key, Math.max(start, lastStart.get(key) ?? -Infinity));
}

/** Lower is chosen first: the count of the day's kind, then the total, then the longest wait. */
function fairnessKey(tally: Tally, kind: DayKind, lastStart = -Infinity): number[] {
  const { total, weekend, holiday } = tally;
  const workdays = total - weekend - holiday;
  // On a workday, between equal totals, the one with fewer workday shifts so far: the extra
  // total then lands on those with more weekend and holiday shifts, which keeps the three
  // counts from pulling against each other later.
  if (kind === 'HOLIDAY') return [holiday, total, weekend, lastStart];
  if (kind === 'WEEKEND') return [weekend, total, holiday, lastStart];
  return [total, workdays, lastStart];
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
  rank: (personId: string, slot: Slot) => number[],
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
      const replacement = pickBest(others, (p) => rank(p, neighbour));
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

/**
 * Evens out each pool's counts: while some count is two or more apart, a shift of the one ahead
 * moves to the one behind, or the two exchange a shift of that kind for one of another. A move
 * is made only when every rule still holds and the pool's sum of squared counts (all three
 * kinds) goes down, so the loop ends, and no seat is ever emptied.
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
  for (const post of posts) {
    const members = pool(post.id);
    const mine = slots.filter((s) => s.slot.postId === post.id);
    const heldBy = (personId: string) => mine.filter((s) => s.holder === personId);
    // The change in the pool's sum of squares when `from` gives up `gives` and receives `gets`.
    const gain = (from: string, to: string, gives: Slot, gets?: Slot) => {
      let delta = 0;
      for (const count of COUNTS) {
        const moved = (counts(gives.kind).includes(count) ? 1 : 0) - (gets && counts(gets.kind).includes(count) ? 1 : 0);
        // (a - m)² + (b + m)² - a² - b², for m moved from a to b
        delta += 2 * moved * (tallyOf(to)[count] - tallyOf(from)[count] + moved);
      }
      return delta;
    };
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
              if (gain(x, y, s) < 0 && holdings.canHold(y, s.slot)) {
                take(s);
                give(s, y);
                return true;
              }
              for (const u of heldBy(y)) {
                if (u.kind === s.kind || gain(x, y, s, u) >= 0) continue;
                if (holdings.canHold(y, s.slot, [u.slot]) && holdings.canHold(x, u.slot, [s.slot])) {
                  take(s);
                  take(u);
                  give(s, y);
                  give(u, x);
                  return true;
                }
              }
            }
          }
        }
      }
      return false;
    };
    while (improve()) {
      // each pass lowers a non-negative integer: it ends
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
