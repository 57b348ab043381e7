import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { isUniqueViolation, PrismaService, ScheduleRevision } from '@siban/db';
import { addWeeks, weekDays } from '@siban/district-time';
import { AuthenticatedUser, IdentityService, OfficeService } from '@siban/identity';
import { Announcement, NotificationService } from '@siban/notifications';
import { LeaderService } from '@siban/organization';
import type { Acknowledgement, LeaderInfo, LocalDate, PlanEntryData, RevisionDiff } from '../domain/types';
import { ConflictAcknowledgementInput } from '../dto/plan-entry.input';
import { toEntryData, toLeaderInfo } from '../plan-mapping';
import { PlanDeadlineService } from '../plans/plan-deadline.service';
import { readRevision, revisionJson } from '../revision-json';
import { checkWeek } from '../utils/check-week';
import { WeeklyPlanErrors } from '../weekly-plans.errors';
import { revisionAnnouncement } from './revision-announcement';
import { conflictViews, layOutWeek, viewDiff, viewEntries, visibleConflicts } from './schedule-view';
import { carriedNotes } from './utils/carry-acknowledgements';
import { detectConflicts } from './utils/detect-conflicts';
import { diffEntries } from './utils/diff-revisions';
import type { Viewer } from './utils/visibility';

/** A leader away on whole dates by a submitted plan (both ends included). */
export interface LeaderAbsence {
  leaderId: string;
  from: LocalDate;
  to: LocalDate;
  kind: 'TRIP' | 'LEAVE';
}

