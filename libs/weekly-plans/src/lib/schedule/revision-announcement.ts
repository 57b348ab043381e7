import type { StaffMember } from '@siban/identity';
import { type Announcement, type ChangeCounts, changeSummary } from '@siban/notifications';
import type { LeaderInfo, PlanEntryData } from '../domain/types';
import { viewDiff } from './schedule-view';
import { diffEntries } from './utils/diff-revisions';
import { type Viewer, viewerKey } from './utils/visibility';

export const officeChannel = (officeCode: string) => `office:${officeCode}`;

export interface PublishedRevision {
  id: string;
  week: string;
  number: number;
  publishedAt: Date;
  note: string;
}

/** The `schedulePublished` event on an office's channel. */
export interface SchedulePublishedEvent {
  /** The revision, with the changes counted as the office as a whole sees them. */
  schedulePublished: Omit<PublishedRevision, 'id'> & ChangeCounts;
  /** The counts for each kind of viewer in the office (`viewerKey`): a subscriber is given its own. */
  countsByViewer: Record<string, ChangeCounts>;
}

/** What any member of an office may see: its own leaders' entries and everything open. */
const officeViewer = (officeCode: string): Viewer => ({ roles: [], officeCode, leaderId: null });

/**
 * Who hears of a published revision, and what: every office an event, every active member of
 * staff a notification. Each counts only the changes its reader may see (the lengths of the
 * change lists `scheduleRevisions` shows them), so a change to details hidden from an office is
 * no change to it, while a busy block that appears, moves or goes is.
 */
export function revisionAnnouncement(
  revision: PublishedRevision,
  before: PlanEntryData[],
  after: PlanEntryData[],
  leadersById: ReadonlyMap<string, LeaderInfo>,
  officeCodes: string[],
  staff: StaffMember[],
): Announcement {
  // Every reader sees every entry, if only as a busy block: what was added or removed is the same
  // for all, and so is a change to an entry open on both sides. Only the changes that involve a
  // restricted side are viewed for each kind of reader, so a first revision (all added) or an
  // open-only change costs nothing per reader.
  const all = diffEntries(before, after);
  const hideable = new Set(
    all.changed.filter((c) => c.before.confidentiality !== 'OPEN' || c.after.confidentiality !== 'OPEN').map((c) => c.entryId),
  );
  const openChanges = all.changed.length - hideable.size;
  const [hideableBefore, hideableAfter] = [before.filter((e) => hideable.has(e.id)), after.filter((e) => hideable.has(e.id))];
  const counted = new Map<string, ChangeCounts>();
  const countsFor = (viewer: Viewer): ChangeCounts => {
    const key = viewerKey(viewer);
    let counts = counted.get(key);
    if (!counts) {
      const changed = openChanges + viewDiff(hideableBefore, hideableAfter, viewer, leadersById).changed.length;
      counts = { added: all.added.length, removed: all.removed.length, changed };
      counted.set(key, counts);
    }
    return counts;
  };
  const { id: _id, ...published } = revision;

  const events = officeCodes.map((officeCode) => {
    const office = officeViewer(officeCode);
    const countsByViewer: Record<string, ChangeCounts> = { [viewerKey(office)]: countsFor(office) };
    for (const member of staff.filter((m) => m.officeCode === officeCode)) countsByViewer[viewerKey(member)] = countsFor(member);
    const payload: SchedulePublishedEvent = { schedulePublished: { ...published, ...countsFor(office) }, countsByViewer };
    return { channel: officeChannel(officeCode), payload };
  });

  const readers = new Map<string, string[]>();
  for (const member of staff) {
    const key = viewerKey(member);
    countsFor(member);
    readers.set(key, [...(readers.get(key) ?? []), member.id]);
  }
  const title = `${revision.week} 周领导工作安排 第${revision.number}版已发布 / Weekly schedule revision ${revision.number} published`;
  const notifications = [...readers].map(([key, userIds]) => ({
    userIds,
    draft: {
      kind: 'SCHEDULE_PUBLISHED',
      title,
      body: `${changeSummary(counted.get(key) as ChangeCounts)}${revision.note}`,
      subjectId: revision.id,
    },
  }));

  return { key: `schedule-published:${revision.id}`, notifications, events };
}

/** The event as one subscriber is told it: with the counts for what they may see. */
export function publishedFor(event: SchedulePublishedEvent, viewer: Viewer): SchedulePublishedEvent['schedulePublished'] {
  return { ...event.schedulePublished, ...event.countsByViewer[viewerKey(viewer)] };
}
