import fc from 'fast-check';
import type { HeldSlot, HolidayCalendar, PostSpec, ShiftSlot, ShiftTemplate, Tally, Unavailability } from '../domain/types';
import { classifyRange } from './classify-date';
import { generateRoster, GenerateRosterInput, PersonHistory } from './generate-roster';
import { listShiftSlots } from './list-shift-slots';
import { addDays, dayNumber, isWeekend } from './local-date';
import { shiftMinutes } from './shift-time';
import { people } from './test-fixtures';

// Properties of generateRoster over random pools, calendars, posts and unavailability. The rules
// are checked here from first principles (pairs of shifts), not through the index the generator
// uses, so a bug shared by both cannot hide.

const DAY24: ShiftTemplate = { id: 'day24', startTime: '08:30', durationMinutes: 1440 };
const DAY: ShiftTemplate = { id: 'day', startTime: '08:30', durationMinutes: 720 };
const NIGHT: ShiftTemplate = { id: 'night', startTime: '20:30', durationMinutes: 720 };
const TEMPLATES = [DAY24, DAY, NIGHT];
const byId = new Map(TEMPLATES.map((t) => [t.id, t]));

/** A random calendar for 2026 and 2027: holiday runs of 1 to 9 days, and 调休 on some weekend days outside them. */
const calendars = fc
  .tuple(
    fc.array(fc.record({ start: fc.integer({ min: 0, max: 729 }), length: fc.integer({ min: 1, max: 9 }) }), { maxLength: 14 }),
    fc.array(fc.integer({ min: 0, max: 729 }), { maxLength: 14 }),
  )
  .map(([runs, adjusted]): HolidayCalendar[] => {
    const first = dayNumber('2026-01-01');
    const holidayDays = new Set<number>();
    const years = new Map<number, HolidayCalendar>(
      [2026, 2027].map((year) => [year, { year, source: 'test', holidays: [], adjustedWorkdays: [] }]),
    );
    runs.forEach(({ start, length }, i) => {
      const days = Array.from({ length }, (_, k) => first + start + k).filter((d) => !holidayDays.has(d) && d < first + 730);
      if (days.length === 0 || days.some((d, k) => k > 0 && d !== days[k - 1] + 1)) return;
      days.forEach((d) => holidayDays.add(d));
      const from = addDays('2026-01-01', days[0] - first);
      years.get(Number(from.slice(0, 4)))?.holidays.push({ name: `H${i}`, from, to: addDays(from, days.length - 1) });
    });
    for (const offset of adjusted) {
      const date = addDays('2026-01-01', offset);
      if (!isWeekend(date) || holidayDays.has(first + offset)) continue;
      years.get(Number(date.slice(0, 4)))?.adjustedWorkdays.push({ date, for: 'H0' });
    }
    return [...years.values()];
  });

const period = fc
  .record({ start: fc.integer({ min: 0, max: 300 }), length: fc.integer({ min: 1, max: 120 }) })
  .map(({ start, length }) => ({
    from: addDays('2026-01-01', start),
    to: addDays('2026-01-01', start + length - 1),
  }));

/** One to three posts on a 24-hour or day/night pattern, some staffed on holidays only. */
const postSets = fc.constantFrom<PostSpec[][]>(
  [{ id: 'officer', templateId: 'day24', days: 'EVERY_DAY', seats: 1 }],
  [
    { id: 'leader', templateId: 'day24', days: 'EVERY_DAY', seats: 1 },
    { id: 'officer', templateId: 'day24', days: 'EVERY_DAY', seats: 1 },
    { id: 'extra', templateId: 'day24', days: 'HOLIDAYS', seats: 2 },
  ],
  [
    { id: 'officer', templateId: 'day', days: 'EVERY_DAY', seats: 1 },
    { id: 'night', templateId: 'night', days: 'EVERY_DAY', seats: 1 },
    { id: 'weekend', templateId: 'day24', days: 'NON_WORKDAYS', seats: 1 },
  ],
);

