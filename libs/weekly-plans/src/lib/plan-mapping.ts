import type { Leader, PlanEntry } from '@siban/db';
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
    active: leader.active,
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
