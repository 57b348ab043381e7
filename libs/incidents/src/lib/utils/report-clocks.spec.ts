import fc from 'fast-check';
import {
  clockStateAt,
  describeDue,
  finalClock,
  initialClocks,
  isRaise,
  limitsFor,
  nextFollowUp,
  regradeClocks,
  ReportDeadline,
  RunningClock,
  warningAt,
} from './report-clocks';

// The defaults the migration ships (published local rules).
const DEFAULTS: ReportDeadline[] = [
  { severity: 'I', phoneMinutes: 15, writtenMinutes: 30, followUpMinutes: 240 },
  { severity: 'II', phoneMinutes: 15, writtenMinutes: 30, followUpMinutes: 240 },
  { severity: 'III', phoneMinutes: 30, writtenMinutes: 60, followUpMinutes: 240 },
  { severity: 'IV', phoneMinutes: null, writtenMinutes: 360, followUpMinutes: null },
];

// 25 Nov 2026 10:00 in Shanghai.
const learnedAt = new Date('2026-11-25T02:00:00Z');
const at = (shanghai: string) => new Date(`2026-11-25T${shanghai}:00+08:00`);
const due = (clocks: { kind: string; dueAt: Date }[]) => clocks.map((c) => [c.kind, describeDue(c).zh]);

describe('initialClocks', () => {
  it('I and II: phone within 15 minutes, written within 30 of learning of it', () => {
    expect(due(initialClocks(DEFAULTS, 'I', learnedAt))).toEqual([
      ['PHONE', '11月25日 10:15'],
      ['WRITTEN', '11月25日 10:30'],
    ]);
    expect(due(initialClocks(DEFAULTS, 'II', learnedAt))).toEqual(due(initialClocks(DEFAULTS, 'I', learnedAt)));
  });

  it('III: phone 30 minutes, written 1 hour; IV: written 6 hours and no phone report', () => {
    expect(due(initialClocks(DEFAULTS, 'III', learnedAt))).toEqual([
      ['PHONE', '11月25日 10:30'],
      ['WRITTEN', '11月25日 11:00'],
    ]);
    expect(due(initialClocks(DEFAULTS, 'IV', learnedAt))).toEqual([['WRITTEN', '11月25日 16:00']]);
  });

  it('runs the strictest clocks of every severity while ungraded', () => {
    expect(limitsFor(DEFAULTS, 'UNKNOWN')).toEqual({ phoneMinutes: 15, writtenMinutes: 30, followUpMinutes: 240 });
    expect(due(initialClocks(DEFAULTS, 'UNKNOWN', learnedAt))).toEqual(due(initialClocks(DEFAULTS, 'I', learnedAt)));
  });

  it('reads the limits from data: a city with its own rules', () => {
    const city: ReportDeadline[] = [{ severity: 'IV', phoneMinutes: 60, writtenMinutes: 120, followUpMinutes: null }];
    expect(due(initialClocks(city, 'IV', learnedAt))).toEqual([
      ['PHONE', '11月25日 11:00'],
      ['WRITTEN', '11月25日 12:00'],
    ]);
    expect(() => limitsFor(city, 'III')).toThrow('No reporting deadline for severity III');
  });

  it('crosses midnight in Shanghai time', () => {
    expect(due(initialClocks(DEFAULTS, 'IV', at('21:30')))).toEqual([['WRITTEN', '11月26日 03:30']]);
  });
});

describe('follow-up and final reports', () => {
  it('asks a 续报 every 4 hours after the previous report for III and above, none for IV', () => {
    const next = nextFollowUp(DEFAULTS, 'III', at('10:40'), 2);
    expect(next && { ...next, due: describeDue(next).zh }).toMatchObject({ kind: 'FOLLOW_UP', sequence: 2, due: '11月25日 14:40' });
    expect(nextFollowUp(DEFAULTS, 'IV', at('10:40'), 1)).toBeUndefined();
    expect(nextFollowUp(DEFAULTS, 'UNKNOWN', at('10:40'), 1)?.dueAt).toEqual(at('14:40'));
  });

  it('asks a 终报 on closing within the written-report limit', () => {
    expect(finalClock(DEFAULTS, 'II', at('18:00'))).toMatchObject({ kind: 'FINAL', dueAt: at('18:30') });
  });
});

