import type { HeldSlot, PostSpec, Tally } from '../domain/types';
import { classifyRange } from './classify-date';
import { generateRoster, GenerateRosterInput } from './generate-roster';
import { addDays } from './local-date';
import { tallyShifts } from './tally-shifts';
import { DAY24, people, shippedCalendar } from './test-fixtures';

const calendars = [shippedCalendar(2025), shippedCalendar(2026)];
const OFFICER: PostSpec = { id: 'officer', templateId: DAY24.id, days: 'EVERY_DAY', seats: 1 };
const LEADER: PostSpec = { id: 'leader', templateId: DAY24.id, days: 'EVERY_DAY', seats: 1 };
const SECOND: PostSpec = { id: 'second', templateId: DAY24.id, days: 'HOLIDAYS', seats: 1 };

function input(from: string, to: string, overrides: Partial<GenerateRosterInput> = {}): GenerateRosterInput {
  return {
    from,
    to,
    templates: [DAY24],
    posts: [OFFICER],
    dayKinds: classifyRange(from, to, calendars).kinds,
    pools: { officer: people(5) },
    ...overrides,
  };
}

const spread = (tallies: Tally[], count: keyof Tally) =>
  Math.max(...tallies.map((t) => t[count])) - Math.min(...tallies.map((t) => t[count]));
const holders = (assignments: HeldSlot[], postId = 'officer') => assignments.filter((a) => a.postId === postId).map((a) => a.personId);

