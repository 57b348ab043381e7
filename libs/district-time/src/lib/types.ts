// Plain data shapes of district time. Instants are UTC `Date`s; dates, weeks and wall-clock times
// are read in Asia/Shanghai.

/** An ISO week id in Asia/Shanghai, e.g. "2026-W48". Weeks start on Monday. */
export type WeekId = string;

/** A district-local calendar date, "YYYY-MM-DD" (Asia/Shanghai). */
export type LocalDate = string;

/** A quarter of a calendar year, e.g. "2026-Q4" (October to December). */
export type QuarterId = string;

/** The half-days of a printed schedule: 上午, 下午, 晚上. */
export type HalfDay = 'MORNING' | 'AFTERNOON' | 'EVENING';

/** A UTC interval [start, end). */
export interface Interval {
  start: Date;
  end: Date;
}

/**
 * Shanghai wall-clock bounds, "HH:MM". `end` may be "24:00"; an end at or before the start runs
 * into the next day (a duty shift from 08:30 to 08:30).
 */
export interface WallClockWindow {
  start: string;
  end: string;
}

/**
 * Anything that happens at a time written the way offices write it: a half-day `slot` on `date`,
 * or exact `startAt`/`endAt` instants, or, with neither, whole days from `date` to `endDate`.
 */
export interface Timed {
  date: LocalDate;
  /** Last day (inclusive) of something that spans days; null or absent for one day. */
  endDate?: LocalDate | null;
  slot?: HalfDay | null;
  startAt?: Date | null;
  endAt?: Date | null;
}
