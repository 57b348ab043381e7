import type { Leader, PlanEntry, Prisma } from '@siban/db';
import type { LeaderInfo, PlanEntryData } from './domain/types';

export function toLeaderInfo(leader: Leader & { office: { code: string } }): LeaderInfo {
  return {
    id: leader.id,
    name: leader.name,
    title: leader.title,
    body: leader.body,
    officeCode: leader.office.code,
    rank: leader.rank,
    isPrincipal: leader.isPrincipal,
  };
}

export function toEntryData(row: PlanEntry): PlanEntryData {
  return {
    id: row.id,
    leaderId: row.leaderId,
    date: row.date,
    endDate: row.endDate,
    slot: row.slot,
    startAt: row.startAt,
    endAt: row.endAt,
    kind: row.kind,
    title: row.title,
    place: row.place,
    leadOfficeCode: row.leadOfficeCode,
    attendeeLeaderIds: row.attendeeLeaderIds,
    confidentiality: row.confidentiality,
    sessionOf: row.sessionOf,
    note: row.note,
  };
}

/** Entries as stored in a revision's snapshot (JSON: instants as ISO strings). */
export function snapshotOf(entries: PlanEntryData[]): Prisma.InputJsonValue {
  return entries.map((e) => ({ ...e, startAt: e.startAt?.toISOString() ?? null, endAt: e.endAt?.toISOString() ?? null }));
}

export function entriesFromSnapshot(json: Prisma.JsonValue): PlanEntryData[] {
  return (json as unknown as (Omit<PlanEntryData, 'startAt' | 'endAt'> & { startAt: string | null; endAt: string | null })[]).map((e) => ({
    ...e,
    startAt: e.startAt ? new Date(e.startAt) : null,
    endAt: e.endAt ? new Date(e.endAt) : null,
  }));
}