/** Pools per post, drawn from one set of people (so posts share people and cross-post rules matter). */
const scenario = fc
  .record({
    calendars,
    period,
    posts: postSets,
    size: fc.integer({ min: 1, max: 9 }),
    seed: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
  })
  .chain(({ calendars, period, posts, size, seed }) => {
    const everyone = people(size + 3);
    const pools = Object.fromEntries(
      posts.map((post, i) => [post.id, everyone.filter((_, k) => (k + seed[i] + i) % 4 !== 0).slice(0, size)]),
    );
    const unavailability = fc.array(
      fc.record({
        personId: fc.constantFrom(...everyone),
        start: fc.integer({ min: -3, max: dayNumber(period.to) - dayNumber(period.from) + 3 }),
        length: fc.integer({ min: 1, max: 12 }),
      }),
      { maxLength: size * 2 },
    );
    // Shifts held right before the period: the boundary rule must see them.
    const recent = fc.array(
      fc.record({ personId: fc.constantFrom(...everyone), post: fc.constantFrom(...posts), daysBefore: fc.integer({ min: 1, max: 2 }) }),
      {
        maxLength: 4,
      },
    );
    return fc.record({ unavailability, recent }).map(({ unavailability, recent }): GenerateRosterInput => {
      const taken = new Set<string>();
      const history = new Map<string, PersonHistory & { recentShifts: HeldSlot[] }>();
      for (const r of recent) {
        const shift = {
          date: addDays(period.from, -r.daysBefore),
          templateId: r.post.templateId,
          postId: r.post.id,
          seat: 1,
          personId: r.personId,
        };
        const key = `${shift.date}|${shift.postId}`;
        if (taken.has(key)) continue;
        taken.add(key);
        const entry = history.get(r.personId) ?? { personId: r.personId, tally: { total: 0, weekend: 0, holiday: 0 }, recentShifts: [] };
        entry.recentShifts.push(shift);
        entry.tally.total++;
        history.set(r.personId, entry);
      }
      return {
        ...period,
        templates: TEMPLATES,
        posts,
        dayKinds: classifyRange(period.from, period.to, calendars).kinds,
        pools,
        history: [...history.values()],
        unavailability: unavailability.map(
          (u): Unavailability => ({
            personId: u.personId,
            from: addDays(period.from, u.start),
            to: addDays(period.from, u.start + u.length - 1),
            reason: '请假',
          }),
        ),
      };
    });
  });

interface Timed extends HeldSlot {
  start: number;
  end: number;
}
const timed = (s: HeldSlot): Timed => ({ ...s, ...shiftMinutes(s.date, byId.get(s.templateId) as ShiftTemplate) });

/** The rule two shifts of one person break, if any, decided pair by pair. */
function clash(a: Timed, b: Timed): string | undefined {
  if (a.start < b.end && b.start < a.end) return 'overlap';
  if (a.end === b.start || b.end === a.start) return 'back to back';
  if (a.postId === b.postId && Math.abs(a.start - b.start) <= 1440) return 'consecutive in a post';
  return undefined;
}

function unavailableOn(input: GenerateRosterInput, personId: string, date: string) {
  return (input.unavailability ?? []).some((u) => u.personId === personId && date >= u.from && date <= u.to);
}