describe('generateRoster', () => {
  it('rotates through the pool in order when everyone is free and even', () => {
    const { assignments, gaps } = generateRoster(input('2026-11-02', '2026-11-06'));
    expect(gaps).toEqual([]);
    expect(holders(assignments)).toEqual(['p01', 'p02', 'p03', 'p04', 'p05']);
    expect(assignments[0]).toEqual({ date: '2026-11-02', templateId: 'day24', postId: 'officer', seat: 1, personId: 'p01' });
  });

  it('generates the National Day quarter of 2026 with holidays and 调休 days classified and every count within one', () => {
    const from = '2026-09-01';
    const to = '2026-11-30';
    const { kinds } = classifyRange(from, to, calendars);
    expect(['2026-09-20', '2026-10-10'].map((d) => kinds.get(d))).toEqual(['WORKDAY', 'WORKDAY']);
    expect(['2026-09-25', '2026-10-01', '2026-10-03', '2026-10-07'].map((d) => kinds.get(d))).toEqual([
      'HOLIDAY',
      'HOLIDAY',
      'HOLIDAY',
      'HOLIDAY',
    ]);
    expect(['2026-09-19', '2026-10-11'].map((d) => kinds.get(d))).toEqual(['WEEKEND', 'WEEKEND']);

    const pools = { leader: people(8, 'L'), officer: people(12), second: people(6, 's') };
    const { assignments, gaps, tallies } = generateRoster(input(from, to, { posts: [LEADER, OFFICER, SECOND], pools }));
    expect(gaps).toEqual([]);
    expect(assignments.filter((a) => a.postId === 'second').map((a) => a.date)).toEqual([
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    for (const pool of Object.values(pools)) {
      const poolTallies = pool.map((p) => tallies.get(p) as Tally);
      expect([spread(poolTallies, 'total'), spread(poolTallies, 'weekend'), spread(poolTallies, 'holiday')].every((s) => s <= 1)).toBe(
        true,
      );
    }
    // The tallies returned are the ones a count of the assignments gives.
    expect(tallyShifts(assignments, kinds).tallies).toEqual(new Map([...tallies].filter(([, t]) => t.total > 0)));
    for (const postId of ['leader', 'officer']) {
      const list = holders(assignments, postId);
      expect(list.every((p, i) => i === 0 || p !== list[i - 1])).toBe(true);
    }
  });

  it('carries fairness over from the previous period, and the no-consecutive rule across its boundary', () => {
    const pool = people(6);
    const first = generateRoster(input('2026-09-01', '2026-09-30', { pools: { officer: pool } }));
    const last = first.assignments[first.assignments.length - 1];
    const history = pool.map((personId) => ({
      personId,
      tally: first.tallies.get(personId) as Tally,
      recentShifts: first.assignments.filter((a) => a.personId === personId).slice(-1),
    }));
    const second = generateRoster(input('2026-10-01', '2026-10-31', { pools: { officer: pool }, history }));
    expect(second.assignments[0].personId).not.toBe(last.personId);
    const all = pool.map((p) => second.tallies.get(p) as Tally);
    expect(all.map((t) => t.total).reduce((a, b) => a + b)).toBe(61);
    expect(Math.max(spread(all, 'total'), spread(all, 'weekend'), spread(all, 'holiday'))).toBeLessThanOrEqual(1);
  });

  it('gives the next shifts to the people behind', () => {
    const history = [
      { personId: 'p01', tally: { total: 10, weekend: 3, holiday: 1 }, recentShifts: [] },
      { personId: 'p02', tally: { total: 10, weekend: 3, holiday: 1 }, recentShifts: [] },
      { personId: 'p03', tally: { total: 9, weekend: 3, holiday: 1 }, recentShifts: [] },
    ];
    const { assignments } = generateRoster(input('2026-11-02', '2026-11-02', { pools: { officer: ['p01', 'p02', 'p03'] }, history }));
    expect(holders(assignments)).toEqual(['p03']);
  });

  it('respects declared unavailability', () => {
    const unavailability = [{ personId: 'p01', from: '2026-11-01', to: '2026-11-15', reason: '年休假' }];
    const { assignments, gaps } = generateRoster(input('2026-11-02', '2026-11-30', { unavailability }));
    expect(gaps).toEqual([]);
    expect(assignments.filter((a) => a.personId === 'p01').every((a) => a.date > '2026-11-15')).toBe(true);
  });

  it('reports a seat no one can take as a gap with the reason, and fills nothing by breaking a rule', () => {
    const unavailability = [
      { personId: 'p01', from: '2026-11-03', to: '2026-11-03', reason: '出差' },
      { personId: 'p02', from: '2026-11-03', to: '2026-11-03', reason: '年休假' },
    ];
    const { assignments, gaps } = generateRoster(input('2026-11-02', '2026-11-04', { pools: { officer: ['p01', 'p02'] }, unavailability }));
    expect(gaps).toEqual([
      {
        slot: { date: '2026-11-03', templateId: 'day24', postId: 'officer', seat: 1 },
        reason: 'ALL_UNAVAILABLE',
        message: '轮值人员均已请假或外出 / everyone in the pool is unavailable that day',
        blocked: [
          { personId: 'p01', code: 'UNAVAILABLE' },
          { personId: 'p02', code: 'UNAVAILABLE' },
        ],
      },
    ]);
    expect(assignments.map((a) => a.date)).toEqual(['2026-11-02', '2026-11-04']);

    const alone = generateRoster(input('2026-11-02', '2026-11-04', { pools: { officer: ['p01'] } }));
    expect(holders(alone.assignments)).toEqual(['p01', 'p01']);
    expect(alone.gaps.map((g) => [g.slot.date, g.reason, g.blocked])).toEqual([
      ['2026-11-03', 'NO_ELIGIBLE_PERSON', [{ personId: 'p01', code: 'CONSECUTIVE_SHIFT' }]],
    ]);

    const none = generateRoster(input('2026-11-02', '2026-11-02', { pools: {} }));
    expect(none.gaps.map((g) => [g.reason, g.message])).toEqual([['NO_POOL', '该岗位没有轮值人员 / the post has no one in its pool']]);
  });

  it('moves a neighbouring shift to free someone for a seat the greedy pass left empty', () => {
    // In rotation p01 takes the 2nd (p03 is away) and p02 the 3rd; on the 4th p01 and p03 are
    // away and p02 would be on twice running. Handing the 3rd to p03 frees p02 for the 4th.
    const unavailability = [
      { personId: 'p01', from: '2026-11-04', to: '2026-11-04', reason: '出差' },
      { personId: 'p03', from: '2026-11-02', to: '2026-11-02', reason: '出差' },
      { personId: 'p03', from: '2026-11-04', to: '2026-11-04', reason: '出差' },
    ];
    const { assignments, gaps } = generateRoster(
      input('2026-11-02', '2026-11-04', { pools: { officer: ['p01', 'p02', 'p03'] }, unavailability }),
    );
    expect(gaps).toEqual([]);
    expect(holders(assignments)).toEqual(['p01', 'p03', 'p02']);
  });

  it('never puts one person on two overlapping or back-to-back shifts across posts', () => {
    const pools = { leader: ['a', 'b'], officer: ['a', 'b'] };
    const { assignments, gaps } = generateRoster(input('2026-11-02', '2026-11-05', { posts: [LEADER, OFFICER], pools }));
    // Each day needs two different people, and nobody may hold the day after: only days 1 and 3 fit... or 2 and 4.
    const byDate = new Map<string, string[]>();
    for (const a of assignments) byDate.set(a.date, [...(byDate.get(a.date) ?? []), a.personId]);
    for (const [date, persons] of byDate) {
      expect(new Set(persons).size).toBe(persons.length);
      for (const p of persons) expect(byDate.get(addDays(date, 1)) ?? []).not.toContain(p);
    }
    expect(assignments.length + gaps.length).toBe(8);
  });

  it('uses day and night templates: the night after one’s own day shift is refused', () => {
    const day = { id: 'day', startTime: '08:30', durationMinutes: 720 };
    const night = { id: 'night', startTime: '20:30', durationMinutes: 720 };
    const posts: PostSpec[] = [
      { id: 'officer', templateId: 'day', days: 'EVERY_DAY', seats: 1 },
      { id: 'night', templateId: 'night', days: 'EVERY_DAY', seats: 1 },
    ];
    const pool = people(4);
    const { assignments, gaps } = generateRoster(
      input('2026-11-02', '2026-11-08', { templates: [day, night], posts, pools: { officer: pool, night: pool } }),
    );
    expect(gaps).toEqual([]);
    const seq = [...assignments].sort((a, b) => a.date.localeCompare(b.date) || (a.templateId === 'day' ? -1 : 1)).map((a) => a.personId);
    expect(seq.every((p, i) => i === 0 || p !== seq[i - 1])).toBe(true);
  });

  it('gives the same roster for the same input', () => {
    const make = () =>
      generateRoster(
        input('2026-01-01', '2026-03-31', {
          posts: [LEADER, OFFICER, SECOND],
          pools: { leader: people(7, 'L'), officer: people(9), second: people(4, 's') },
          unavailability: [{ personId: 'p03', from: '2026-02-10', to: '2026-02-25', reason: '探亲' }],
        }),
      );
    expect(make()).toEqual(make());
  });

  it('refuses dates with no day kind: the caller loads the calendar first', () => {
    expect(() => generateRoster(input('2026-12-30', '2027-01-02'))).toThrow(/no day kind for 2027-01-01/);
  });
});
