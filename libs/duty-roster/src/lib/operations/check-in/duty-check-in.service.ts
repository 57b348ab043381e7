import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { isUniqueViolation, PrismaService } from '@siban/db';
import { describeInstant } from '@siban/district-time';
import { AuthenticatedUser } from '@siban/identity';
import { Announcement, NotificationService } from '@siban/notifications';
import { JobScheduler } from '@siban/scheduler';
import { DutyOperationsErrors } from '../duty-operations.errors';
import { DutySeat } from '../seats/seat-lookup';
import { DutySeatService } from '../seats/duty-seat.service';
import { checkInOpensAt, checkInTiming, CHECK_IN_OPENS_BEFORE_MINUTES, isLateCheckIn, missedCheckInAt } from '../utils/check-in-window';

export const DUTY_CHECK_IN_JOB = 'duty.check-in';
export const DUTY_CHECK_IN_SWEEP_JOB = 'duty.check-in-sweep';
/** Seats starting this far ahead get their check job at each sweep: a day, and slack for a missed sweep. */
export const SWEEP_AHEAD_HOURS = 26;
export const SWEEP_EVERY_HOURS = 1;
export const MISSED_CHECK_IN_KIND = 'DUTY_MISSED_CHECK_IN';

const HOUR = 3600_000;

export interface DutyCheckInView {
  shiftId: string;
  personId: string;
  checkedInAt: Date;
  late: boolean;
  shiftStartsAt: Date;
  shiftEndsAt: Date;
}

/**
 * Check-in at the start of a shift, and the alert when nobody has checked in 15 minutes after
 * it. Alerts are durable jobs: an hourly sweep (and one at every start) queues a check job for
 * every held seat of a published month starting within 26 hours; the job, at start + 15 min,
 * records the alert (one per shift: a partial unique index of `DutyAlert`) and its announcement
 * in one transaction, so however many instances or runs, the coordinators hear of it once.
 */
@Injectable()
export class DutyCheckInService implements OnModuleInit {
  private readonly logger = new Logger(DutyCheckInService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly seats: DutySeatService,
    private readonly scheduler: JobScheduler,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register<{ assignmentId: string }>(DUTY_CHECK_IN_JOB, ({ assignmentId }) =>
      this.checkMissed(assignmentId).then(() => undefined),
    );
    this.scheduler.register<object>(DUTY_CHECK_IN_SWEEP_JOB, () => this.sweep());
    this.scheduler.afterStart(() => this.sweep());
  }

  /**
   * Checks the caller in to `shiftId`, or, without it, to their seat whose check-in window is open
   * now (from 30 minutes before the start to the end of the shift).
   */
  async checkIn(user: AuthenticatedUser, shiftId?: string): Promise<DutyCheckInView> {
    const now = this.clock.now();
    const seat = shiftId ? await this.ownSeat(user, shiftId) : await this.openSeatOf(user, now);
    const timing = checkInTiming(seat, now);
    if (!timing.ok) {
      throw timing.reason === 'OVER'
        ? DutyOperationsErrors.shiftOver()
        : DutyOperationsErrors.checkInNotOpen(describeInstant(timing.opensAt).zh);
    }
    const personId = (seat.person as NonNullable<DutySeat['person']>).id;
    try {
      // One check-in per seat: the primary key decides between two taps at once.
      await this.prisma.dutyCheckIn.create({ data: { assignmentId: seat.id, personId, checkedInAt: now, checkedInById: user.id } });
    } catch (error) {
      if (isUniqueViolation(error)) throw DutyOperationsErrors.alreadyCheckedIn();
      throw error;
    }
    return { shiftId: seat.id, personId, checkedInAt: now, late: timing.late, shiftStartsAt: seat.startsAt, shiftEndsAt: seat.endsAt };
  }

  /** A seat's check-in, if its holder has checked in. */
  async checkInOf(seat: DutySeat): Promise<DutyCheckInView | null> {
    const row = await this.prisma.dutyCheckIn.findUnique({ where: { assignmentId: seat.id } });
    if (!row) return null;
    return {
      shiftId: seat.id,
      personId: row.personId,
      checkedInAt: row.checkedInAt,
      late: isLateCheckIn(seat, row.checkedInAt),
      shiftStartsAt: seat.startsAt,
      shiftEndsAt: seat.endsAt,
    };
  }

  private async ownSeat(user: AuthenticatedUser, shiftId: string): Promise<DutySeat> {
    const seat = await this.seats.seat(shiftId);
    if (!(await this.seats.holds(user, seat))) throw DutyOperationsErrors.notYourShift();
    if (!seat.published) throw DutyOperationsErrors.notPublished(seat.month, 'shiftId');
    return seat;
  }

  /** The caller's earliest seat not yet checked in whose window is open now. */
  private async openSeatOf(user: AuthenticatedUser, now: Date): Promise<DutySeat> {
    const personIds = await this.seats.personIdsOf(user);
    if (personIds.length === 0) throw DutyOperationsErrors.noShiftNow();
    // A seat whose check-in opens by now (starting within 30 minutes) and has not ended.
    const candidates = await this.seats.heldSeatsOverlapping(
      now,
      new Date(now.getTime() + CHECK_IN_OPENS_BEFORE_MINUTES * 60_000 + 1),
      personIds,
    );
    const open = candidates.filter((s) => checkInTiming(s, now).ok);
    const done = new Set(
      (
        await this.prisma.dutyCheckIn.findMany({ where: { assignmentId: { in: open.map((s) => s.id) } }, select: { assignmentId: true } })
      ).map((c) => c.assignmentId),
    );
    const seat = open.find((s) => !done.has(s.id)) ?? open[0];
    if (!seat) throw DutyOperationsErrors.noShiftNow();
    return seat;
  }