/** The first day of month `m` counted from January 2026 (0 = 2026-01, 12 = 2027-01). */
const monthStart = (m: number) => `${2026 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;

const key = (s: ShiftSlot) => `${s.date}|${s.templateId}|${s.postId}|${s.seat}`;

describe('generateRoster, properties', () => {
  it('keeps every rule, fills or reports every seat, and is deterministic', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = generateRoster(input);
        const generated = new Set(result.assignments.map(key));
        const held = [...result.assignments, ...(input.history ?? []).flatMap((h) => h.recentShifts)].map(timed);

        // No consecutive, back-to-back or overlapping shifts per person, across the boundary too.
        const broken: string[] = [];
        const byPerson = new Map<string, Timed[]>();
        for (const shift of held) byPerson.set(shift.personId, [...(byPerson.get(shift.personId) ?? []), shift]);
        for (const shifts of byPerson.values()) {
          for (let i = 0; i < shifts.length; i++) {
            for (let j = i + 1; j < shifts.length; j++) {
              if (!generated.has(key(shifts[i])) && !generated.has(key(shifts[j]))) continue; // two shifts of the history
              const rule = clash(shifts[i], shifts[j]);
              if (rule) broken.push(`${shifts[i].personId}: ${key(shifts[i])} and ${key(shifts[j])}: ${rule}`);
            }
          }
        }
        for (const a of result.assignments) {
          if (unavailableOn(input, a.personId, a.date)) broken.push(`${a.personId} unavailable on ${key(a)}`);
          if (!input.pools[a.postId]?.includes(a.personId)) broken.push(`${a.personId} not in the pool of ${key(a)}`);
        }

        // Every seat exactly once: assigned, or a gap with a reason that is true.
        const seats = listShiftSlots(input.from, input.to, input.posts, input.dayKinds).map(key);
        expect([...result.assignments, ...result.gaps.map((g) => g.slot)].map(key).sort()).toEqual([...seats].sort());
        for (const gap of result.gaps) {
          if (!['NO_POOL', 'ALL_UNAVAILABLE', 'NO_ELIGIBLE_PERSON'].includes(gap.reason) || !gap.message.includes(' / ')) {
            broken.push(`gap ${key(gap.slot)} without a reason`);
          }
          for (const personId of input.pools[gap.slot.postId] ?? []) {
            const candidate = timed({ ...gap.slot, personId });
            const blocked =
              unavailableOn(input, personId, gap.slot.date) || (byPerson.get(personId) ?? []).some((s) => clash(candidate, s));
            if (!blocked) broken.push(`gap ${key(gap.slot)} that ${personId} could take`);
          }
        }
        expect(broken).toEqual([]);

        expect(generateRoster(input)).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps each pool’s total, weekend and holiday counts within one over time, when everyone is free', () => {
    // Month after month, each generated with the history the months before left: the counts are
    // all-time counts, checked at the end of every month.
    const fairScenario = fc.record({
      calendars,
      firstMonth: fc.integer({ min: 0, max: 11 }),
      months: fc.integer({ min: 1, max: 6 }),
      size: fc.integer({ min: 4, max: 12 }),
      posts: fc.constantFrom<PostSpec[][]>(
        [{ id: 'officer', templateId: 'day24', days: 'EVERY_DAY', seats: 1 }],
        [
          { id: 'leader', templateId: 'day24', days: 'EVERY_DAY', seats: 1 },
          { id: 'officer', templateId: 'day24', days: 'EVERY_DAY', seats: 1 },
        ],
      ),
    });
    fc.assert(
      fc.property(fairScenario, ({ calendars, firstMonth, months, size, posts }) => {
        const pools = Object.fromEntries(posts.map((post) => [post.id, people(size, post.id)]));
        const everyone = Object.values(pools).flat();
        let history: PersonHistory[] = [];
        for (let m = firstMonth; m < firstMonth + months; m++) {
          const from = monthStart(m);
          const to = addDays(monthStart(m + 1), -1);
          const result = generateRoster({
            from,
            to,
            templates: TEMPLATES,
            posts,
            dayKinds: classifyRange(from, addDays(to, 1), calendars).kinds,
            pools,
            history,
          });
          expect(result.gaps).toEqual([]);
          for (const pool of Object.values(pools)) {
            for (const count of ['total', 'weekend', 'holiday'] as const) {
              const values = pool.map((p) => (result.tallies.get(p) as Tally)[count]);
              expect([from, count, Math.max(...values) - Math.min(...values) <= 1]).toEqual([from, count, true]);
            }
          }
          history = everyone.map((personId) => ({
            personId,
            tally: result.tallies.get(personId) as Tally,
            recentShifts: result.assignments.filter((a) => a.personId === personId).slice(-2),
          }));
        }
      }),
      { numRuns: 300 },
    );
  });
});
