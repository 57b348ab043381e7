import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { isUniqueViolation, PrismaService, PrismaTx } from '@siban/db';
import { NotificationService } from '@siban/notifications';
import { LeaderService } from '@siban/organization';
import { JobScheduler } from '@siban/scheduler';
import { addWeeks, describeInstant, weekOf } from '@siban/district-time';
import { defaultSubmissionDeadline } from './utils/submission-deadline';

export const PLAN_REMINDER_JOB = 'plans.remind';

/** Hours before the deadline at which secretaries who have not submitted are reminded. */
export const REMINDER_OFFSETS_HOURS = [24, 2];

interface ReminderJob {
  week: string;
  offsetHours: number;
  /** The deadline the job was planned for: a job outlived by a new deadline does nothing. */
  deadlineAt: string;
}

@Injectable()
export class PlanDeadlineService implements OnModuleInit {
  private readonly logger = new Logger(PlanDeadlineService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly scheduler: JobScheduler,
    private readonly notifications: NotificationService,
    private readonly leaders: LeaderService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register<ReminderJob>(PLAN_REMINDER_JOB, (job) => this.sendReminder(job));
    // Next week's reminders are planned at every start: one job per key, so a restart adds none.
    this.scheduler.afterStart(() => this.planReminders(addWeeks(weekOf(this.clock.now()), 1)));
  }

  async deadlineFor(week: string): Promise<Date> {
    const row = await this.prisma.planWeek.findUnique({ where: { week } });
    return row?.deadlineAt ?? defaultSubmissionDeadline(week);
  }

  async setDeadline(week: string, deadline: Date, userId: string): Promise<Date> {
    // The deadline and its reminder jobs commit together: a saved deadline always reminds.
    await this.prisma.$transaction(async (tx) => {
      await tx.planWeek.upsert({
        where: { week },
        create: { week, deadlineAt: deadline, setById: userId },
        update: { deadlineAt: deadline, setById: userId },
      });
      await this.planReminders(week, deadline, tx);
    });
    return deadline;
  }

  /**
   * Queues the reminders of `week` before its deadline (read when not given), inside `tx` when
   * given. Reminders whose time has already passed collapse into one sent now (the one nearest
   * the deadline), so a late-set deadline still reminds, once.
   */
  async planReminders(week: string, deadlineAt?: Date, tx?: PrismaTx): Promise<void> {
    const deadline = deadlineAt ?? (await this.deadlineFor(week));
    const now = this.clock.now().getTime();
    if (deadline.getTime() <= now) return;
    const due = REMINDER_OFFSETS_HOURS.map((offsetHours) => ({
      offsetHours,
      runAt: new Date(deadline.getTime() - offsetHours * 3600_000),
    }));
    const past = due.filter((r) => r.runAt.getTime() <= now).sort((a, b) => a.offsetHours - b.offsetHours);
    const planned = [...due.filter((r) => r.runAt.getTime() > now), ...past.slice(0, 1)];
    for (const { offsetHours, runAt } of planned) {
      const data: ReminderJob = { week, offsetHours, deadlineAt: deadline.toISOString() };
      await this.scheduler.schedule(PLAN_REMINDER_JOB, data, {
        runAt: runAt.getTime() > now ? runAt : undefined,
        singletonKey: `${week}:${offsetHours}:${data.deadlineAt}`,
        tx,
      });
    }
  }

  /** Reminds the secretaries of every leader whose plan is not submitted; at most once per offset. */
  async sendReminder(job: ReminderJob): Promise<void> {
    const deadline = await this.deadlineFor(job.week);
    if (deadline.toISOString() !== job.deadlineAt) return;
    const leaders = await this.leaders.directory();
    const submitted = new Set(
      (await this.prisma.weeklyPlan.findMany({ where: { week: job.week, status: 'SUBMITTED' }, select: { leaderId: true } })).map(
        (p) => p.leaderId,
      ),
    );
    const missing = leaders.filter((l) => !submitted.has(l.id));
    const secretaries = await this.leaders.secretaryIdsOf(missing.map((l) => l.id));
    const bySecretary = new Map<string, string[]>();
    for (const leader of missing) {
      for (const userId of secretaries.get(leader.id) ?? []) bySecretary.set(userId, [...(bySecretary.get(userId) ?? []), leader.name]);
    }
    const due = describeInstant(deadline);
    try {
      // The reminder record and its notifications commit together: a second run finds the record.
      const created = await this.prisma.$transaction(async (tx) => {
        await tx.planReminder.create({
          data: { week: job.week, offsetHours: job.offsetHours, deadlineAt: deadline, sentAt: this.clock.now() },
        });
        const rows = [];
        for (const [userId, names] of bySecretary) {
          rows.push(
            ...(await this.notifications.create(tx, [userId], {
              kind: 'PLAN_REMINDER',
              title: `请报送 ${job.week} 周领导工作安排 / Weekly plan due`,
              body: `请于 ${due.zh} 前报送：${names.join('、')}。/ Please submit by ${due.en}: ${names.join(', ')}.`,
              subjectId: job.week,
            })),
          );
        }
        return rows;
      });
      await this.notifications.publish(created);
      this.logger.log({ week: job.week, offsetHours: job.offsetHours, secretaries: created.length }, 'plan reminders sent');
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    await this.planReminders(addWeeks(job.week, 1));
  }
}
