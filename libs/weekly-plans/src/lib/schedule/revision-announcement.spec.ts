import type { StaffMember } from '@siban/identity';
import { officeChannel, publishedFor, revisionAnnouncement, SchedulePublishedEvent } from './revision-announcement';
import { changeSummary } from '@siban/notifications';
import type { PlanEntryData } from '../domain/types';
import { viewDiff } from './schedule-view';
import { entry, LEADERS, LEADERS_BY_ID } from '../utils/test-fixtures';

const OFFICES = ['PARTY', 'GOVERNMENT', 'CONGRESS', 'CPPCC', 'RECEPTION'];
const STAFF: StaffMember[] = [
  { id: 'party.sec', roles: ['SECRETARY'], officeCode: 'PARTY', leaderId: null },
  { id: 'party.director', roles: ['DIRECTOR'], officeCode: 'PARTY', leaderId: null },
  { id: 'party.coord', roles: ['COORDINATOR'], officeCode: 'PARTY', leaderId: null },
  { id: 'gov.sec', roles: ['SECRETARY'], officeCode: 'GOVERNMENT', leaderId: null },
  { id: 'leader.li', roles: ['LEADER'], officeCode: 'GOVERNMENT', leaderId: 'li' },
  { id: 'reception.staff', roles: ['RECEPTION_STAFF'], officeCode: 'RECEPTION', leaderId: null },
];
const REVISION = { id: 'rev-2', week: '2026-W48', number: 2, publishedAt: new Date('2026-11-18T02:00:00Z'), note: '调整安排' };

// 王建国's open meeting, and a restricted talk of his that 李明 attends (handled by the party office).
const open = entry({ id: 'open', title: '区委常委会会议' });
const talk = entry({ id: 'talk', confidentiality: 'RESTRICTED', title: '干部任免酝酿', place: '书记办公室', attendeeLeaderIds: ['li'] });

function announce(before = [open, talk], after = [open, { ...talk, title: '干部任免讨论' }]) {
  return revisionAnnouncement(REVISION, before, after, LEADERS_BY_ID, OFFICES, STAFF);
}

function bodyOf(announcement: ReturnType<typeof announce>, userId: string): string {
  const group = announcement.notifications.find((n) => n.userIds.includes(userId));
  return group?.draft.body ?? 'no notification';
}

function eventOf(announcement: ReturnType<typeof announce>, officeCode: string): SchedulePublishedEvent {
  return announcement.events.find((e) => e.channel === officeChannel(officeCode))?.payload as SchedulePublishedEvent;
}

describe('revisionAnnouncement', () => {
  it('notifies every member of staff once, about the revision', () => {
    const announcement = announce();
    expect(announcement.key).toBe('schedule-published:rev-2');
    expect(announcement.notifications.flatMap((n) => n.userIds).sort()).toEqual(STAFF.map((s) => s.id).sort());
    for (const { draft } of announcement.notifications) {
      expect(draft).toMatchObject({
        kind: 'SCHEDULE_PUBLISHED',
        subjectId: 'rev-2',
        title: '2026-W48 周领导工作安排 第2版已发布 / Weekly schedule revision 2 published',
      });
    }
  });

  it('counts a change to hidden details only for those who may read them', () => {
    const announcement = announce();
    for (const reader of ['party.sec', 'party.director', 'party.coord', 'leader.li']) {
      expect({ reader, body: bodyOf(announcement, reader) }).toEqual({ reader, body: '新增 0，删除 0，变更 1。调整安排' });
    }
    for (const reader of ['gov.sec', 'reception.staff']) {
      expect({ reader, body: bodyOf(announcement, reader) }).toEqual({ reader, body: '无可见变更。调整安排' });
    }
  });

  it("counts a busy block that appears or moves for everyone, since everyone's schedule shows it", () => {
    const moved = announce([open, talk], [open, { ...talk, slot: 'AFTERNOON' }]);
    expect(bodyOf(moved, 'reception.staff')).toBe('新增 0，删除 0，变更 1。调整安排');
    const added = announce([open], [open, talk]);
    expect(bodyOf(added, 'reception.staff')).toBe('新增 1，删除 0，变更 0。调整安排');
  });

  it('counts for every reader what viewing the whole revisions would', () => {
    const before = LEADERS.flatMap((l) => [
      entry({ id: `${l.id}-open`, leaderId: l.id }),
      entry({ id: `${l.id}-talk`, leaderId: l.id, confidentiality: 'RESTRICTED', attendeeLeaderIds: ['li'] }),
    ]);
    // Some removed, some retitled, some moved, some opened up or restricted, one added.
    const changes = [
      (e: PlanEntryData) => ({ ...e, title: `${e.title}（调整）` }),
      (e: PlanEntryData) => ({ ...e, slot: 'EVENING' as const }),
      (e: PlanEntryData) => ({ ...e, confidentiality: e.confidentiality === 'OPEN' ? ('RESTRICTED' as const) : ('OPEN' as const) }),
      (e: PlanEntryData) => e,
    ];
    const after = [
      ...before.filter((_, i) => i % 5 !== 0).map((e, i) => changes[i % changes.length](e)),
      entry({ id: 'new-talk', leaderId: 'zhang', confidentiality: 'RESTRICTED' }),
    ];
    const announcement = revisionAnnouncement(REVISION, before, after, LEADERS_BY_ID, OFFICES, STAFF);
    for (const member of STAFF) {
      const diff = viewDiff(before, after, member, LEADERS_BY_ID);
      const expected = changeSummary({ added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length });
      expect({ reader: member.id, body: bodyOf(announcement, member.id) }).toEqual({ reader: member.id, body: `${expected}调整安排` });
    }
  });

  it('sends each office one event counted as the office sees it, and each subscriber their own counts', () => {
    const announcement = announce();
    expect(announcement.events.map((e) => e.channel)).toEqual(OFFICES.map(officeChannel));
    const reception = eventOf(announcement, 'RECEPTION');
    expect(reception.schedulePublished).toEqual({
      week: '2026-W48',
      number: 2,
      note: '调整安排',
      publishedAt: REVISION.publishedAt,
      added: 0,
      removed: 0,
      changed: 0,
    });
    expect(eventOf(announcement, 'PARTY').schedulePublished).toMatchObject({ changed: 1 });
    expect(eventOf(announcement, 'CPPCC').schedulePublished).toMatchObject({ changed: 0 });

    const government = eventOf(announcement, 'GOVERNMENT');
    expect(publishedFor(government, STAFF[3])).toMatchObject({ changed: 0 });
    expect(publishedFor(government, STAFF[4])).toMatchObject({ changed: 1 });
    // Someone the announcement did not know of (a new account) is told what the office sees.
    expect(publishedFor(government, { roles: ['DIRECTOR'], officeCode: 'GOVERNMENT', leaderId: null })).toMatchObject({ changed: 0 });
    // The counts of one office's viewers are not carried on another office's channel.
    expect(Object.keys(reception.countsByViewer)).toEqual(['RECEPTION']);
  });
});
