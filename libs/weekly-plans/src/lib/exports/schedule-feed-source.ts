import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { PrismaService, Role, ScheduleRevision } from '@siban/db';
import { addDays, addWeeks, weekOf, weekOfDate } from '@siban/district-time';
import {
  CalendarFeedErrors,
  FeedCalendar,
  FeedRecord,
  FeedRegistry,
  FeedRequester,
  FeedSource,
  FeedTarget,
  ICalEvent,
} from '@siban/exports';
import { forbidden } from '@siban/graphql-core';
import { OfficeService } from '@siban/identity';
import { LeaderService } from '@siban/organization';
import type { EntryKind, LeaderInfo } from '../domain/types';
import { readRevision } from '../revision-json';
import { layOutWeek, ViewedEvent } from '../schedule/schedule-view';
import { ScheduleService } from '../schedule/schedule.service';
import { viewerOf } from '../schedule/utils/visibility';

// A feed shows the latest published revision of the weeks around today.
const WEEKS_BACK = 4;
const WEEKS_AHEAD = 4;

/**
 * The published weekly schedule as calendar feeds: one leader's events (LEADER), or those of
 * every leader an office handles (OFFICE), as the feed's owner may see them.
 */
@Injectable()
export class ScheduleFeedSources implements OnModuleInit {
  constructor(
    private readonly registry: FeedRegistry,
    private readonly prisma: PrismaService,
    private readonly schedule: ScheduleService,
    private readonly leaders: LeaderService,
    private readonly offices: OfficeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.leaderSource());
    this.registry.register(this.officeSource());
  }

  private leaderSource(): FeedSource {
    return {
      kind: 'LEADER',
      authorize: async (_requester: FeedRequester, target: FeedTarget) => {
        if (!target.leaderId || target.officeCode) throw CalendarFeedErrors.feedScope();
        await this.leaders.get(target.leaderId, 'leaderId');
        return { leaderId: target.leaderId, officeCode: null };
      },
      calendar: async (feed: FeedRecord, owner: FeedRequester, now: Date) => {
        const { leadersById, events } = await this.publishedEvents(owner, now, (event) =>
          event.leaderIds.includes(feed.leaderId as string),
        );
        return {
          name: `${leadersById.get(feed.leaderId as string)?.name ?? ''}工作安排`,
          events: events.map((published) => toICalEvent(published, leadersById, false)),
        };
      },
    };
  }

  private officeSource(): FeedSource {
    return {
      kind: 'OFFICE',
      authorize: async (requester: FeedRequester, target: FeedTarget) => {
        if (!target.officeCode || target.leaderId) throw CalendarFeedErrors.feedScope();
        if (target.officeCode !== requester.officeCode && !requester.roles.some((r) => r === Role.COORDINATOR || r === Role.ADMIN)) {
          throw forbidden('只能订阅本办公室的日历 / You can subscribe to your own office’s calendar only');
        }
        return { leaderId: null, officeCode: target.officeCode };
      },
      calendar: async (feed: FeedRecord, owner: FeedRequester, now: Date): Promise<FeedCalendar> => {
        const officeCode = feed.officeCode as string;
        const [{ leadersById, events }, office] = await Promise.all([
          this.publishedEvents(owner, now, (event, byId) => involvesOffice(event, officeCode, byId)),
          this.offices.getByCode(officeCode).catch(() => undefined),
        ]);
        return {
          name: `${placeName(this.config.districtName, office?.shortName ?? officeCode)}领导工作安排`,
          events: events.map((published) => toICalEvent(published, leadersById, true)),
        };
      },
    };
  }

  /**
   * The wanted events of the latest published revision of each week around `now`, as `owner` may
   * see them; and, once, those the revision before it had and this one dropped, as cancelled.
   */
  private async publishedEvents(
    owner: FeedRequester,
    now: Date,
    wanted: (event: ViewedEvent, leadersById: ReadonlyMap<string, LeaderInfo>) => boolean,
  ): Promise<{ leadersById: Map<string, LeaderInfo>; events: PublishedEvent[] }> {
    const current = weekOf(now);
    const weeks = Array.from({ length: WEEKS_BACK + WEEKS_AHEAD + 1 }, (_, i) => addWeeks(current, i - WEEKS_BACK));
    const [revisions, leaders] = await Promise.all([
      this.prisma.scheduleRevision.findMany({ where: { week: { in: weeks } }, orderBy: [{ week: 'asc' }, { number: 'desc' }] }),
      this.schedule.leaderInfos(),
    ]);
    const latest = new Map<string, ScheduleRevision>();
    for (const r of revisions) if (!latest.has(r.week)) latest.set(r.week, r);
    const leadersById = new Map(leaders.map((l) => [l.id, l]));
    const viewer = viewerOf(owner);
    // A trip running into the next week is in that week's revisions too; it is fed once, from its own week.
    const wantedEvents = (revision: ScheduleRevision) =>
      layOutWeek(revision.week, readRevision(revision).entries, viewer, leaders, this.schedule.halfDayBounds).events.filter(
        (event) => weekOfDate(event.entry.date) === revision.week && wanted(event, leadersById),
      );
    const events: PublishedEvent[] = [];
    for (const revision of latest.values()) {
      const shown = wantedEvents(revision);
      const published = { sequence: revision.number, stamp: revision.publishedAt };
      for (const event of shown) events.push({ event, ...published, cancelled: false });
      // A calendar keeps an event the feed merely stops listing; STATUS:CANCELLED with a higher
      // SEQUENCE makes it drop it. One revision later the entry is simply gone.
      const previous = revisions.find((r) => r.week === revision.week && r.number === revision.number - 1);
      if (!previous) continue;
      const kept = new Set(shown.map((e) => e.id));
      for (const event of wantedEvents(previous)) if (!kept.has(event.id)) events.push({ event, ...published, cancelled: true });
    }
    return { leadersById, events };
  }
}

