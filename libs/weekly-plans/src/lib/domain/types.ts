// Plain data shapes for the pure weekly-plan logic (merging, conflicts, diffs, visibility,
// exports). No Nest, no Prisma: services map database rows to these.
import type { HalfDay, Interval, LocalDate } from '@siban/district-time';

// Week and day shapes are district time's; re-exported so the plan logic names them in one place.
export type { HalfDay, Interval, LocalDate, WeekId } from '@siban/district-time';

export type EntryKind = 'MEETING' | 'INSPECTION' | 'RECEPTION' | 'CONFERENCE' | 'TRIP' | 'LEAVE' | 'OTHER';

export type Confidentiality = 'OPEN' | 'RESTRICTED';

export type LeaderBody = 'STANDING_COMMITTEE' | 'CONGRESS' | 'GOVERNMENT' | 'CPPCC' | 'COURT' | 'PROCURATORATE';

export interface LeaderInfo {
  id: string;
  name: string;
  title: string;
  body: LeaderBody;
  /** Code of the office that handles the leader's plans (PARTY, CONGRESS, ...). */
  officeCode: string;
  rank: number;
  isPrincipal: boolean;
  /** False for a former leader (kept: old plans name them); rules about "the leaders" count only those in office. */
  active: boolean;
}

/**
 * One row of one leader's weekly plan. Timing is either a half-day `slot` on `date`, or an
 * exact `startAt`/`endAt` (UTC instants), or, with neither, the whole day(s) from `date` to
 * `endDate` (multi-day trips and leave).
 */
export interface PlanEntryData {
  id: string;
  /** The leader whose plan holds this entry. */
  leaderId: string;
  date: LocalDate;
  /** Last day of a multi-day entry (inclusive); null for a single day. */
  endDate: LocalDate | null;
  slot: HalfDay | null;
  startAt: Date | null;
  endAt: Date | null;
  kind: EntryKind;
  title: string;
  place: string;
  /** Office code of the office leading the event. */
  leadOfficeCode: string;
  /** Other leaders attending (the plan's own leader is not repeated here). */
  attendeeLeaderIds: string[];
  confidentiality: Confidentiality;
  /** For a plenary or standing-committee session: the body holding it. */
  sessionOf: LeaderBody | null;
  note: string;
}

/**
 * One event of the merged schedule: a joint event entered in several leaders' plans appears
 * once, with every leader involved.
 */
export interface MergedEvent {
  /** The id of the canonical entry (the one created first among the joint group). */
  id: string;
  /** All entry ids merged into this event (the canonical one first). */
  entryIds: string[];
  /** Every leader involved: plan owners and attendees, in protocol order (rank). */
  leaderIds: string[];
  entry: PlanEntryData;
  interval: Interval;
}

export type ConflictKind = 'LEADER_DOUBLE_BOOKED' | 'JOINT_EVENT_MISMATCH' | 'ALL_PRINCIPALS_AWAY' | 'LEADER_ON_LEAVE' | 'SESSION_CLASH';

export interface Conflict {
  kind: ConflictKind;
  /** Stable for the same situation across recomputations: acknowledgements refer to it. */
  key: string;
  entryIds: string[];
  leaderIds: string[];
  /** Readable, Chinese first then English. */
  message: string;
}

/** A conflict as published with a revision: the coordinator's note acknowledging it. */
export interface Acknowledgement extends Conflict {
  note: string;
}

/** What changed between two published revisions, entry by entry. */
export interface EntryChange {
  entryId: string;
  fields: string[];
  before: PlanEntryData;
  after: PlanEntryData;
}

export interface RevisionDiff {
  added: PlanEntryData[];
  removed: PlanEntryData[];
  changed: EntryChange[];
}

/** A revision's diff as stored with it: entry ids, and the fields that changed. */
export interface StoredDiff {
  added: string[];
  removed: string[];
  changed: { entryId: string; fields: string[] }[];
}
