import type { Prisma, ScheduleRevision } from '@siban/db';
import { z } from 'zod';
import type {
  Acknowledgement,
  Confidentiality,
  ConflictKind,
  EntryKind,
  HalfDay,
  LeaderBody,
  PlanEntryData,
  RevisionDiff,
  StoredDiff,
} from './domain/types';

// A published revision is kept for years and its entry shape will change. Each JSON column
// (snapshot, diff, acknowledgements) therefore says which version of its shape it holds, and is
// parsed on read: a row this build cannot read is refused with the revision and the path named,
// never half-read into wrong fields. Rows written before the version existed are version 1.
// A change of shape bumps REVISION_JSON_VERSION and adds the next schema beside these, keeping
// the old ones so old revisions still read.

export const REVISION_JSON_VERSION = 1;

const HALF_DAYS = ['MORNING', 'AFTERNOON', 'EVENING'] as const satisfies readonly HalfDay[];
const ENTRY_KINDS = ['MEETING', 'INSPECTION', 'RECEPTION', 'CONFERENCE', 'TRIP', 'LEAVE', 'OTHER'] as const satisfies readonly EntryKind[];
const CONFIDENTIALITIES = ['OPEN', 'RESTRICTED'] as const satisfies readonly Confidentiality[];
const LEADER_BODIES = [
  'STANDING_COMMITTEE',
  'CONGRESS',
  'GOVERNMENT',
  'CPPCC',
  'COURT',
  'PROCURATORATE',
] as const satisfies readonly LeaderBody[];
const CONFLICT_KINDS = [
  'LEADER_DOUBLE_BOOKED',
  'JOINT_EVENT_MISMATCH',
  'ALL_PRINCIPALS_AWAY',
  'LEADER_ON_LEAVE',
  'SESSION_CLASH',
] as const satisfies readonly ConflictKind[];

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
// Instants are stored as ISO strings (JSON has no dates) and read back as Dates.
const instant = z.iso.datetime({ offset: true }).transform((iso) => new Date(iso));

const entryV1 = z.strictObject({
  id: z.string(),
  leaderId: z.string(),
  date: localDate,
  endDate: localDate.nullable(),
  slot: z.enum(HALF_DAYS).nullable(),
  startAt: instant.nullable(),
  endAt: instant.nullable(),
  kind: z.enum(ENTRY_KINDS),
  title: z.string(),
  place: z.string(),
  leadOfficeCode: z.string(),
  attendeeLeaderIds: z.array(z.string()),
  confidentiality: z.enum(CONFIDENTIALITIES),
  sessionOf: z.enum(LEADER_BODIES).nullable(),
  note: z.string(),
});

const acknowledgementV1 = z.strictObject({
  kind: z.enum(CONFLICT_KINDS),
  key: z.string(),
  entryIds: z.array(z.string()),
  leaderIds: z.array(z.string()),
  message: z.string(),
  note: z.string(),
});

const version = z.literal(REVISION_JSON_VERSION);

export const revisionJsonSchemas = {
  snapshot: z.strictObject({ v: version, entries: z.array(entryV1) }),
  diff: z.strictObject({
    v: version,
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.strictObject({ entryId: z.string(), fields: z.array(z.string()) })),
  }),
  acknowledgements: z.strictObject({ v: version, conflicts: z.array(acknowledgementV1) }),
};

type Column = keyof typeof revisionJsonSchemas;
type Encoded<C extends Column> = z.input<(typeof revisionJsonSchemas)[C]>;

/** Rows from before the version: the snapshot and acknowledgements were bare arrays, the diff had no `v`. */
const LEGACY: Record<Column, (json: unknown) => unknown> = {
  snapshot: (json) => (Array.isArray(json) ? { v: 1, entries: json } : json),
  diff: (json) => (isObject(json) && !('v' in json) ? { v: 1, ...json } : json),
  acknowledgements: (json) => (Array.isArray(json) ? { v: 1, conflicts: json } : json),
};

export class RevisionJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RevisionJsonError';
  }
}

export interface RevisionContent {
  entries: PlanEntryData[];
  diff: StoredDiff;
  acknowledgements: Acknowledgement[];
}

type StoredRevision = Pick<ScheduleRevision, 'id' | 'week' | 'number' | 'snapshot' | 'diff' | 'acknowledgements'>;

/** The JSON columns of a revision about to be published. */
export function revisionJson(
  entries: PlanEntryData[],
  diff: RevisionDiff,
  acknowledgements: Acknowledgement[],
): Pick<Prisma.ScheduleRevisionCreateInput, 'snapshot' | 'diff' | 'acknowledgements'> {
  const snapshot: Encoded<'snapshot'> = { v: REVISION_JSON_VERSION, entries: entries.map(encodeEntry) };
  const storedDiff: Encoded<'diff'> = {
    v: REVISION_JSON_VERSION,
    added: diff.added.map((e) => e.id),
    removed: diff.removed.map((e) => e.id),
    changed: diff.changed.map((c) => ({ entryId: c.entryId, fields: c.fields })),
  };
  const acknowledged: Encoded<'acknowledgements'> = { v: REVISION_JSON_VERSION, conflicts: acknowledgements.map(encodeAcknowledgement) };
  return { snapshot, diff: storedDiff, acknowledgements: acknowledged };
}

/** Reads every JSON column of a stored revision, or throws a RevisionJsonError naming it. */
export function readRevision(revision: StoredRevision): RevisionContent {
  const snapshot = readColumn(revision, 'snapshot');
  const { added, removed, changed } = readColumn(revision, 'diff');
  return {
    entries: snapshot.entries.map(decodeEntry),
    diff: { added, removed, changed },
    acknowledgements: readColumn(revision, 'acknowledgements').conflicts,
  };
}

function readColumn<C extends Column>(revision: StoredRevision, column: C): z.output<(typeof revisionJsonSchemas)[C]> {
  const where = `revision ${revision.week} #${revision.number} (${revision.id}), ${column}`;
  const json = LEGACY[column](revision[column]);
  const stored = isObject(json) ? json.v : undefined;
  if (stored !== REVISION_JSON_VERSION) {
    throw new RevisionJsonError(
      `修订版数据版本无法识别 / Unreadable ${where}: stored as version ${JSON.stringify(stored)}, this build reads version ${REVISION_JSON_VERSION}`,
    );
  }
  const result = revisionJsonSchemas[column].safeParse(json);
  if (!result.success) {
    throw new RevisionJsonError(`修订版数据损坏 / Corrupted ${where}:\n${z.prettifyError(result.error)}`);
  }
  return result.data as z.output<(typeof revisionJsonSchemas)[C]>;
}

// The declared types tie the schemas to the domain types both ways: a field added to
// PlanEntryData fails `decodeEntry`, a value added to one of its enums fails `encodeEntry`.
function encodeEntry(entry: PlanEntryData): Encoded<'snapshot'>['entries'][number] {
  return { ...entry, startAt: entry.startAt?.toISOString() ?? null, endAt: entry.endAt?.toISOString() ?? null };
}

function decodeEntry(entry: z.output<typeof entryV1>): PlanEntryData {
  return entry;
}

function encodeAcknowledgement(acknowledgement: Acknowledgement): Encoded<'acknowledgements'>['conflicts'][number] {
  return acknowledgement;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
