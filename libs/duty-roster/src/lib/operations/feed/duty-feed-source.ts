import { Injectable, OnModuleInit } from '@nestjs/common';
import { PrismaService, Role } from '@siban/db';
import { FeedCalendar, FeedRecord, FeedRegistry, FeedRequester, FeedTarget, ICalEvent } from '@siban/exports';
import { LeaderService } from '@siban/organization';
import { DutyOperationsErrors } from '../duty-operations.errors';
import { DutySeat, SEAT_INCLUDE, toSeat } from '../seats/seat-lookup';
import { DutySeatService } from '../seats/duty-seat.service';
import { addDays, fromDayNumber, shanghaiWallClock } from '../../utils/local-date';

// A feed shows the published shifts of two months back and four ahead.
const DAYS_BACK = 62;
const DAYS_AHEAD = 124;
const OVERSEER_ROLES: string[] = [Role.DUTY_COORDINATOR, Role.ADMIN];

/**
 * A person's duty shifts as a calendar feed (kind DUTY): the owner's own (as staff, and as the
 * leader they sign in as), or one leader's, for that leader's secretaries and the coordinators.
 * Only published months; a shift swapped away is sent once more as cancelled so calendars drop it.
 */
@Injectable()
export class DutyFeedSource implements OnModuleInit {
  constructor(
    private readonly registry: FeedRegistry,
    private readonly prisma: PrismaService,
    private readonly seats: DutySeatService,
    private readonly leaders: LeaderService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'DUTY',
      authorize: (requester, target) => this.authorize(requester, target),
      calendar: (feed, owner, now) => this.calendar(feed, owner, now),
    });
  }

  private async authorize(requester: FeedRequester, target: FeedTarget): Promise<FeedTarget> {
    if (target.officeCode) throw DutyOperationsErrors.feedTarget();
    if (!target.leaderId) return { leaderId: null, officeCode: null };
    await this.leaders.get(target.leaderId, 'leaderId');
    const allowed =
      requester.leaderId === target.leaderId ||
      requester.roles.some((r) => OVERSEER_ROLES.includes(r)) ||
      (await this.leaders.isAssigned(requester.id, target.leaderId));
    if (!allowed) throw DutyOperationsErrors.feedLeaderForbidden();
    return { leaderId: target.leaderId, officeCode: null };
  }

  private async calendar(feed: FeedRecord, owner: FeedRequester, now: Date): Promise<FeedCalendar> {
    const people = await this.prisma.dutyPerson.findMany({
      where: feed.leaderId
        ? { leaderId: feed.leaderId }
        : { OR: [{ userId: owner.id }, ...(owner.leaderId ? [{ leaderId: owner.leaderId }] : [])] },
      select: { id: true },
    });
    const personIds = people.map((p) => p.id);
    const today = fromDayNumber(shanghaiWallClock(now).day);
    const dates = { gte: addDays(today, -DAYS_BACK), lte: addDays(today, DAYS_AHEAD) };
    const published = { period: { status: 'PUBLISHED' as const }, date: dates };
    const [held, leftRows] = await Promise.all([
      this.prisma.dutyAssignment.findMany({
        where: { ...published, personId: { in: personIds } },
        include: SEAT_INCLUDE,
        orderBy: [{ date: 'asc' }],
      }),
      // Seats these people held once and no longer do (a swap, an override): sent as cancelled.
      this.prisma.dutyAssignment.findMany({
        where: {
          ...published,
          OR: [{ personId: null }, { personId: { notIn: personIds } }],
          changes: { some: { fromPersonId: { in: personIds } } },
        },
        include: SEAT_INCLUDE,
      }),
    ]);
    const mine = held.map(toSeat);
    const left = leftRows.map(toSeat);
    // Who else is on each shift, for the description: one read for all the feed's shifts.
    const shiftKeys = [...new Map(mine.map((s) => [`${s.date}|${s.templateId}`, { date: s.date, templateId: s.templateId }])).values()];
    const others = shiftKeys.length
      ? (await this.prisma.dutyAssignment.findMany({ where: { OR: shiftKeys, personId: { not: null } }, include: SEAT_INCLUDE })).map(
          toSeat,
        )
      : [];
    const names = await this.seats.people([...personIds, ...others.flatMap((s) => (s.person ? [s.person.id] : []))]);
    const colleagues = (seat: DutySeat) =>
      others
        .filter((o) => o.date === seat.date && o.templateId === seat.templateId && o.id !== seat.id)
        .sort((a, b) => a.post.position - b.post.position || a.seat - b.seat)
        .map((o) => `${o.post.name}：${names.get(o.person?.id ?? '')?.name ?? ''}`);
    const event = (seat: DutySeat, cancelled: boolean): ICalEvent => ({
      uid: `duty-${seat.id}@siban`,
      // A seat changes hands with a new version; cancelled, one more, so it outranks the last copy the calendar kept.
      sequence: seat.version + (cancelled ? 1 : 0),
      stamp: seat.updatedAt,
      summary: `值班：${seat.post.name}`,
      description: cancelled ? undefined : colleagues(seat).join('\n') || undefined,
      start: seat.startsAt,
      end: seat.endsAt,
      categories: ['值班'],
      status: cancelled ? 'CANCELLED' : undefined,
    });
    const name = feed.leaderId ? (await this.leaders.get(feed.leaderId)).name : (names.get(personIds[0])?.name ?? '');
    return { name: `${name}值班安排`, events: [...mine.map((s) => event(s, false)), ...left.map((s) => event(s, true))] };
  }
}
