import { Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { DutyPersonKind, DutyRosterStatus, DutyShiftChange, Prisma, PrismaService, PrismaTx } from '@siban/db';
import { localDateOf } from '@siban/district-time';
import { AuthenticatedUser, IdentityService } from '@siban/identity';
import { NotificationService } from '@siban/notifications';
import { JobScheduler } from '@siban/scheduler';
import { ScheduleService } from '@siban/weekly-plans';
import type { DayKind, HeldSlot, HolidayCalendar, PostSpec, ShiftTemplate, Tally, Unavailability } from '../domain/types';
import { publishedAnnouncement } from '../duty-announcements';
import { DutyRosterErrors } from '../duty-roster.errors';
import {
  DutyCountsModel,
  DutyDayKind,
  DutyGapModel,
  DutyGenerationModel,
  DutyPersonModel,
  DutyPostModel,
  DutyRosterModel,
  DutyRosterPeriodModel,
  DutyShiftChangeModel,
  DutyShiftModel,
  DutyTallyModel,
} from '../dto/duty-roster.models';
import { classifyDate, classifyRange } from '../utils/classify-date';
import { monthsBetween, rangeProblem } from '../utils/date-range';
import { generateRoster, PersonHistory } from '../utils/generate-roster';
import { addDays } from '../utils/local-date';
import { shiftInterval, shiftsAt } from '../utils/shift-time';
import { emptyTally, tallyShifts } from '../utils/tally-shifts';
import { DutyPeopleService, DutyPersonInfo, PeopleDirectory } from './duty-people.service';
import { HolidayCalendarService } from './holiday-calendar.service';

/** Queued after every change that can empty a seat, and daily: alerts the coordinators of gaps (duty-gap.service.ts). */
export const DUTY_GAP_CHECK_JOB = 'duty.gaps';

const GAP_REASONS: Record<string, string> = {
  NO_POOL: '该岗位没有轮值人员 / the post has no one in its pool',
  ALL_UNAVAILABLE: '轮值人员均已请假或外出 / everyone in the pool is unavailable that day',
  NO_ELIGIBLE_PERSON: '无人可排：其余人员连班或时间冲突 / no one can take it without consecutive or overlapping shifts',
  GENERATED: '排班时无人可排 / no one could take it when the roster was generated',
  OVERRIDE: '协调人清空了该班次 / a coordinator emptied the seat',
  PERSON_UNAVAILABLE: '值班人员登记了不能值班 / the person on duty declared they are unavailable',
  PERSON_DEACTIVATED: '值班人员已停用 / the person on duty was deactivated',
};

type AssignmentRow = Prisma.DutyAssignmentGetPayload<{ include: { period: { select: { status: true } } } }>;

/** What every shift needs to be shown: templates, posts, people, calendars. Read once per request. */
export interface RosterContext {
  templates: Map<string, ShiftTemplate>;
  posts: Map<string, { id: string; code: string; name: string; kind: DutyPersonKind; position: number }>;
  people: PeopleDirectory;
  calendars: HolidayCalendar[];
}

export function personModel(person: DutyPersonInfo): DutyPersonModel {
  return {
    id: person.id,
    kind: person.kind,
    name: person.name,
    officeCode: person.officeCode,
    officeName: person.officeName,
    active: person.active,
  };
}

export function countsModel(tally: Tally | undefined): DutyCountsModel {
  return { ...(tally ?? emptyTally()) };
}

/**
 * Checks a date range (the fields are the arguments' names): it ends on or after its start and,
 * unless `anyLength`, before the same date a year later (2026-01-01 to 2026-12-31 at most).
 */
export function checkRange(from: string, to: string, anyLength = false): void {
  const problem = rangeProblem(from, to, anyLength);
  if (problem === 'REVERSED') throw DutyRosterErrors.rangeReversed('to');
  if (problem === 'TOO_LONG') throw DutyRosterErrors.rangeTooLong('to');
}

/** Duty coordinators and admins keep the roster: they see drafts and every request. */
export const isCoordinator = (user: AuthenticatedUser) => user.roles.includes('DUTY_COORDINATOR') || user.roles.includes('ADMIN');

/**
 * The roster itself: setup (posts and pools), generation of DRAFT months, publication, and every
 * read (on duty now, a person's shifts, the roster of a range, tallies, history). Changes to
 * seats (swaps, overrides, unavailability) are DutyChangeService's.
 */
@Injectable()
export class DutyRosterService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly people: DutyPeopleService,
    private readonly holidays: HolidayCalendarService,
    private readonly schedule: ScheduleService,
    private readonly notifications: NotificationService,
    private readonly scheduler: JobScheduler,
    private readonly identity: IdentityService,
    private readonly clock: Clock,
  ) {}

  // ---- The API other duty features build on (check-in, handovers, feeds, exports) ----

  /** The published shifts covering the instant `at` (every seat, held or not), in post order. */
  async shiftAt(at: Date): Promise<DutyShiftModel[]> {
    const ctx = await this.context();
    const covering = shiftsAt(at, [...ctx.templates.values()]);
    if (covering.length === 0) return [];
    return this.shifts(ctx, {
      OR: covering.map((c) => ({ date: c.date, templateId: c.templateId })),
      period: { status: DutyRosterStatus.PUBLISHED },
    });
  }

  /** Published shifts whose dates lie from `from` to `to` (both included). */
  async assignmentsBetween(from: string, to: string): Promise<DutyShiftModel[]> {
    return this.shifts(await this.context(), { date: { gte: from, lte: to }, period: { status: DutyRosterStatus.PUBLISHED } });
  }

  /** The DutyPerson ids a user acts as (their own, and their leader's for a leader's account). */
  personOfUser(userId: string): Promise<string[]> {
    return this.people.personIdsOfUser(userId);
  }

  // ---- Reading ----

  isCoordinator(user: AuthenticatedUser): boolean {
    return isCoordinator(user);
  }

  /** Each date of a range (at most a year) as the loaded calendars classify it. */
  daysBetween(from: string, to: string) {
    checkRange(from, to);
    return this.holidays.days(from, to);
  }

  async context(): Promise<RosterContext> {
    const [templates, posts, people, calendars] = await Promise.all([
      this.prisma.dutyShiftTemplate.findMany({ orderBy: [{ position: 'asc' }, { code: 'asc' }] }),
      this.prisma.dutyPost.findMany({ orderBy: [{ position: 'asc' }, { code: 'asc' }] }),
      this.people.directory(),
      this.holidays.calendars(),
    ]);
    return {
      templates: new Map(templates.filter((t) => t.active).map((t) => [t.id, t])),
      posts: new Map(posts.map((p) => [p.id, p])),
      people,
      calendars,
    };
  }

  shiftModel(ctx: RosterContext, row: AssignmentRow): DutyShiftModel {
    const template = ctx.templates.get(row.templateId) as ShiftTemplate;
    const interval = shiftInterval(row, template);
    const post = ctx.posts.get(row.postId);
    const person = row.personId ? ctx.people.get(row.personId) : undefined;
    const day = classifyDate(row.date, ctx.calendars);
    return {
      id: row.id,
      date: row.date,
      month: row.month,
      status: row.period.status,
      startsAt: interval.startsAt,
      endsAt: interval.endsAt,
      post: { id: row.postId, code: post?.code ?? '', name: post?.name ?? '', kind: row.kind },
      seat: row.seat,
      person: person ? personModel(person) : null,
      dayKind: DutyDayKind[day.kind],
      holiday: day.kind === 'HOLIDAY' ? day.holiday : null,
      adjustedFor: day.kind === 'WORKDAY' ? day.adjustedFor : null,
      version: row.version,
    };
  }

  /** Shifts matching `where`, by date, post and seat. */
  async shifts(ctx: RosterContext, where: Prisma.DutyAssignmentWhereInput, db: PrismaTx | PrismaService = this.prisma) {
    const rows = await db.dutyAssignment.findMany({
      where: { ...where, templateId: { in: [...ctx.templates.keys()] } },
      include: { period: { select: { status: true } } },
      orderBy: [{ date: 'asc' }, { post: { position: 'asc' } }, { seat: 'asc' }],
    });
    return rows.map((row) => this.shiftModel(ctx, row));
  }

  async shift(ctx: RosterContext, id: string, field: string): Promise<DutyShiftModel> {
    const [shift] = await this.shifts(ctx, { id });
    if (!shift) throw DutyRosterErrors.shiftNotFound(id, field);
    return shift;
  }

  /** Drafts are the coordinators' until published: everyone else reads published months only. */
  private visibleTo(user: AuthenticatedUser): Prisma.DutyAssignmentWhereInput {
    return isCoordinator(user) ? {} : { period: { status: DutyRosterStatus.PUBLISHED } };
  }

  /** The roster of a range: per office (people of that office) and per person, when asked. */
  async shiftsFor(
    user: AuthenticatedUser,
    args: { from: string; to: string; officeCode?: string; personId?: string },
  ): Promise<DutyShiftModel[]> {
    checkRange(args.from, args.to);
    const ctx = await this.context();
    const where: Prisma.DutyAssignmentWhereInput = { date: { gte: args.from, lte: args.to }, ...this.visibleTo(user) };
    if (args.personId) {
      const person = await this.people.find(args.personId);
      if (!person) return [];
      where.personId = person.id;
    }
    if (args.officeCode) {
      const ofOffice = [...ctx.people.values()].filter((p) => p.officeCode === args.officeCode).map((p) => p.dutyId);
      where.AND = [{ personId: { in: ofOffice } }];
    }
    return this.shifts(ctx, where);
  }

  /** The caller's published shifts (as staff, and as the leader their account reads as); by default the next 60 days. */
  async myShifts(user: AuthenticatedUser, from?: string, to?: string): Promise<DutyShiftModel[]> {
    const start = from ?? localDateOf(this.clock.now());
    const end = to ?? addDays(start, 60);
    checkRange(start, end);
    const ids = await this.people.personIdsOfUser(user.id);
    if (ids.length === 0) return [];
    return this.shifts(await this.context(), {
      personId: { in: ids },
      date: { gte: start, lte: end },
      period: { status: DutyRosterStatus.PUBLISHED },
    });
  }

  /** The roster view: days (with a warning for a year with no calendar), posts, shifts, months. */
  async roster(user: AuthenticatedUser, from: string, to: string): Promise<DutyRosterModel> {
    checkRange(from, to);
    const ctx = await this.context();
    const [{ days, missingYears }, shifts, periods, posts] = await Promise.all([
      this.holidays.days(from, to, ctx.calendars),
      this.shifts(ctx, { date: { gte: from, lte: to }, ...this.visibleTo(user) }),
      this.periods(monthsBetween(from, to)),
      this.postModels(ctx),
    ]);
    return {
      from,
      to,
      days: days.map((d) => ({ ...d, kind: DutyDayKind[d.kind] })),
      posts,
      shifts,
      periods: isCoordinator(user) ? periods : periods.filter((p) => p.status === DutyRosterStatus.PUBLISHED),
      missingYears,
      warnings: missingYears.map(
        (year) => `${year} 年的节假日安排尚未导入，节假日无法标注 / No holiday calendar is loaded for ${year}: holidays cannot be shown`,
      ),
    };
  }

  /** Months with their counts of seats and gaps; all months when none are named. */
  async periods(months?: string[]): Promise<DutyRosterPeriodModel[]> {
    const where = months ? { month: { in: months } } : {};
    const [rows, seats, gaps] = await Promise.all([
      this.prisma.dutyRosterPeriod.findMany({ where, orderBy: { month: 'asc' } }),
      this.prisma.dutyAssignment.groupBy({ by: ['month'], where, _count: true }),
      this.prisma.dutyAssignment.groupBy({ by: ['month'], where: { ...where, personId: null }, _count: true }),
    ]);
    const count = (list: { month: string; _count: number }[], month: string) => list.find((g) => g.month === month)?._count ?? 0;
    return rows.map((p) => ({
      month: p.month,
      status: p.status,
      generatedAt: p.generatedAt,
      publishedAt: p.publishedAt,
      version: p.version,
      shiftCount: count(seats, p.month),
      gapCount: count(gaps, p.month),
    }));
  }

  async postModels(ctx: RosterContext): Promise<DutyPostModel[]> {
    const posts = await this.prisma.dutyPost.findMany({
      where: { active: true },
      include: { template: true, members: { orderBy: { position: 'asc' } } },
      orderBy: [{ position: 'asc' }, { code: 'asc' }],
    });
    return posts.map((post) => ({
      id: post.id,
      code: post.code,
      name: post.name,
      kind: post.kind,
      days: post.days,
      seats: post.seats,
      startTime: post.template.startTime,
      durationMinutes: post.template.durationMinutes,
      pool: post.members.flatMap((m) => {
        const person = ctx.people.get(m.personId);
        return person ? [personModel(person)] : [];
      }),
    }));
  }

  /** Each person's counts in the range (all time without one) and over all time; drafts count, as generation counts them. */
  async tallies(from?: string, to?: string, only?: ReadonlySet<string>): Promise<DutyTallyModel[]> {
    if (from && to) checkRange(from, to, true);
    const ctx = await this.context();
    const held = await this.prisma.dutyAssignment.findMany({
      where: { personId: { not: null } },
      select: { personId: true, date: true, templateId: true },
      orderBy: { date: 'asc' },
    });
    const shifts = held.map((h) => ({ ...h, personId: h.personId as string }));
    const kinds = shifts.length ? classifyRange(shifts[0].date, shifts[shifts.length - 1].date, ctx.calendars).kinds : new Map();
    const all = tallyShifts(shifts, kinds).tallies;
    const ranged = from || to ? tallyShifts(shifts, kinds, { from: from ?? '0000-01-01', to: to ?? '9999-12-31' }).tallies : all;
    const order = await this.poolOrder();
    return this.tallyModels(ctx, only ? order.filter((id) => only.has(id)) : [...order, ...all.keys()], all, ranged);
  }

  /** Pool members in post and rotation order. */
  private async poolOrder(): Promise<string[]> {
    const members = await this.prisma.dutyPoolMember.findMany({
      where: { post: { active: true } },
      orderBy: [{ post: { position: 'asc' } }, { position: 'asc' }],
      select: { personId: true },
    });
    return [...new Set(members.map((m) => m.personId))];
  }

  private tallyModels(ctx: RosterContext, order: string[], all: Map<string, Tally>, ranged: Map<string, Tally>): DutyTallyModel[] {
    return [...new Set(order)].flatMap((id) => {
      const person = ctx.people.get(id);
      return person ? [{ person: personModel(person), range: countsModel(ranged.get(id)), allTime: countsModel(all.get(id)) }] : [];
    });
  }

  /** Empty seats from `from` to `to` (by default the next 30 days), each with why it is empty. */
  async gaps(from?: string, to?: string): Promise<DutyGapModel[]> {
    const start = from ?? localDateOf(this.clock.now());
    const end = to ?? addDays(start, 30);
    checkRange(start, end);
    const ctx = await this.context();
    const shifts = await this.shifts(ctx, { personId: null, date: { gte: start, lte: end } });
    const changes = await this.prisma.dutyShiftChange.findMany({
      where: { assignmentId: { in: shifts.map((s) => s.id) } },
      orderBy: { seq: 'desc' },
    });
    const lastChange = new Map<string, (typeof changes)[number]>();
    for (const change of changes) if (!lastChange.has(change.assignmentId)) lastChange.set(change.assignmentId, change);
    return shifts.map((shift) => {
      const change = lastChange.get(shift.id);
      const reason = change?.kind ?? 'GENERATED';
      const base = GAP_REASONS[reason] ?? GAP_REASONS['GENERATED'];
      const [zh, en] = base.split(' / ');
      const note = change?.reason ? `：${change.reason}` : '';
      return { shift, reason, message: `${zh}${note} / ${en}${change?.reason ? `: ${change.reason}` : ''}` };
    });
  }

  // ---- Setup ----

  /** Sets a post's pool, in rotation order; people are leaders (LEADER posts) or staff users. */
  async setPool(postId: string, ids: string[]): Promise<DutyPostModel> {
    const post = await this.prisma.dutyPost.findUnique({ where: { id: postId } });
    if (!post) throw DutyRosterErrors.postNotFound(postId);
    const personIds = await this.people.ensure(post.kind, ids, 'personIds');
    // The whole pool is replaced at once: no reader sees half of the new order.
    await this.prisma.$transaction(async (tx) => {
      await tx.dutyPoolMember.deleteMany({ where: { postId } });
      await tx.dutyPoolMember.createMany({
        data: personIds.map((personId, position) => ({ postId, personId, kind: post.kind, position })),
      });
    });
    const models = await this.postModels(await this.context());
    return models.find((m) => m.id === postId) as DutyPostModel;
  }

  // ---- Generation ----

  /**
   * Writes DRAFT seats for every shift from `from` to `to`, fairly over time: each person's counts
   * so far (every shift before `from`) are carried in, nobody holds consecutive shifts (the last
   * shifts before `from` and the first after `to` count), and declared unavailability and
   * leaders' submitted TRIP/LEAVE entries are respected. A seat nobody can take is left empty: a
   * gap with its reason. Regenerating a DRAFT month rewrites its seats in place (the history
   * keeps each earlier holder); a PUBLISHED month is refused.
   */
  async generate(user: AuthenticatedUser, from: string, to: string): Promise<DutyGenerationModel> {
    checkRange(from, to);
    const calendars = await this.holidays.calendars();
    const { kinds, missingYears } = classifyRange(from, to, calendars);
    if (missingYears.length) {
      throw DutyRosterErrors.noCalendar(missingYears.includes(Number(from.slice(0, 4))) ? 'from' : 'to', missingYears);
    }
    const dayAfter = addDays(to, 1);
    const next = classifyDate(dayAfter, calendars);
    if (next.kind !== 'NO_CALENDAR') kinds.set(dayAfter, next.kind);

    const months = monthsBetween(from, to);
    const published = await this.prisma.dutyRosterPeriod.findFirst({
      where: { month: { in: months }, status: DutyRosterStatus.PUBLISHED },
      orderBy: { month: 'asc' },
    });
    if (published) throw DutyRosterErrors.periodPublished(published.month);

    const ctx = await this.context();
    const templates = [...ctx.templates.values()];
    const postRows = await this.prisma.dutyPost.findMany({
      where: { active: true, templateId: { in: [...ctx.templates.keys()] } },
      include: { members: { orderBy: { position: 'asc' } } },
      orderBy: [{ position: 'asc' }, { code: 'asc' }],
    });
    const posts: PostSpec[] = postRows.map((p) => ({ id: p.id, templateId: p.templateId, days: p.days, seats: p.seats }));
    const postKind = new Map(postRows.map((p) => [p.id, p.kind]));
    // Deactivated people stay in their pools (they may come back) but are not rostered.
    const pools = Object.fromEntries(
      postRows.map((p) => [p.id, p.members.map((m) => m.personId).filter((id) => ctx.people.get(id)?.active)]),
    );

    const [history, unavailability] = await Promise.all([
      this.historyBefore(from, pools, calendars),
      this.unavailability(from, to, ctx.people),
    ]);
    // Whoever holds a shift starting the day after `to` (a later month already generated) cannot
    // take `to`'s shift: the two would run back to back.
    const after = await this.prisma.dutyAssignment.findMany({
      where: { date: dayAfter, personId: { not: null } },
      select: { personId: true },
    });
    for (const { personId } of after) {
      unavailability.push({ personId: personId as string, from: to, to, reason: '次日值班 / on duty the day after' });
    }

    const result = generateRoster({ from, to, templates, posts, dayKinds: kinds, pools, history, unavailability });
    const seats: (HeldSlot | (Omit<HeldSlot, 'personId'> & { personId: null }))[] = [
      ...result.assignments,
      ...result.gaps.map((g) => ({ ...g.slot, personId: null })),
    ];
    const existing = await this.prisma.dutyAssignment.findMany({
      where: { date: { gte: from, lte: to } },
      select: { id: true, date: true, templateId: true, postId: true, seat: true, personId: true },
    });
    const slotKey = (s: { date: string; templateId: string; postId: string; seat: number }) =>
      `${s.date}|${s.templateId}|${s.postId}|${s.seat}`;
    const existingBySlot = new Map(existing.map((e) => [slotKey(e), e]));
    const holderBySlot = new Map(seats.map((seat) => [slotKey(seat), seat.personId]));
    const now = this.clock.now();

    // The months, their seats and one GENERATED entry per seat commit together, or nothing does;
    // the months are locked first, so a publish of one of them waits and then sees the new seats.
    await this.prisma.$transaction(
      async (tx) => {
        await tx.dutyRosterPeriod.createMany({ data: months.map((month) => ({ month })), skipDuplicates: true });
        const locked = await tx.$queryRaw<{ month: string; status: string }[]>`
          SELECT "month", "status"::text AS "status" FROM "DutyRosterPeriod"
          WHERE "month" IN (${Prisma.join(months)}) ORDER BY "month" FOR UPDATE`;
        const publishedNow = locked.find((p) => p.status === DutyRosterStatus.PUBLISHED);
        if (publishedNow) throw DutyRosterErrors.periodPublished(publishedNow.month);
        await tx.dutyRosterPeriod.updateMany({
          where: { month: { in: months } },
          data: { generatedAt: now, generatedById: user.id, version: { increment: 1 } },
        });

        const fresh = seats.filter((s) => !existingBySlot.has(slotKey(s)));
        const created = await tx.dutyAssignment.createManyAndReturn({
          data: fresh.map((s) => ({
            month: s.date.slice(0, 7),
            date: s.date,
            templateId: s.templateId,
            postId: s.postId,
            kind: postKind.get(s.postId) as DutyPersonKind,
            seat: s.seat,
            personId: s.personId,
          })),
          select: { id: true, date: true, templateId: true, postId: true, seat: true },
        });
        const changes: Prisma.DutyShiftChangeCreateManyInput[] = created.map((c) => ({
          assignmentId: c.id,
          kind: 'GENERATED',
          fromPersonId: null,
          toPersonId: holderBySlot.get(slotKey(c)) ?? null,
          actorId: user.id,
          createdAt: now,
        }));
        // Seats already there are rewritten in place, one statement per new holder.
        const byHolder = new Map<string | null, string[]>();
        for (const seat of seats) {
          const row = existingBySlot.get(slotKey(seat));
          if (!row) continue;
          byHolder.set(seat.personId, [...(byHolder.get(seat.personId) ?? []), row.id]);
          changes.push({
            assignmentId: row.id,
            kind: 'GENERATED',
            fromPersonId: row.personId,
            toPersonId: seat.personId,
            actorId: user.id,
            createdAt: now,
          });
        }
        for (const [personId, ids] of byHolder) {
          await tx.dutyAssignment.updateMany({ where: { id: { in: ids } }, data: { personId, version: { increment: 1 } } });
        }
        await tx.dutyShiftChange.createMany({ data: changes });
      },
      { timeout: 120_000, maxWait: 30_000 },
    );

    const members = new Set(Object.values(pools).flat());
    return {
      from,
      to,
      periods: await this.periods(months),
      shiftCount: seats.length,
      gaps: await this.gaps(from, to),
      tallies: await this.tallies(from, to, members),
    };
  }

  /**
   * What each pool member brings in: counts of every shift before `from`, and their last shifts
   * (for the consecutive rule and the wait since their last shift). Someone new to a pool starts
   * at the pool's lowest counts, so they do not catch up all at once.
   */
  private async historyBefore(from: string, pools: Record<string, string[]>, calendars: HolidayCalendar[]): Promise<PersonHistory[]> {
    const members = [...new Set(Object.values(pools).flat())];
    if (members.length === 0) return [];
    const held = await this.prisma.dutyAssignment.findMany({
      where: { date: { lt: from }, personId: { in: members } },
      select: { personId: true, date: true, templateId: true, postId: true, seat: true },
      orderBy: { date: 'asc' },
    });
    const shifts = held.map((h) => ({ ...h, personId: h.personId as string }));
    const kinds: Map<string, DayKind> = shifts.length
      ? classifyRange(shifts[0].date, shifts[shifts.length - 1].date, calendars).kinds
      : new Map();
    const tallies = tallyShifts(shifts, kinds).tallies;
    const recent = new Map<string, HeldSlot>(); // person|post → their last shift in it
    for (const shift of shifts) recent.set(`${shift.personId}|${shift.postId}`, shift);

    const history = new Map<string, PersonHistory>();
    for (const pool of Object.values(pools)) {
      const known = pool.filter((id) => tallies.has(id)).map((id) => tallies.get(id) as Tally);
      const floor: Tally = known.length
        ? {
            total: Math.min(...known.map((t) => t.total)),
            weekend: Math.min(...known.map((t) => t.weekend)),
            holiday: Math.min(...known.map((t) => t.holiday)),
          }
        : emptyTally();
      for (const personId of pool) {
        if (history.has(personId)) continue;
        history.set(personId, {
          personId,
          tally: tallies.get(personId) ?? { ...floor },
          recentShifts: [...recent.values()].filter((s) => s.personId === personId),
        });
      }
    }
    return [...history.values()];
  }

  /** Declared unavailability, and leaders' TRIP/LEAVE entries of submitted weekly plans, overlapping the range. */
  async unavailability(from: string, to: string, people: PeopleDirectory): Promise<Unavailability[]> {
    const [declared, absences] = await Promise.all([
      this.prisma.dutyUnavailability.findMany({
        where: { cancelledAt: null, fromDate: { lte: to }, toDate: { gte: from } },
        orderBy: { fromDate: 'asc' },
      }),
      this.schedule.leaderAbsences(from, to),
    ]);
    const leaderPerson = new Map([...people.values()].filter((p) => p.kind === DutyPersonKind.LEADER).map((p) => [p.id, p.dutyId]));
    return [
      ...declared.map((d) => ({ personId: d.personId, from: d.fromDate, to: d.toDate, reason: d.reason })),
      ...absences.flatMap((a) => {
        const personId = leaderPerson.get(a.leaderId);
        const reason = a.kind === 'TRIP' ? '出差（周工作安排） / on a trip (weekly plan)' : '请假（周工作安排） / on leave (weekly plan)';
        return personId ? [{ personId, from: a.from, to: a.to, reason }] : [];
      }),
    ];
  }

  // ---- Publishing ----

  /**
   * DRAFT → PUBLISHED for one month, by a conditional update: of two coordinators publishing at
   * once, one wins and the other is told. Everyone on the month hears their dates (the
   * announcement commits with the status), and its gaps are checked.
   */
  async publish(user: AuthenticatedUser, month: string): Promise<DutyRosterPeriodModel> {
    const period = await this.prisma.dutyRosterPeriod.findUnique({ where: { month } });
    if (!period || !period.generatedAt) throw DutyRosterErrors.periodNotFound(month);
    if (period.status === DutyRosterStatus.PUBLISHED) throw DutyRosterErrors.alreadyPublished(month);
    const people = await this.people.directory();
    const posts = new Map((await this.prisma.dutyPost.findMany()).map((p) => [p.id, p.name]));
    const announcement = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.dutyRosterPeriod.updateMany({
        where: { month, status: DutyRosterStatus.DRAFT },
        data: { status: DutyRosterStatus.PUBLISHED, publishedAt: this.clock.now(), publishedById: user.id, version: { increment: 1 } },
      });
      if (count === 0) throw DutyRosterErrors.alreadyPublished(month);
      const { version } = await tx.dutyRosterPeriod.findUniqueOrThrow({ where: { month }, select: { version: true } });
      const seats = await tx.dutyAssignment.findMany({ where: { month }, orderBy: [{ date: 'asc' }, { seat: 'asc' }] });
      const held = seats.map((s) => ({ date: s.date, postName: posts.get(s.postId) ?? '', personId: s.personId }));
      const message = publishedAnnouncement(`duty-published:${month}:${version}`, month, held, people);
      await this.notifications.announce(tx, message);
      await this.scheduler.schedule(DUTY_GAP_CHECK_JOB, { cause: `published ${month}` }, { tx });
      return message;
    });
    await this.notifications.deliverNow(announcement);
    return (await this.periods([month]))[0];
  }

  /** The append-only history of one seat, oldest first. */
  async history(shiftId: string): Promise<DutyShiftChangeModel[]> {
    const shift = await this.prisma.dutyAssignment.findUnique({ where: { id: shiftId }, select: { id: true } });
    if (!shift) throw DutyRosterErrors.shiftNotFound(shiftId, 'shiftId');
    const changes = await this.prisma.dutyShiftChange.findMany({
      where: { assignmentId: shiftId },
      include: { undoneBy: { select: { id: true } } },
      orderBy: { seq: 'asc' },
    });
    return this.changeModels(await this.context(), changes);
  }

  /** History entries with the people and the actor named. */
  async changeModels(
    ctx: RosterContext,
    changes: (DutyShiftChange & { undoneBy: { id: string } | null })[],
  ): Promise<DutyShiftChangeModel[]> {
    const actors = new Map(
      (await this.identity.staffByIds([...new Set(changes.flatMap((c) => (c.actorId ? [c.actorId] : [])))])).map((u) => [
        u.id,
        u.displayName,
      ]),
    );
    const person = (id: string | null) => {
      const info = id ? ctx.people.get(id) : undefined;
      return info ? personModel(info) : null;
    };
    return changes.map((c) => ({
      id: c.id,
      shiftId: c.assignmentId,
      kind: c.kind,
      from: person(c.fromPersonId),
      to: person(c.toPersonId),
      reason: c.reason,
      actorId: c.actorId,
      actorName: c.actorId ? (actors.get(c.actorId) ?? null) : null,
      relatedShiftId: c.relatedAssignmentId,
      swapRequestId: c.swapRequestId,
      undoesId: c.undoesId,
      undoneById: c.undoneBy?.id ?? null,
      warnings: c.warnings,
      createdAt: c.createdAt,
    }));
  }
}