  /**
   * Queues a check job for every held seat of a published month that is running or starts within
   * `SWEEP_AHEAD_HOURS` and has no check-in or alert yet, then the next sweep. Idempotent: a job
   * queued twice (two instances, a restart) finds the alert already raised.
   */
  async sweep(): Promise<void> {
    const now = this.clock.now();
    const seats = await this.seats.heldSeatsOverlapping(now, new Date(now.getTime() + SWEEP_AHEAD_HOURS * HOUR));
    const settled = new Set(
      (
        await this.prisma.dutyAssignment.findMany({
          where: {
            id: { in: seats.map((s) => s.id) },
            OR: [{ checkIn: { isNot: null } }, { alerts: { some: { kind: 'MISSED_CHECK_IN' } } }],
          },
          select: { id: true },
        })
      ).map((a) => a.id),
    );
    let queued = 0;
    for (const seat of seats) {
      const due = missedCheckInAt(seat);
      if (settled.has(seat.id) || due.getTime() >= seat.endsAt.getTime()) continue;
      // A check already due gets a key of its own: the one queued for later by an earlier sweep may
      // wait on a clock that has since moved (keyed jobs are one per key; the check is idempotent).
      const later = due.getTime() > now.getTime();
      await this.scheduler.schedule(
        DUTY_CHECK_IN_JOB,
        { assignmentId: seat.id },
        { runAt: later ? due : undefined, singletonKey: `${seat.id}:${due.toISOString()}${later ? '' : ':due'}` },
      );
      queued++;
    }
    const next = new Date((Math.floor(now.getTime() / HOUR) + SWEEP_EVERY_HOURS) * HOUR);
    await this.scheduler.schedule(DUTY_CHECK_IN_SWEEP_JOB, {}, { runAt: next, singletonKey: next.toISOString() });
    if (queued) this.logger.log({ queued }, 'duty check-in checks queued');
  }

  /**
   * The check job: at start + 15 min, a held seat of a published month without a check-in alerts
   * the coordinators, once. Returns whether this run raised the alert. Run early (a clock ahead
   * of the job), it queues itself again for the right time; run after the shift ended, it drops.
   */
  async checkMissed(assignmentId: string): Promise<boolean> {
    const seat = await this.seats.seat(assignmentId).catch(() => undefined);
    if (!seat?.person || !seat.published) return false;
    const now = this.clock.now();
    const due = missedCheckInAt(seat);
    if (now.getTime() < due.getTime()) {
      // Unkeyed: this very job still holds the seat's key.
      await this.scheduler.schedule(DUTY_CHECK_IN_JOB, { assignmentId }, { runAt: due });
      return false;
    }
    if (now.getTime() >= seat.endsAt.getTime()) return false;
    const announcement = await this.missedAnnouncement(seat, due);
    const raised = await this.prisma.$transaction(async (tx) => {
      // The alert exists once per shift (partial unique index), and only while nobody has checked
      // in: the statement decides both, so a run on another instance or a check-in at the same
      // moment cannot make a second alert or an alert after a check-in.
      const inserted = await tx.$executeRaw`
        INSERT INTO "DutyAlert" ("id", "kind", "assignmentId", "createdAt")
        SELECT gen_random_uuid(), 'MISSED_CHECK_IN', ${seat.id}::uuid, ${now}
        WHERE NOT EXISTS (SELECT 1 FROM "DutyCheckIn" WHERE "assignmentId" = ${seat.id}::uuid)
        ON CONFLICT ("assignmentId") WHERE "kind" = 'MISSED_CHECK_IN' DO NOTHING`;
      if (inserted === 0) return false;
      await this.notifications.announce(tx, announcement);
      return true;
    });
    if (!raised) return false;
    await this.notifications.deliverNow(announcement);
    this.logger.warn({ assignmentId, date: seat.date, post: seat.post.code }, 'missed duty check-in');
    return true;
  }

  private async missedAnnouncement(seat: DutySeat, due: Date): Promise<Announcement> {
    const person = seat.person as NonNullable<DutySeat['person']>;
    const [people, coordinators] = await Promise.all([this.seats.people([person.id]), this.seats.coordinatorIds()]);
    const info = people.get(person.id);
    const name = info?.name ?? '';
    const phone = info?.phone ? `（${info.phone}）` : '';
    const phoneEn = info?.phone ? ` (${info.phone})` : '';
    const at = describeInstant(due);
    const opens = describeInstant(checkInOpensAt(seat));
    return {
      key: `duty-missed-check-in:${seat.id}`,
      notifications: [
        {
          userIds: coordinators,
          draft: {
            kind: MISSED_CHECK_IN_KIND,
            title: `值班未签到：${seat.date} ${seat.post.name} / Missed duty check-in`,
            body:
              `${seat.date} ${seat.post.name} ${name}${phone} 截至 ${at.zh} 未签到（${opens.zh} 起可签到）。` +
              ` / ${name}${phoneEn}, ${seat.post.name} on the shift of ${seat.date}, had not checked in by ${at.en}.`,
            subjectId: seat.id,
          },
        },
      ],
      events: [],
    };
  }
}