describe('regradeClocks', () => {
  const clock = (id: string, kind: RunningClock['kind'], state: RunningClock['state'], dueAt: Date): RunningClock => ({
    id,
    kind,
    state,
    dueAt,
  });

  it('a raise starts the graver clocks from the raise and supersedes the looser pending ones', () => {
    const result = regradeClocks({
      deadlines: DEFAULTS,
      from: 'IV',
      to: 'II',
      learnedAt,
      at: at('11:00'),
      clocks: [clock('w', 'WRITTEN', 'PENDING', at('16:00'))],
    });
    expect(result.supersede).toEqual(['w']);
    expect(due(result.start)).toEqual([
      ['PHONE', '11月25日 11:15'],
      ['WRITTEN', '11月25日 11:30'],
    ]);
  });

  it('a raise asks again for a report already made under the looser grade', () => {
    const result = regradeClocks({
      deadlines: DEFAULTS,
      from: 'III',
      to: 'I',
      learnedAt,
      at: at('10:20'),
      clocks: [clock('p', 'PHONE', 'MET', at('10:30')), clock('w', 'WRITTEN', 'PENDING', at('11:00'))],
    });
    expect(result.supersede).toEqual(['w']);
    expect(result.start.map((c) => c.kind)).toEqual(['PHONE', 'WRITTEN']);
  });

  it('grading puts the clocks on the grade from the time learned, keeping what still holds', () => {
    const clocks = [clock('p', 'PHONE', 'PENDING', at('10:15')), clock('w', 'WRITTEN', 'PENDING', at('10:30'))];
    expect(regradeClocks({ deadlines: DEFAULTS, from: 'UNKNOWN', to: 'I', learnedAt, at: at('10:05'), clocks })).toEqual({
      supersede: [],
      start: [],
    });
    const toIV = regradeClocks({ deadlines: DEFAULTS, from: 'UNKNOWN', to: 'IV', learnedAt, at: at('10:05'), clocks });
    expect(toIV.supersede).toEqual(['p', 'w']);
    expect(due(toIV.start)).toEqual([['WRITTEN', '11月25日 16:00']]);
  });

  it('grading does not ask again for a report already made', () => {
    const clocks = [clock('p', 'PHONE', 'MET', at('10:15')), clock('w', 'WRITTEN', 'PENDING', at('10:30'))];
    const toIII = regradeClocks({ deadlines: DEFAULTS, from: 'UNKNOWN', to: 'III', learnedAt, at: at('10:10'), clocks });
    expect(toIII.supersede).toEqual(['w']);
    expect(due(toIII.start)).toEqual([['WRITTEN', '11月25日 11:00']]);
  });

  it('a lowering leaves the running clocks as they are', () => {
    const clocks = [clock('w', 'WRITTEN', 'PENDING', at('10:30'))];
    expect(regradeClocks({ deadlines: DEFAULTS, from: 'II', to: 'IV', learnedAt, at: at('10:10'), clocks })).toEqual({
      supersede: [],
      start: [],
    });
  });

  it('never supersedes a clock that is no longer pending, whatever the change', () => {
    const severities = fc.constantFrom('I' as const, 'II' as const, 'III' as const, 'IV' as const, 'UNKNOWN' as const);
    const states = fc.constantFrom('PENDING' as const, 'MET' as const, 'MISSED' as const, 'SUPERSEDED' as const);
    fc.assert(
      fc.property(
        severities,
        severities,
        fc.array(fc.tuple(fc.constantFrom('PHONE' as const, 'WRITTEN' as const), states), { maxLength: 4 }),
        (from, to, specs) => {
          const clocks = specs.map(([kind, state], i) => clock(`c${i}`, kind, state, at('10:30')));
          const { supersede, start } = regradeClocks({ deadlines: DEFAULTS, from, to, learnedAt, at: at('10:10'), clocks });
          for (const id of supersede) expect(clocks.find((c) => c.id === id)?.state).toBe('PENDING');
          for (const c of start) expect(c.dueAt.getTime()).toBeGreaterThanOrEqual(c.startsAt.getTime());
          if (isRaise(from, to)) expect(start.map((c) => c.startsAt)).toEqual(start.map(() => at('10:10')));
        },
      ),
    );
  });
});

describe('warnings and states', () => {
  it('warns 5 minutes before the due time, never before the clock starts', () => {
    expect(warningAt({ startsAt: learnedAt, dueAt: at('10:15') })).toEqual(at('10:10'));
    expect(warningAt({ startsAt: at('10:13'), dueAt: at('10:15') })).toEqual(at('10:13'));
  });

  it('reads a pending clock past its due time as missed; a report at the due minute still meets it', () => {
    expect(clockStateAt({ state: 'PENDING', dueAt: at('10:15') }, at('10:15'))).toBe('PENDING');
    expect(clockStateAt({ state: 'PENDING', dueAt: at('10:15') }, new Date(at('10:15').getTime() + 1))).toBe('MISSED');
    expect(clockStateAt({ state: 'MET', dueAt: at('10:15') }, at('12:00'))).toBe('MET');
  });
});
