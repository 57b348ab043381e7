import type { LocalDate } from '../utils/local-date';

export type { LocalDate } from '../utils/local-date';

// ---- Holiday calendar (data, not code) ----

/** One year's statutory holidays and adjusted working days (调休), as the State Council announces them. */
export interface HolidayCalendar {
  year: number;
  /** Where the dates come from, e.g. "国务院办公厅关于2026年部分节假日安排的通知". */
  source: string;
  /** Inclusive date ranges; a range may spill into the neighbouring year (元旦 2024 began on 2023-12-30). */
  holidays: { name: string; from: LocalDate; to: LocalDate }[];
  /** Saturdays or Sundays worked in exchange for a holiday (`for` names it). */
  adjustedWorkdays: { date: LocalDate; for: string }[];
}

export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY';

/**
 * What a date is: a holiday (with its name), a 调休 working day (with the holiday it serves), an
 * ordinary workday or weekend day, or unknown because no calendar for its year is loaded: that is
 * reported, never guessed from the weekday.
 */
export type DayClass =
  | { kind: 'HOLIDAY'; holiday: string }
  | { kind: 'WORKDAY'; adjustedFor: string | null }
  | { kind: 'WEEKEND' }
  | { kind: 'NO_CALENDAR'; year: number };

// ---- Shifts ----

/** A daily shift: starts every day at `startTime` (Asia/Shanghai) and lasts `durationMinutes` (at most 24 h). */
export interface ShiftTemplate {
  id: string;
  /** "HH:MM", e.g. "08:30". */
  startTime: string;
  durationMinutes: number;
}

/** A shift is named by the date it starts and its template. */
export interface ShiftRef {
  date: LocalDate;
  templateId: string;
}

/** One seat of one post on one shift: what an assignment fills. Seats count from 1. */
export interface ShiftSlot extends ShiftRef {
  postId: string;
  seat: number;
}

/** A slot and who holds it. */
export interface HeldSlot extends ShiftSlot {
  personId: string;
}

/** Which days a post is staffed: every day, weekends and holidays only, or holidays only. */
export type PostDays = 'EVERY_DAY' | 'NON_WORKDAYS' | 'HOLIDAYS';

export interface PostSpec {
  id: string;
  templateId: string;
  days: PostDays;
  seats: number;
}

// ---- Fairness ----

/** A person's shift counts; a shift counts as weekend or holiday by the date it starts. */
export interface Tally {
  total: number;
  weekend: number;
  holiday: number;
}

/** Inclusive date range of declared unavailability (leave, or a TRIP/LEAVE entry of a leader's submitted weekly plan). */
export interface Unavailability {
  personId: string;
  from: LocalDate;
  to: LocalDate;
  reason: string;
}

// ---- Rules ----

export type RuleCode =
  | 'NOT_IN_POOL'
  | 'UNAVAILABLE'
  | 'CONSECUTIVE_SHIFT'
  | 'DOUBLE_BOOKED'
  | 'SWAP_ACROSS_POSTS'
  | 'SWAP_SAME_PERSON'
  | 'SWAP_SAME_SHIFT'
  | 'SHIFT_NOT_HELD'
  | 'SHIFT_STARTED'
  | 'REASON_REQUIRED'
  | 'ALREADY_HOLDS'
  | 'UNDO_STALE';

/** A broken rule, with its message (Chinese first, then English) and whom and what it concerns. */
export interface RuleViolation {
  code: RuleCode;
  message: string;
  personId?: string;
  slot?: ShiftSlot;
}
