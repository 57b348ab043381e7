import { Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { PlanEntry, PrismaService, PrismaTx, Role, WeeklyPlan } from '@siban/db';
import { DomainError, FieldProblem } from '@siban/graphql-core';
import { AuthenticatedUser } from '@siban/identity';
import { LeaderService } from '@siban/organization';
import { addDays, addWeeks } from '@siban/district-time';
import { PlanEntryInput } from '../dto/plan-entry.input';
import { toEntryData } from '../plan-mapping';
import { changedFields } from '../schedule/utils/diff-revisions';
import { checkWeek } from '../utils/check-week';
import { WeeklyPlanErrors } from '../weekly-plans.errors';
import { PlanDeadlineService } from './plan-deadline.service';
import { matchUnchangedEntries } from './utils/match-entries';
import { entryTimingProblems } from './utils/validate-entry';

export type PlanWithEntries = WeeklyPlan & { entries: PlanEntry[] };

const MS_PER_WEEK = 7 * 24 * 3600 * 1000;

/** Secretaries' side of the weekly plan: drafts, edits, bulk entry, copying, submission. */
@Injectable()
export class WeeklyPlanService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly leaders: LeaderService,
    private readonly deadlines: PlanDeadlineService,
    private readonly clock: Clock,
  ) {}

  /** Only a secretary assigned to the leader writes (and reads the drafts of) the leader's plans. */
  async canEdit(user: AuthenticatedUser, leaderId: string): Promise<boolean> {
    return user.roles.includes(Role.SECRETARY) && (await this.leaders.isAssigned(user.id, leaderId));
  }

  async assertCanEdit(user: AuthenticatedUser, leaderId: string): Promise<void> {
    if (!(await this.canEdit(user, leaderId))) throw WeeklyPlanErrors.notYourLeader();
  }

  /** The plan as its secretary sees it (drafts included); null when nothing was entered yet. */
  async getPlan(leaderId: string, week: string): Promise<PlanWithEntries | null> {
    return this.prisma.weeklyPlan.findUnique({
      where: { leaderId_week: { leaderId, week: checkWeek(week) } },
      include: { entries: { orderBy: [{ date: 'asc' }, { position: 'asc' }] } },
    });
  }

  /**
   * Replaces the whole week's entries in one go (bulk entry). Ids given are kept; an entry listed
   * without an id keeps the id of an identical existing one (`matchUnchangedEntries`). A save that
   * changes nothing writes nothing and leaves the version as it was.
   */
  async save(user: AuthenticatedUser, leaderId: string, week: string, entries: PlanEntryInput[], expectedVersion?: number) {
    checkWeek(week);
    await this.assertCanEdit(user, leaderId);
    await this.validateEntries(entries, week, leaderId, 'entries');
    // One id listed twice would keep one of the two rows and silently drop the other.
    const firstIndex = new Map<string, number>();
    entries.forEach((entry, i) => {
      if (!entry.id) return;
      if (firstIndex.has(entry.id)) throw WeeklyPlanErrors.duplicateEntry(`entries.${i}.id`);
      firstIndex.set(entry.id, i);
    });
    const office = await this.leaders.officeCodeOf(leaderId);
    const listed = entries.map((entry) => ({ ...entryColumns(entry, office), id: entry.id, leaderId }));
    // The plan row, its version bump and every entry change commit together.
    return this.prisma.$transaction(async (tx) => {
      const plan = await this.lockPlan(tx, leaderId, week, expectedVersion, false);
      const existing = (await tx.planEntry.findMany({ where: { planId: plan.id } })).map((row) => ({ row, data: toEntryData(row) }));
      const unknown = listed.map((e) => e.id).filter((id): id is string => !!id && !existing.some((e) => e.row.id === id));
      if (unknown.length) throw WeeklyPlanErrors.entryNotFound(unknown[0]);
      const ids = matchUnchangedEntries(
        listed,
        existing.map((e) => e.data),
      );
      const byId = new Map(existing.map((e) => [e.row.id, e]));
      const kept = new Set(ids.filter((id): id is string => !!id));
      const removed = existing.filter((e) => !kept.has(e.row.id)).map((e) => e.row.id);
      const updates = listed.flatMap((entry, position) => {
        const id = ids[position];
        const before = id ? byId.get(id) : undefined;
        if (!id || !before) return [];
        const same = before.row.position === position && changedFields(before.data, { ...entry, id }).length === 0;
        return same ? [] : [{ id, entry, position }];
      });
      const created = listed.flatMap((entry, position) => (ids[position] ? [] : [{ entry, position }]));
      if (!removed.length && !updates.length && !created.length) return this.reload(tx, plan.id);

      await tx.weeklyPlan.update({ where: { id: plan.id }, data: { version: { increment: 1 } } });
      if (removed.length) await tx.planEntry.deleteMany({ where: { id: { in: removed } } });
      // Kept entries change row by row (each its own values); new ones go in one statement.
      for (const { id, entry, position } of updates) {
        await tx.planEntry.update({ where: { id }, data: { ...columnsOf(entry), position } });
      }
      await tx.planEntry.createMany({
        data: created.map(({ entry, position }) => ({ ...columnsOf(entry), position, planId: plan.id, week, leaderId })),
      });
      return this.reload(tx, plan.id);
    });
  }

  async addEntry(user: AuthenticatedUser, leaderId: string, week: string, entry: PlanEntryInput) {
    checkWeek(week);
    await this.assertCanEdit(user, leaderId);
    await this.validateEntries([entry], week, leaderId, 'entry');
    const office = await this.leaders.officeCodeOf(leaderId);
    return this.prisma.$transaction(async (tx) => {
      const plan = await this.lockPlan(tx, leaderId, week);
      const position = await tx.planEntry.count({ where: { planId: plan.id } });
      await tx.planEntry.create({ data: { ...entryColumns(entry, office), position, planId: plan.id, week, leaderId } });
      return this.reload(tx, plan.id);
    });
  }

  async updateEntry(user: AuthenticatedUser, id: string, entry: PlanEntryInput) {
    const existing = await this.findEntry(id);
    await this.assertCanEdit(user, existing.leaderId);
    await this.validateEntries([entry], existing.week, existing.leaderId, 'entry');
    const office = await this.leaders.officeCodeOf(existing.leaderId);
    return this.prisma.$transaction(async (tx) => {
      const plan = await this.lockPlan(tx, existing.leaderId, existing.week);
      await tx.planEntry.update({ where: { id }, data: entryColumns(entry, office) });
      return this.reload(tx, plan.id);
    });
  }

  async removeEntry(user: AuthenticatedUser, id: string) {
    const existing = await this.findEntry(id);
    await this.assertCanEdit(user, existing.leaderId);
    return this.prisma.$transaction(async (tx) => {
      const plan = await this.lockPlan(tx, existing.leaderId, existing.week);
      await tx.planEntry.delete({ where: { id } });
      return this.reload(tx, plan.id);
    });
  }

  /** Starts this week's plan from last week's, dates moved by seven days. */
  async copyPreviousWeek(user: AuthenticatedUser, leaderId: string, week: string, replace: boolean) {
    checkWeek(week);
    await this.assertCanEdit(user, leaderId);
    const previous = await this.getPlan(leaderId, addWeeks(week, -1));
    if (!previous || previous.entries.length === 0) throw WeeklyPlanErrors.nothingToCopy();
    return this.prisma.$transaction(async (tx) => {
      const plan = await this.lockPlan(tx, leaderId, week);
      if ((await tx.planEntry.count({ where: { planId: plan.id } })) > 0) {
        if (!replace) throw WeeklyPlanErrors.targetNotEmpty();
        await tx.planEntry.deleteMany({ where: { planId: plan.id } });
      }
      await tx.planEntry.createMany({
        data: previous.entries.map((e) => ({
          planId: plan.id,
          week,
          leaderId,
          date: addDays(e.date, 7),
          // A slot is one half-day: an end date on one (entered before that rule) is not copied.
          endDate: e.endDate && !e.slot ? addDays(e.endDate, 7) : null,
          slot: e.slot,
          startAt: e.startAt ? new Date(e.startAt.getTime() + MS_PER_WEEK) : null,
          endAt: e.endAt ? new Date(e.endAt.getTime() + MS_PER_WEEK) : null,
          kind: e.kind,
          title: e.title,
          place: e.place,
          leadOfficeCode: e.leadOfficeCode,
          attendeeLeaderIds: e.attendeeLeaderIds,
          confidentiality: e.confidentiality,
          sessionOf: e.sessionOf,
          note: e.note,
          position: e.position,
        })),
      });
      return this.reload(tx, plan.id);
    });
  }

  /** Submits the week's plan (an empty plan too: "no activities" is an answer); late is recorded. */
  async submit(user: AuthenticatedUser, leaderId: string, week: string) {
    checkWeek(week);
    await this.assertCanEdit(user, leaderId);
    const now = this.clock.now();
    const deadline = await this.deadlines.deadlineFor(week);
    return this.prisma.$transaction(async (tx) => {
      const plan = await this.lockPlan(tx, leaderId, week);
      if (plan.status === 'SUBMITTED') throw WeeklyPlanErrors.alreadySubmitted();
      await tx.weeklyPlan.update({
        where: { id: plan.id },
        data: { status: 'SUBMITTED', submittedAt: now, submittedById: user.id, late: now.getTime() > deadline.getTime() },
      });
      return this.reload(tx, plan.id);
    });
  }

  /** Who has submitted for the week (on time or late), who is writing, who has nothing. */
  async submissions(user: AuthenticatedUser, week: string) {
    checkWeek(week);
    const onlyMine = !user.roles.some((r) => r === Role.COORDINATOR || r === Role.DIRECTOR || r === Role.ADMIN);
    const [leaders, plans, deadline] = await Promise.all([
      onlyMine ? this.leaders.leadersOf(user.id) : this.leaders.directory(),
      this.prisma.weeklyPlan.findMany({ where: { week }, include: { _count: { select: { entries: true } } } }),
      this.deadlines.deadlineFor(week),
    ]);
    const byLeader = new Map(plans.map((p) => [p.leaderId, p]));
    return {
      week,
      deadline,
      leaders: leaders.map((leader) => {
        const plan = byLeader.get(leader.id);
        const state = !plan
          ? 'MISSING'
          : plan.status === 'DRAFT'
            ? plan._count.entries
              ? 'DRAFT'
              : 'MISSING'
            : plan.late
              ? 'LATE'
              : 'SUBMITTED';
        return { leaderId: leader.id, state, submittedAt: plan?.submittedAt ?? null, entryCount: plan?._count.entries ?? 0 };
      }),
    };
  }

  private async findEntry(id: string): Promise<PlanEntry> {
    const entry = await this.prisma.planEntry.findUnique({ where: { id } });
    if (!entry) throw WeeklyPlanErrors.entryNotFound(id);
    return entry;
  }

  /**
   * The plan row for (leader, week), created if missing, locked for this transaction and (unless
   * the caller bumps it only when something changes) its version bumped: concurrent edits of one
   * plan are serialised by the database, and a save made against an older version fails instead
   * of overwriting.
   */
  private async lockPlan(tx: PrismaTx, leaderId: string, week: string, expectedVersion?: number, bump = true): Promise<WeeklyPlan> {
    // INSERT ... ON CONFLICT DO NOTHING: an upsert reads then inserts, so two first edits of a new
    // plan at once would both insert and one fail on the unique key instead of waiting its turn.
    await tx.weeklyPlan.createMany({ data: [{ leaderId, week }], skipDuplicates: true });
    const [locked] = await tx.$queryRaw<{ id: string; version: number }[]>`
      SELECT id, version FROM "WeeklyPlan" WHERE "leaderId" = ${leaderId}::uuid AND week = ${week} FOR UPDATE`;
    if (expectedVersion !== undefined && locked.version !== expectedVersion)
      throw WeeklyPlanErrors.staleVersion(expectedVersion, locked.version);
    if (!bump) return tx.weeklyPlan.findUniqueOrThrow({ where: { id: locked.id } });
    return tx.weeklyPlan.update({ where: { id: locked.id }, data: { version: { increment: 1 } } });
  }

  private reload(tx: PrismaTx, planId: string): Promise<PlanWithEntries> {
    return tx.weeklyPlan.findUniqueOrThrow({
      where: { id: planId },
      include: { entries: { orderBy: [{ date: 'asc' }, { position: 'asc' }] } },
    });
  }

  private async validateEntries(entries: PlanEntryInput[], week: string, leaderId: string, path: string): Promise<void> {
    const at = (i: number) => (path === 'entry' ? 'entry' : `${path}.${i}`);
    const problems: FieldProblem[] = entries.flatMap((entry, i) => entryTimingProblems(entry, week, at(i), leaderId));
    const attendeeIds = [...new Set(entries.flatMap((e) => e.attendeeLeaderIds))];
    if (attendeeIds.length) {
      const known = new Set((await this.leaders.findByIds(attendeeIds)).map((l) => l.id));
      entries.forEach((entry, i) =>
        entry.attendeeLeaderIds
          .filter((id) => !known.has(id))
          .forEach((id) => problems.push({ field: `${at(i)}.attendeeLeaderIds`, message: `未找到领导 / no such leader: ${id}` })),
      );
    }
    if (problems.length) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `输入有误 / Invalid input: ${problems[0].field} ${problems[0].message}`,
        problems[0].field,
        problems,
      );
    }
  }
}

/** The columns an entry input writes; the lead office is the leader's own unless given. */
function entryColumns(entry: PlanEntryInput, leaderOfficeCode: string) {
  return {
    date: entry.date,
    endDate: entry.endDate ?? null,
    slot: entry.slot ?? null,
    startAt: entry.startAt ?? null,
    endAt: entry.endAt ?? null,
    kind: entry.kind,
    title: entry.title.trim(),
    place: entry.place.trim(),
    leadOfficeCode: entry.leadOfficeCode ?? leaderOfficeCode,
    attendeeLeaderIds: entry.attendeeLeaderIds,
    confidentiality: entry.confidentiality,
    sessionOf: entry.sessionOf ?? null,
    note: entry.note,
  };
}

function columnsOf({ id: _id, leaderId: _leaderId, ...columns }: ReturnType<typeof entryColumns> & { id?: string; leaderId: string }) {
  return columns;
}
