import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { DutyRosterStatus, Notification, PrismaService } from '@siban/db';
import { describeDate, localDateOf, localTimeToInstant } from '@siban/district-time';
import { NotificationService } from '@siban/notifications';
import { JobScheduler } from '@siban/scheduler';
import { DUTY_NOTIFICATION } from '../duty-announcements';
import { addDays } from '../utils/local-date';
import { shiftInterval } from '../utils/shift-time';
import { DutyPeopleService } from './duty-people.service';
import { DUTY_GAP_CHECK_JOB, DutyRosterService } from './duty-roster.service';

/** How far ahead empty seats are looked for and alerted. */
export const GAP_HORIZON_DAYS = 30;
/** The daily sweep runs at this Shanghai time. */
const SWEEP_TIME = '07:00';

interface GapCheckJob {
  /** Why it was queued (a change, a publish), for the logs. */
  cause?: string;
  /** Set on the daily sweep: the date it runs for; it queues the next day's. */
  daily?: string;
}

/**
 * Gaps: empty seats of published months in the next 30 days. A check runs after every change
 * that can empty a seat (queued in that change's transaction) and daily; it first empties the
 * upcoming seats of people deactivated since (PERSON_DEACTIVATED), then alerts the duty
 * coordinators of each gap once: the DutyAlert row, unique per (seat, change that emptied it),
 * commits with the notifications, so a check run twice or on two instances alerts once.
 */
@Injectable()
export class DutyGapService implements OnModuleInit {
  private readonly logger = new Logger(DutyGapService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly roster: DutyRosterService,
    private readonly people: DutyPeopleService,
    private readonly notifications: NotificationService,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register<GapCheckJob>(DUTY_GAP_CHECK_JOB, async (job) => {
      const alerted = await this.check();
      if (alerted) this.logger.log({ cause: job.cause, alerted }, 'duty gaps alerted');
      if (job.daily) await this.planSweep(addDays(job.daily, 1));
    });
    // At every start: a check now (catching up on anything missed while stopped), and tomorrow's sweep.
    this.scheduler.afterStart(async () => {
      await this.scheduler.schedule(DUTY_GAP_CHECK_JOB, { cause: 'start' });
      await this.planSweep(addDays(localDateOf(this.clock.now()), 1));
    });
  }

  private async planSweep(date: string): Promise<void> {
    await this.scheduler.schedule(DUTY_GAP_CHECK_JOB, { cause: 'daily', daily: date } satisfies GapCheckJob, {
      runAt: localTimeToInstant(date, SWEEP_TIME),
      singletonKey: `duty-gaps:daily:${date}`,
    });
  }

  /** Empties the seats of deactivated people, then alerts each new gap once. Returns the alerts raised. */
  async check(): Promise<number> {
    const now = this.clock.now();
    const today = localDateOf(now);
    const horizon = new Date(now.getTime() + GAP_HORIZON_DAYS * 86_400_000);
    const ctx = await this.roster.context();
    const upcoming = (row: { date: string; templateId: string }) => {
      const template = ctx.templates.get(row.templateId);
      if (!template) return false;
      const { startsAt, endsAt } = shiftInterval(row, template);
      return endsAt > now && startsAt <= horizon;
    };
    const window = { gte: addDays(today, -1), lte: addDays(today, GAP_HORIZON_DAYS) };

    const held = await this.prisma.dutyAssignment.findMany({
      where: { personId: { not: null }, date: window, period: { status: DutyRosterStatus.PUBLISHED } },
    });
    const gone = held.filter((row) => upcoming(row) && !ctx.people.get(row.personId as string)?.active);
    if (gone.length) {
      // Each seat is emptied only if its holder is still the deactivated person (a change may have come first).
      await this.prisma.$transaction(async (tx) => {
        for (const row of gone) {
          const { count } = await tx.dutyAssignment.updateMany({
            where: { id: row.id, personId: row.personId },
            data: { personId: null, version: { increment: 1 } },
          });
          if (count === 0) continue;
          await tx.dutyShiftChange.create({
            data: {
              assignmentId: row.id,
              kind: 'PERSON_DEACTIVATED',
              fromPersonId: row.personId,
              toPersonId: null,
              reason: '人员已停用 / the person was deactivated',
              createdAt: now,
            },
          });
        }
      });
    }

    const empty = (
      await this.prisma.dutyAssignment.findMany({
        where: { personId: null, date: window, period: { status: DutyRosterStatus.PUBLISHED } },
        orderBy: [{ date: 'asc' }, { seat: 'asc' }],
      })
    ).filter(upcoming);
    if (empty.length === 0) return 0;
    const changes = await this.prisma.dutyShiftChange.findMany({
      where: { assignmentId: { in: empty.map((r) => r.id) } },
      orderBy: { seq: 'desc' },
      select: { id: true, assignmentId: true },
    });
    const emptiedBy = new Map<string, string>();
    for (const change of changes) if (!emptiedBy.has(change.assignmentId)) emptiedBy.set(change.assignmentId, change.id);
    const coordinators = await this.people.coordinatorIds();

    const created = await this.prisma.$transaction(async (tx) => {
      const alerts = await tx.dutyAlert.createManyAndReturn({
        data: empty.flatMap((row) => {
          const changeId = emptiedBy.get(row.id);
          return changeId ? [{ kind: 'GAP' as const, assignmentId: row.id, changeId }] : [];
        }),
        skipDuplicates: true,
      });
      const rows: Notification[] = [];
      for (const alert of alerts) {
        const row = empty.find((r) => r.id === alert.assignmentId);
        if (!row) continue;
        const post = ctx.posts.get(row.postId)?.name ?? '';
        rows.push(
          ...(await this.notifications.create(tx, coordinators, {
            kind: DUTY_NOTIFICATION.GAP,
            title: `值班空缺：${describeDate(row.date).zh} ${post} / Duty gap: ${row.date}`,
            body: `${row.date} ${post}（第 ${row.seat} 席）无人值班，请安排。/ Nobody holds seat ${row.seat} of this post on ${row.date}: please fill it.`,
            subjectId: row.id,
          })),
        );
      }
      return { alerts: alerts.length, rows };
    });
    await this.notifications.publish(created.rows);
    return created.alerts;
  }
}
