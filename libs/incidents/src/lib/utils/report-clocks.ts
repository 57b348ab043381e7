import { describeInstant, type Bilingual } from '@siban/district-time';
import type { ClockState, GradedSeverity, IncidentSeverity, ReportKind } from '../domain/types';

/** One row of IncidentReportDeadline: minutes from the moment the district learned of it. */
export interface ReportDeadline {
  severity: GradedSeverity;
  /** Null: no phone report asked. */
  phoneMinutes: number | null;
  writtenMinutes: number;
  /** Null: no follow-up reports (续报) while open. */
  followUpMinutes: number | null;
}

export type ReportLimits = Omit<ReportDeadline, 'severity'>;

/** A clock about to fall due warns the duty officer this long before. */
export const CLOCK_WARNING_MINUTES = 5;

const MINUTE = 60_000;
const GRAVITY: Record<GradedSeverity, number> = { I: 4, II: 3, III: 2, IV: 1 };

/** Whether `to` is graver than `from`; an ungraded incident counts as the gravest there is. */
export function isRaise(from: IncidentSeverity, to: IncidentSeverity): boolean {
  if (from === 'UNKNOWN' || to === 'UNKNOWN') return false;
  return GRAVITY[to] > GRAVITY[from];
}

function strictest(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length > 0 ? Math.min(...present) : null;
}

/**
 * The limits a severity runs: its own row, or for an ungraded incident the strictest of every
 * row (each limit at its shortest, every report any severity asks for).
 */
export function limitsFor(deadlines: readonly ReportDeadline[], severity: IncidentSeverity): ReportLimits {
  if (severity !== 'UNKNOWN') {
    const row = deadlines.find((d) => d.severity === severity);
    if (!row) throw new Error(`No reporting deadline for severity ${severity}`);
    return { phoneMinutes: row.phoneMinutes, writtenMinutes: row.writtenMinutes, followUpMinutes: row.followUpMinutes };
  }
  if (deadlines.length === 0) throw new Error('No reporting deadlines');
  return {
    phoneMinutes: strictest(deadlines.map((d) => d.phoneMinutes)),
    writtenMinutes: strictest(deadlines.map((d) => d.writtenMinutes)) as number,
    followUpMinutes: strictest(deadlines.map((d) => d.followUpMinutes)),
  };
}

export interface PlannedClock {
  kind: ReportKind;
  severity: IncidentSeverity;
  sequence: number;
  startsAt: Date;
  dueAt: Date;
}

const after = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

/** The first clocks of an incident (or of a raise): the phone report if asked, and the written one. */
export function initialClocks(deadlines: readonly ReportDeadline[], severity: IncidentSeverity, startsAt: Date): PlannedClock[] {
  const limits = limitsFor(deadlines, severity);
  const clocks: PlannedClock[] = [];
  if (limits.phoneMinutes !== null)
    clocks.push({ kind: 'PHONE', severity, sequence: 1, startsAt, dueAt: after(startsAt, limits.phoneMinutes) });
  clocks.push({ kind: 'WRITTEN', severity, sequence: 1, startsAt, dueAt: after(startsAt, limits.writtenMinutes) });
  return clocks;
}

/**
 * The next 续报 after a report filed at `reportedAt`, while the incident is open; none for a
 * severity that asks for none (IV).
 */
export function nextFollowUp(
  deadlines: readonly ReportDeadline[],
  severity: IncidentSeverity,
  reportedAt: Date,
  sequence: number,
): PlannedClock | undefined {
  const { followUpMinutes } = limitsFor(deadlines, severity);
  if (followUpMinutes === null) return undefined;
  return { kind: 'FOLLOW_UP', severity, sequence, startsAt: reportedAt, dueAt: after(reportedAt, followUpMinutes) };
}

/** The 终报 on closing, due within the written-report limit of the incident's severity. */
export function finalClock(deadlines: readonly ReportDeadline[], severity: IncidentSeverity, closedAt: Date): PlannedClock {
  return {
    kind: 'FINAL',
    severity,
    sequence: 1,
    startsAt: closedAt,
    dueAt: after(closedAt, limitsFor(deadlines, severity).writtenMinutes),
  };
}

export interface RunningClock {
  id: string;
  kind: ReportKind;
  state: ClockState;
  dueAt: Date;
}

export interface Regrading {
  /** Pending clocks that stop without being reported missed. */
  supersede: string[];
  start: PlannedClock[];
}

/**
 * What a change of severity does to the clocks. A raise starts the graver severity's phone and
 * written clocks from the moment of the raise and supersedes the pending ones. Grading an
 * ungraded incident puts its clocks on the grade's limits from the time it was learned of:
 * a pending clock whose due time changes (or that the grade does not ask for) is superseded by
 * the grade's own, and a report already made is not asked again. A lowering leaves the running
 * clocks as they are: a deadline once set is not loosened.
 */
export function regradeClocks(input: {
  deadlines: readonly ReportDeadline[];
  from: IncidentSeverity;
  to: IncidentSeverity;
  learnedAt: Date;
  at: Date;
  clocks: readonly RunningClock[];
}): Regrading {
  const { deadlines, from, to, clocks } = input;
  const pending = clocks.filter((c) => c.state === 'PENDING' && (c.kind === 'PHONE' || c.kind === 'WRITTEN'));
  if (isRaise(from, to)) {
    return { supersede: pending.map((c) => c.id), start: initialClocks(deadlines, to, input.at) };
  }
  if (from !== 'UNKNOWN' || to === 'UNKNOWN') return { supersede: [], start: [] };
  const met = new Set(clocks.filter((c) => c.state === 'MET').map((c) => c.kind));
  const wanted = initialClocks(deadlines, to, input.learnedAt).filter((c) => !met.has(c.kind));
  const kept = pending.filter((c) => wanted.some((w) => w.kind === c.kind && w.dueAt.getTime() === c.dueAt.getTime()));
  return {
    supersede: pending.filter((c) => !kept.includes(c)).map((c) => c.id),
    start: wanted.filter((w) => !kept.some((c) => c.kind === w.kind)),
  };
}

/** When the duty officer is warned of a clock (never before it starts). */
export function warningAt(clock: { startsAt: Date; dueAt: Date }): Date {
  return new Date(Math.max(clock.startsAt.getTime(), clock.dueAt.getTime() - CLOCK_WARNING_MINUTES * MINUTE));
}

/** A clock as it stands at `now`: a pending clock past its due time reads as missed. */
export function clockStateAt(clock: { state: ClockState; dueAt: Date }, now: Date): ClockState {
  return clock.state === 'PENDING' && now.getTime() > clock.dueAt.getTime() ? 'MISSED' : clock.state;
}

/** The due time as the district reads it (Asia/Shanghai), e.g. 11月25日 10:15. */
export function describeDue(clock: { dueAt: Date }): Bilingual {
  return describeInstant(clock.dueAt);
}
