import type { LocalDate, RuleCode, ShiftSlot, ShiftTemplate, Unavailability } from '../domain/types';
import { dayNumber } from './local-date';
import { shiftMinutes } from './shift-time';

// The rules every roster obeys, whoever changes it (generation, a swap, an override):
// - CONSECUTIVE_SHIFT: nobody holds two shifts of one post that start within 24 hours of each
//   other (for a daily template: on adjacent dates), nor two shifts back to back in any posts
//   (one ends as the other starts: no 48 hours on end through a second post).
// - DOUBLE_BOOKED: nobody holds two shifts that overlap in time (two seats of one shift included).
// - UNAVAILABLE: nobody holds a shift named by a date they declared unavailable.
// Templates last at most 24 hours, so every shift that can break a rule with a shift of date d
// starts on d-1, d or d+1: the index below keeps each person's shifts by start day.

const DAY = 1440;
const NONE: ReadonlySet<string> = new Set();

export function slotKey(slot: ShiftSlot): string {
  return `${slot.date}|${slot.templateId}|${slot.postId}|${slot.seat}`;
}

export function sameSlot(a: ShiftSlot, b: ShiftSlot): boolean {
  return a.date === b.date && a.templateId === b.templateId && a.postId === b.postId && a.seat === b.seat;
}

interface Timed {
  slot: ShiftSlot;
  key: string;
  day: number;
  start: number;
  end: number;
}

export interface Blocker {
  code: Extract<RuleCode, 'CONSECUTIVE_SHIFT' | 'DOUBLE_BOOKED' | 'UNAVAILABLE'>;
  /** The shift held that the rule collides with (none for UNAVAILABLE). */
  other?: ShiftSlot;
  /** The declared reason, for UNAVAILABLE. */
  reason?: string;
}

/** Who holds which shift, indexed for the rules; the generator and the change checks share it. */
export class Holdings {
  private readonly templates: Map<string, ShiftTemplate>;
  private readonly byPerson = new Map<string, Map<number, Timed[]>>();
  private readonly unavailable = new Map<string, { from: number; to: number; reason: string }[]>();
  // Times of every shift seen, by key: the generator asks about the same few hundred shifts for
  // every candidate, and reading dates is the costly part.
  private readonly timedByKey = new Map<string, Timed>();
  private readonly timedBySlot = new WeakMap<ShiftSlot, Timed>();

  constructor(templates: readonly ShiftTemplate[], unavailability: readonly Unavailability[] = []) {
    this.templates = new Map(templates.map((t) => [t.id, t]));
    for (const u of unavailability) {
      const list = this.unavailable.get(u.personId) ?? [];
      list.push({ from: dayNumber(u.from), to: dayNumber(u.to), reason: u.reason });
      this.unavailable.set(u.personId, list);
    }
  }

  timed(slot: ShiftSlot): Timed {
    const seen = this.timedBySlot.get(slot);
    if (seen) return seen;
    const key = slotKey(slot);
    let timed = this.timedByKey.get(key);
    if (!timed) {
      const template = this.templates.get(slot.templateId);
      if (!template) throw new RangeError(`unknown shift template ${slot.templateId}`);
      const { start, end } = shiftMinutes(slot.date, template);
      timed = {
        slot: { date: slot.date, templateId: slot.templateId, postId: slot.postId, seat: slot.seat },
        key,
        day: dayNumber(slot.date),
        start,
        end,
      };
      this.timedByKey.set(key, timed);
    }
    this.timedBySlot.set(slot, timed);
    return timed;
  }

  add(personId: string, slot: ShiftSlot): void {
    const timed = this.timed(slot);
    let days = this.byPerson.get(personId);
    if (!days) this.byPerson.set(personId, (days = new Map()));
    const list = days.get(timed.day) ?? [];
    list.push(timed);
    days.set(timed.day, list);
  }

  remove(personId: string, slot: ShiftSlot): void {
    const { key, day } = this.timed(slot);
    const list = this.byPerson.get(personId)?.get(day);
    const index = list?.findIndex((t) => t.key === key) ?? -1;
    if (!list || index < 0) throw new RangeError(`${personId} does not hold ${key}`);
    list.splice(index, 1);
  }

  holds(personId: string, slot: ShiftSlot): boolean {
    const { key, day } = this.timed(slot);
    return (
      this.byPerson
        .get(personId)
        ?.get(day)
        ?.some((t) => t.key === key) ?? false
    );
  }

  /** The declared unavailability covering a date (or day number), if any. */
  unavailableOn(personId: string, date: LocalDate | number): { reason: string } | undefined {
    const day = typeof date === 'number' ? date : dayNumber(date);
    return this.unavailable.get(personId)?.find((u) => day >= u.from && day <= u.to);
  }

  /**
   * Every rule `personId` would break by holding `slot`, as things stand; shifts listed in
   * `ignoring` count as already given away (a swap or a move checks its outcome this way).
   */
  blockers(personId: string, slot: ShiftSlot, ignoring: readonly ShiftSlot[] = []): Blocker[] {
    const found: Blocker[] = [];
    const target = this.timed(slot);
    const unavailable = this.unavailableOn(personId, target.day);
    if (unavailable) found.push({ code: 'UNAVAILABLE', reason: unavailable.reason });
    const ignored = ignoring.length === 0 ? NONE : new Set(ignoring.map(slotKey));
    const days = this.byPerson.get(personId);
    for (let day = target.day - 1; day <= target.day + 1; day++) {
      for (const held of days?.get(day) ?? []) {
        if (held.key === target.key || ignored.has(held.key)) continue;
        const blocker = collision(target, held);
        if (blocker) found.push({ code: blocker, other: held.slot });
      }
    }
    return found;
  }

  canHold(personId: string, slot: ShiftSlot, ignoring: readonly ShiftSlot[] = []): boolean {
    return this.blockers(personId, slot, ignoring).length === 0;
  }
}

function collision(a: Timed, b: Timed): Blocker['code'] | undefined {
  if (a.start < b.end && b.start < a.end) return 'DOUBLE_BOOKED';
  if (a.end === b.start || b.end === a.start) return 'CONSECUTIVE_SHIFT';
  if (a.slot.postId === b.slot.postId && Math.abs(a.start - b.start) <= DAY) return 'CONSECUTIVE_SHIFT';
  return undefined;
}