interface PublishedEvent {
  event: ViewedEvent;
  /** The revision number of the week's latest revision. */
  sequence: number;
  /** When that revision was published: the DTSTAMP. */
  stamp: Date;
  /** In the previous revision, not in the latest. */
  cancelled: boolean;
}

/** What an office leads, or where any leader it handles takes part. */
export function involvesOffice(event: ViewedEvent, officeCode: string, leadersById: ReadonlyMap<string, LeaderInfo>): boolean {
  return event.entry.leadOfficeCode === officeCode || event.leaderIds.some((id) => leadersById.get(id)?.officeCode === officeCode);
}

/**
 * The district's name before an office's: 清河区 + 区委办 reads 清河区委办, not 清河区区委办, as a
 * Chinese reader writes it (清河县 + 县政府办 likewise).
 */
export function placeName(district: string, office: string): string {
  return district.length > 0 && office.startsWith(district.slice(-1)) ? `${district}${office.slice(1)}` : `${district}${office}`;
}

/** The kinds of entry as a Chinese calendar shows them (CATEGORIES). */
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  MEETING: '会议',
  INSPECTION: '调研',
  RECEPTION: '接待',
  CONFERENCE: '大会',
  TRIP: '出差',
  LEAVE: '请假',
  OTHER: '其他',
};

function toICalEvent(
  { event, sequence, stamp, cancelled }: PublishedEvent,
  leadersById: ReadonlyMap<string, LeaderInfo>,
  namesInSummary: boolean,
): ICalEvent {
  const entry = event.entry;
  const names = event.leaderIds.map((id) => leadersById.get(id)?.name ?? id).join('、');
  const allDay = !entry.slot && !entry.startAt;
  // Leave is one leader's absence: nobody "takes part" in it.
  const attendance = entry.kind === 'LEAVE' ? undefined : `参加领导：${names}`;
  return {
    uid: `${event.id}@siban`,
    sequence,
    stamp,
    summary: namesInSummary && !entry.busy ? `${names}：${entry.title}` : entry.title,
    location: entry.place || undefined,
    description: entry.busy ? undefined : [attendance, entry.note].filter(Boolean).join('\n') || undefined,
    start: event.interval.start,
    end: event.interval.end,
    allDay: allDay ? { startDate: entry.date, endDateExclusive: addDays(entry.endDate ?? entry.date, 1) } : undefined,
    busyOnly: entry.busy,
    categories: entry.busy ? undefined : [ENTRY_KIND_LABELS[entry.kind]],
    status: cancelled ? 'CANCELLED' : undefined,
  };
}
