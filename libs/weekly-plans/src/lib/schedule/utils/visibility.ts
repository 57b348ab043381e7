import type { LeaderInfo, PlanEntryData } from '../../domain/types';

export interface Viewer {
  roles: string[];
  officeCode: string;
  leaderId: string | null;
}

/** What visibility reads of a signed-in user (or a feed's owner): nothing else travels along. */
export function viewerOf(user: Viewer): Viewer {
  return { roles: user.roles, officeCode: user.officeCode, leaderId: user.leaderId };
}

export const BUSY_TITLE = '忙碌 / Busy';

/**
 * Whether a viewer may see a restricted entry's details. Coordinators merge the whole district's
 * schedule and admins run the system; the owner's handling office wrote the entry; a leader
 * needs the details of events they attend. Everyone else gets `redactEntry`.
 */
export function canSeeRestricted(viewer: Viewer, entry: PlanEntryData, leadersById: ReadonlyMap<string, LeaderInfo>): boolean {
  if (entry.confidentiality === 'OPEN') return true;
  if (viewer.roles.includes('COORDINATOR') || viewer.roles.includes('ADMIN')) return true;
  // An owner missing from the directory matches no office: fail closed.
  const handlingOffice = leadersById.get(entry.leaderId)?.officeCode;
  if (handlingOffice !== undefined && handlingOffice === viewer.officeCode) return true;
  if (viewer.roles.includes('LEADER') && viewer.leaderId !== null) {
    return viewer.leaderId === entry.leaderId || entry.attendeeLeaderIds.includes(viewer.leaderId);
  }
  return false;
}

/**
 * Names what a viewer may see: two viewers with the same key see every entry alike. Follows the
 * branches of `canSeeRestricted` (change them together): coordinators and admins see everything;
 * otherwise the office, plus for a leader the leader's own events.
 */
export function viewerKey(viewer: Viewer): string {
  if (viewer.roles.includes('COORDINATOR') || viewer.roles.includes('ADMIN')) return '*';
  if (viewer.roles.includes('LEADER') && viewer.leaderId !== null) return `${viewer.officeCode}:${viewer.leaderId}`;
  return viewer.officeCode;
}

/**
 * What others see of an entry they may not read: when which leaders are busy (attendees too, so
 * their columns and feeds show it), nothing about why.
 * The leading office is blanked too, since it alone can reveal which body's business it is.
 */
export function redactEntry(entry: PlanEntryData): PlanEntryData {
  return {
    ...entry,
    startAt: entry.startAt ? new Date(entry.startAt.getTime()) : null,
    endAt: entry.endAt ? new Date(entry.endAt.getTime()) : null,
    kind: 'OTHER',
    title: BUSY_TITLE,
    place: '',
    leadOfficeCode: '',
    sessionOf: null,
    note: '',
  };
}
