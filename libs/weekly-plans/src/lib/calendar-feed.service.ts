import crypto from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { CalendarFeed, PrismaService, Role, ScheduleRevision } from '@siban/db';
import { forbidden } from '@siban/graphql-core';
import { AuthenticatedUser, IdentityService } from '@siban/identity';
import { LeaderService } from '@siban/organization';
import type { LeaderInfo } from './domain/types';
import { CreateCalendarFeedInput } from './dto/plan-entry.input';
import { ICalEvent, renderICalendar } from './export/ical-feed';
import { readRevision } from './revision-json';
import { layOutWeek, viewEntries, ViewedEvent } from './schedule-view';
import { ScheduleService, viewerOf } from './schedule.service';
import { addDays, addWeeks, weekOf } from './utils/week';
import { WeeklyPlanErrors } from './weekly-plans.errors';

// A feed shows the latest published revision of the weeks around today.
const WEEKS_BACK = 4;
const WEEKS_AHEAD = 4;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Calendar subscriptions (iCalendar) per leader or per office, at URLs with revocable secrets. */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly schedule: ScheduleService,
    private readonly leaders: LeaderService,
    private readonly identity: IdentityService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthenticatedUser, input: CreateCalendarFeedInput, requestBase: string): Promise<{ feed: CalendarFeed; url: string }> {
    if (!input.leaderId === !input.officeCode) throw WeeklyPlanErrors.feedScope();
    if (input.leaderId) await this.leaders.get(input.leaderId, 'leaderId');
    if (input.officeCode && input.officeCode !== user.officeCode && !user.roles.some((r) => r === Role.COORDINATOR || r === Role.ADMIN)) {
      throw forbidden('只能订阅本办公室的日历 / You can subscribe to your own office’s calendar only');
    }
    // Only a hash is kept: the URL is shown once, and a leaked database does not leak feeds.
    const token = crypto.randomBytes(24).toString('base64url');
    const feed = await this.prisma.calendarFeed.create({
      data: {
        tokenHash: hashToken(token),
        scope: input.leaderId ? 'LEADER' : 'OFFICE',
        leaderId: input.leaderId ?? null,
        officeCode: input.officeCode ?? null,
        ownerId: user.id,
      },
    });
    return { feed, url: `${this.config.publicUrl ?? requestBase}/calendar/${token}.ics` };
  }

  async revoke(user: AuthenticatedUser, id: string): Promise<CalendarFeed> {
    const feed = await this.prisma.calendarFeed.findUnique({ where: { id } });
    if (!feed || (feed.ownerId !== user.id && !user.roles.includes(Role.ADMIN))) throw WeeklyPlanErrors.feedNotFound(id);
    await this.prisma.calendarFeed.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: this.clock.now() } });
    return this.prisma.calendarFeed.findUniqueOrThrow({ where: { id } });
  }

  list(user: AuthenticatedUser): Promise<CalendarFeed[]> {
    return this.prisma.calendarFeed.findMany({ where: { ownerId: user.id }, orderBy: { createdAt: 'desc' } });
  }

  /** The feed's calendar text, or undefined for an unknown or revoked token (or a gone owner). */
  async render(token: string): Promise<string | undefined> {
    const feed = await this.prisma.calendarFeed.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!feed || feed.revokedAt) return undefined;
    const owner = await this.identity.authenticateUser(feed.ownerId);
    if (!owner) return undefined;
    const now = this.clock.now();
    const current = weekOf(now);
    const weeks = Array.from({ length: WEEKS_BACK + WEEKS_AHEAD + 1 }, (_, i) => addWeeks(current, i - WEEKS_BACK));
    const [revisions, leaders] = await Promise.all([
      this.prisma.scheduleRevision.findMany({ where: { week: { in: weeks } }, orderBy: [{ week: 'asc' }, { number: 'desc' }] }),
      this.schedule.leaderInfos(),
    ]);
    const latest = new Map<string, ScheduleRevision>();
    for (const r of revisions) if (!latest.has(r.week)) latest.set(r.week, r);
    const leadersById = new Map(leaders.map((l) => [l.id, l]));
    const wanted = (event: ViewedEvent) =>
      feed.scope === 'LEADER'
        ? event.leaderIds.includes(feed.leaderId as string)
        : event.leaderIds.some((id) => leadersById.get(id)?.officeCode === feed.officeCode);
    const events: ICalEvent[] = [];
    for (const revision of latest.values()) {
      const viewed = viewEntries(readRevision(revision).entries, viewerOf(owner), leadersById);
      for (const event of layOutWeek(revision.week, viewed, leaders).events.filter(wanted)) {
        events.push(toICalEvent(event, revision.number, leadersById, feed.scope === 'OFFICE'));
      }
    }
    const office = feed.officeCode ? await this.prisma.office.findUnique({ where: { code: feed.officeCode } }) : null;
    const name =
      feed.scope === 'LEADER'
        ? `${leadersById.get(feed.leaderId as string)?.name ?? ''}工作安排`
        : `${this.config.districtName}${office?.shortName ?? feed.officeCode}领导工作安排`;
    return renderICalendar({ calendarName: name, description: `${this.config.districtName}四办协同 Siban`, stamp: now, events });
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
