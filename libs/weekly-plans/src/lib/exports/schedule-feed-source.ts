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
import type { LeaderInfo } from '../domain/types';
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
          events: events.map(({ event, sequence }) => toICalEvent(event, sequence, leadersById, false)),
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
          this.publishedEvents(owner, now, (event, byId) => event.leaderIds.some((id) => byId.get(id)?.officeCode === officeCode)),
          this.offices.getByCode(officeCode).catch(() => undefined),
        ]);
        return {
          name: `${this.config.districtName}${office?.shortName ?? officeCode}领导工作安排`,
          events: events.map(({ event, sequence }) => toICalEvent(event, sequence, leadersById, true)),
        };
      },
    };
  }

  /** The wanted events of the latest published revision of each week around `now`, as `owner` may see them. */
  private async publishedEvents(
    owner: FeedRequester,
    now: Date,
    wanted: (event: ViewedEvent, leadersById: ReadonlyMap<string, LeaderInfo>) => boolean,
  ): Promise<{ leadersById: Map<string, LeaderInfo>; events: { event: ViewedEvent; sequence: number }[] }> {
    const current = weekOf(now);
    const weeks = Array.from({ length: WEEKS_BACK + WEEKS_AHEAD + 1 }, (_, i) => addWeeks(current, i - WEEKS_BACK));
    const [revisions, leaders] = await Promise.all([
      this.prisma.scheduleRevision.findMany({ where: { week: { in: weeks } }, orderBy: [{ week: 'asc' }, { number: 'desc' }] }),
      this.schedule.leaderInfos(),
    ]);
    const latest = new Map<string, ScheduleRevision>();
    for (const r of revisions) if (!latest.has(r.week)) latest.set(r.week, r);
    const leadersById = new Map(leaders.map((l) => [l.id, l]));
    const events: { event: ViewedEvent; sequence: number }[] = [];
    for (const revision of latest.values()) {
      const { entries } = readRevision(revision);
      for (const event of layOutWeek(revision.week, entries, viewerOf(owner), leaders, this.schedule.halfDayBounds).events) {
        // A trip running into the next week is in that week's revisions too; it is fed once, from its own week.
        if (weekOfDate(event.entry.date) !== revision.week) continue;
        if (wanted(event, leadersById)) events.push({ event, sequence: revision.number });
      }
    }
    return { leadersById, events };
  }
}

function toICalEvent(
  event: ViewedEvent,
  sequence: number,
  leadersById: ReadonlyMap<string, LeaderInfo>,
  namesInSummary: boolean,
): ICalEvent {
  const entry = event.entry;
  const names = event.leaderIds.map((id) => leadersById.get(id)?.name ?? id).join('、');
  const allDay = !entry.slot && !entry.startAt;
  return {
    uid: `${event.id}@siban`,
    sequence,
    summary: namesInSummary && !entry.busy ? `${names}：${entry.title}` : entry.title,
    location: entry.place || undefined,
    description: entry.busy ? undefined : [`参加领导：${names}`, entry.note].filter(Boolean).join('\n'),
    start: event.interval.start,
    end: event.interval.end,
    allDay: allDay ? { startDate: entry.date, endDateExclusive: addDays(entry.endDate ?? entry.date, 1) } : undefined,
    busyOnly: entry.busy,
    categories: entry.busy ? undefined : [entry.kind],
  };
}