/** The coordinators' side: the merged week, its conflicts, and publication by revision. */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly leaders: LeaderService,
    private readonly deadlines: PlanDeadlineService,
    private readonly notifications: NotificationService,
    private readonly identity: IdentityService,
    private readonly offices: OfficeService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 上午, 下午 and 晚上 as the district has set them. */
  get halfDayBounds() {
    return this.config.halfDayBounds;
  }

  /** Leaders as the pure logic needs them; former leaders too by default (old plans name them). */
  async leaderInfos(includeInactive = true): Promise<LeaderInfo[]> {
    return (await this.leaders.directory(includeInactive)).map(toLeaderInfo);
  }

  /**
   * Every submitted entry taking up time in the week: the week's plans, and whole-day entries of
   * the week before that run into it (a trip over the weekend). One query, whatever the number of
   * leaders. Entries span at most 14 days, so nothing older than the week before reaches in.
   */
  async submittedEntries(week: string): Promise<PlanEntryData[]> {
    const rows = await this.prisma.planEntry.findMany({
      where: {
        plan: { status: 'SUBMITTED' },
        OR: [{ week }, { week: addWeeks(week, -1), endDate: { gte: weekDays(week)[0] } }],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toEntryData);
  }

  /**
   * Whole dates on which leaders are away by their submitted plans (TRIP and LEAVE entries)
   * between `from` and `to`: the duty roster keeps them off duty then. A half-day or timed
   * entry takes its whole date.
   */
  async leaderAbsences(from: LocalDate, to: LocalDate): Promise<LeaderAbsence[]> {
    const rows = await this.prisma.planEntry.findMany({
      where: {
        kind: { in: ['TRIP', 'LEAVE'] },
        plan: { status: 'SUBMITTED' },
        date: { lte: to },
        OR: [{ endDate: { gte: from } }, { endDate: null, date: { gte: from } }],
      },
      select: { leaderId: true, date: true, endDate: true, kind: true },
      orderBy: [{ date: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({ leaderId: r.leaderId, from: r.date, to: r.endDate ?? r.date, kind: r.kind as LeaderAbsence['kind'] }));
  }

  async latestRevision(week: string): Promise<ScheduleRevision | null> {
    return this.prisma.scheduleRevision.findFirst({ where: { week }, orderBy: { number: 'desc' } });
  }

  /** The working (unpublished) merged schedule, for coordinators. */
  async mergedSchedule(week: string, viewer: Viewer) {
    checkWeek(week);
    const [entries, leaders, latest, deadline] = await Promise.all([
      this.submittedEntries(week),
      this.leaderInfos(),
      this.latestRevision(week),
      this.deadlines.deadlineFor(week),
    ]);
    const leadersById = new Map(leaders.map((l) => [l.id, l]));
    const viewed = viewEntries(entries, viewer, leadersById);
    const layout = layOutWeek(week, entries, viewer, leaders, this.halfDayBounds);
    const published = latest ? readRevision(latest) : null;
    const pending: RevisionDiff = diffEntries(published?.entries ?? [], entries);
    const conflicts = detectConflicts(entries, leaders, this.halfDayBounds);
    const carried = carriedNotes(conflicts, published, entries);
    return {
      week,
      deadline,
      ...layout,
      conflicts: conflictViews(
        visibleConflicts(conflicts, viewed).map((c) => ({ ...c, note: carried.get(c.key) ?? null })),
        leadersById,
      ),
      latestRevisionNumber: latest?.number ?? 0,
      pendingChanges: pending,
    };
  }

  /**
   * Publishes the current merged schedule as the week's next revision. Every conflict must be
   * acknowledged with a note; the revision number is unique per week, so of two coordinators
   * publishing at once one wins and the other is told.
   */
  async publish(
    user: AuthenticatedUser,
    week: string,
    acknowledgements: ConflictAcknowledgementInput[],
    note: string,
  ): Promise<ScheduleRevision> {
    checkWeek(week);
    const [entries, leaders, latest] = await Promise.all([this.submittedEntries(week), this.leaderInfos(), this.latestRevision(week)]);
    const conflicts = detectConflicts(entries, leaders, this.halfDayBounds);
    // A conflict acknowledged in the latest revision stays acknowledged while its entries are
    // unchanged; a note given now replaces the carried one.
    const carried = carriedNotes(conflicts, latest ? readRevision(latest) : null, entries);
    const notes = new Map([...carried, ...acknowledgements.map((a): [string, string] => [a.conflictKey, a.note.trim()])]);
    const open = conflicts.filter((c) => !notes.get(c.key));
    if (open.length) throw WeeklyPlanErrors.unacknowledgedConflicts(open.map((c) => c.key));
    const previous = latest ? readRevision(latest).entries : [];
    const diff = diffEntries(previous, entries);
    if (latest && !diff.added.length && !diff.removed.length && !diff.changed.length) throw WeeklyPlanErrors.nothingToPublish();

    const acknowledged: Acknowledgement[] = conflicts.map((c) => ({ ...c, note: notes.get(c.key) as string }));
    // Read first: on the embedded database a read outside the transaction would wait for it.
    const [offices, staff] = await Promise.all([this.offices.list(), this.identity.activeStaff()]);
    const leadersById = new Map(leaders.map((l) => [l.id, l]));
    let published: { revision: ScheduleRevision; announcement: Announcement };
    try {
      // The revision and the announcement of it commit together: no revision goes unannounced.
      published = await this.prisma.$transaction(async (tx) => {
        const revision = await tx.scheduleRevision.create({
          data: {
            week,
            number: (latest?.number ?? 0) + 1,
            publishedAt: this.clock.now(),
            publishedById: user.id,
            note: note.trim(),
            ...revisionJson(entries, diff, acknowledged),
          },
        });
        const codes = offices.map((o) => o.code);
        const announcement = revisionAnnouncement(revision, previous, entries, leadersById, codes, staff);
        await this.notifications.announce(tx, announcement);
        return { revision, announcement };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw WeeklyPlanErrors.concurrentPublish();
      throw error;
    }
    await this.notifications.deliverNow(published.announcement);
    return published.revision;
  }

  async revisions(week: string): Promise<ScheduleRevision[]> {
    checkWeek(week);
    return this.prisma.scheduleRevision.findMany({ where: { week }, orderBy: { number: 'asc' } });
  }

  async revision(week: string, number: number): Promise<ScheduleRevision> {
    checkWeek(week);
    const revision = await this.prisma.scheduleRevision.findUnique({ where: { week_number: { week, number } } });
    if (!revision) throw WeeklyPlanErrors.revisionNotFound(week, number);
    return revision;
  }

  /**
   * Published revisions as this viewer may see them: each schedule, and the change from the one
   * before. All revisions of the week are read once, whatever the number asked for.
   */
  async revisionViews(week: string, viewer: Viewer, numbers?: number[]) {
    const [all, leaders] = await Promise.all([this.revisions(week), this.leaderInfos()]);
    const leadersById = new Map(leaders.map((l) => [l.id, l]));
    const wanted = numbers ? all.filter((r) => numbers.includes(r.number)) : all;
    if (numbers && wanted.length !== numbers.length)
      throw WeeklyPlanErrors.revisionNotFound(week, numbers.find((n) => !all.some((r) => r.number === n)) ?? 0);
    return wanted.map((revision) => {
      const { entries, acknowledgements } = readRevision(revision);
      const before = all.find((r) => r.number === revision.number - 1);
      const viewed = viewEntries(entries, viewer, leadersById);
      return {
        revision,
        leaders,
        ...layOutWeek(revision.week, entries, viewer, leaders, this.halfDayBounds),
        changes: viewDiff(before ? readRevision(before).entries : [], entries, viewer, leadersById),
        acknowledgements: conflictViews(visibleConflicts(acknowledgements, viewed), leadersById),
      };
    });
  }
}
