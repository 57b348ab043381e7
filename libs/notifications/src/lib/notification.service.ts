import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { Notice, Notification, PrismaService, PrismaTx, Role } from '@siban/db';
import { Connection, newestFirstAfter, PageArgs, toConnection } from '@siban/graphql-core';
import { AuthenticatedUser } from '@siban/identity';
import { EventBus } from '@siban/pubsub';
import { JobScheduler } from '@siban/scheduler';
import { MyNotificationsArgs } from './dto/notification.model';
import { SendNoticeInput } from './dto/send-notice.input';
import { NotificationErrors } from './notifications.errors';

export const NOTICE_DELIVERY_JOB = 'notice.deliver';
export const userChannel = (userId: string) => `user:${userId}`;

export interface NotificationDraft {
  kind: string;
  title: string;
  body: string;
  subjectId?: string;
  noticeId?: string;
}

const YEAR_MS = 366 * 24 * 3600 * 1000;

export type NoticeScope = { senderOfficeId?: string };

/**
 * Which notices a member of staff may list and cancel: a director those sent from their own
 * office (by any of its directors), an admin every office's.
 */
export function noticeScope(actor: Pick<AuthenticatedUser, 'roles' | 'officeId'>): NoticeScope {
  return actor.roles.includes(Role.ADMIN) ? {} : { senderOfficeId: actor.officeId };
}

@Injectable()
export class NotificationService implements OnModuleInit {
  private readonly logger = new Logger(NotificationService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly bus: EventBus,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register<{ noticeId: string }>(NOTICE_DELIVERY_JOB, ({ noticeId }) =>
      this.deliverNotice(noticeId).then(() => undefined),
    );
  }

  /**
   * Writes one notification per user inside the caller's transaction; the caller publishes the
   * returned rows with `publish` once that transaction has committed.
   */
  async create(tx: PrismaTx, userIds: string[], draft: NotificationDraft): Promise<Notification[]> {
    if (userIds.length === 0) return [];
    return tx.notification.createManyAndReturn({
      data: userIds.map((userId) => ({ userId, ...draft })),
      skipDuplicates: true,
    });
  }

  async publish(notifications: Notification[]): Promise<void> {
    await Promise.all(notifications.map((n) => this.bus.publish(userChannel(n.userId), { notificationAdded: n })));
  }

  /** Creates and publishes notifications on their own (outside any other write). */
  async notify(userIds: string[], draft: NotificationDraft): Promise<Notification[]> {
    const rows = await this.prisma.$transaction((tx) => this.create(tx, userIds, draft));
    await this.publish(rows);
    return rows;
  }

  async sendNotice(actor: AuthenticatedUser, input: SendNoticeInput): Promise<Notice> {
    const now = this.clock.now();
    if (input.sendAt && input.sendAt.getTime() - now.getTime() > YEAR_MS) throw NotificationErrors.sendAtTooFar();
    const scheduled = input.sendAt !== undefined && input.sendAt.getTime() > now.getTime();
    const data = {
      title: input.title.trim(),
      body: input.body,
      officeCodes: input.officeCodes,
      senderId: actor.id,
      senderOfficeId: actor.officeId,
      sendAt: scheduled && input.sendAt ? input.sendAt : now,
    };
    // The notice row and its delivery job commit together, or neither does; so a notice is never
    // lost, even when the immediate delivery below fails (the job then delivers it).
    const notice = await this.prisma.$transaction(async (tx) => {
      const row = await tx.notice.create({ data });
      await this.scheduler.schedule(NOTICE_DELIVERY_JOB, { noticeId: row.id }, { runAt: row.sendAt, singletonKey: row.id, tx });
      return row;
    });
    if (scheduled) return notice;
    await this.deliverNotice(notice.id);
    return this.getNotice(notice.id);
  }

  /** Cancels a scheduled notice the actor may see (`noticeScope`); another office's is NOT_FOUND. */
  async cancelNotice(actor: AuthenticatedUser, id: string): Promise<Notice> {
    const scope = noticeScope(actor);
    await this.getNotice(id, scope);
    const { count } = await this.prisma.notice.updateMany({ where: { id, status: 'SCHEDULED', ...scope }, data: { status: 'CANCELLED' } });
    if (count === 0) throw NotificationErrors.noticeNotScheduled();
    return this.getNotice(id);
  }

  /**
   * Delivers a notice exactly once: the SCHEDULED -> SENT update is the claim, so a job run twice
   * (a retry, or a second instance) finds nothing to do. Returns the number of recipients.
   */
  async deliverNotice(noticeId: string): Promise<number> {
    const delivered = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.notice.updateMany({
        where: { id: noticeId, status: 'SCHEDULED' },
        data: { status: 'SENT', sentAt: this.clock.now() },
      });
      if (count === 0) return [];
      const notice = await tx.notice.findUniqueOrThrow({ where: { id: noticeId } });
      const recipients = await tx.user.findMany({
        where: { active: true, office: { code: { in: notice.officeCodes } } },
        select: { id: true },
      });
      return this.create(
        tx,
        recipients.map((r) => r.id),
        { kind: 'NOTICE', title: notice.title, body: notice.body, noticeId: notice.id },
      );
    });
    await this.publish(delivered);
    if (delivered.length) this.logger.log({ noticeId, recipients: delivered.length }, 'notice delivered');
    return delivered.length;
  }

  async getNotice(id: string, scope: NoticeScope = {}): Promise<Notice> {
    const notice = await this.prisma.notice.findFirst({ where: { id, ...scope } });
    if (!notice) throw NotificationErrors.noticeNotFound(id);
    return notice;
  }

  /** The notices the actor may see (`noticeScope`), newest first. */
  async listNotices(actor: AuthenticatedUser, args: PageArgs): Promise<Connection<Notice>> {
    const scope = noticeScope(actor);
    const [rows, totalCount] = await Promise.all([
      this.prisma.notice.findMany({
        where: { ...scope, ...newestFirstAfter('sendAt', args.after) },
        orderBy: [{ sendAt: 'desc' }, { id: 'asc' }],
        take: args.first + 1,
      }),
      this.prisma.notice.count({ where: scope }),
    ]);
    return toConnection(rows, args.first, totalCount, (n) => n.sendAt.toISOString());
  }

  async recipientCounts(noticeIds: readonly string[]): Promise<number[]> {
    const rows = await this.prisma.notification.groupBy({ by: ['noticeId'], where: { noticeId: { in: [...noticeIds] } }, _count: true });
    const counts = new Map(rows.map((r) => [r.noticeId, r._count]));
    return noticeIds.map((id) => counts.get(id) ?? 0);
  }

  async listFor(userId: string, args: MyNotificationsArgs): Promise<Connection<Notification>> {
    const where = { userId, ...(args.unreadOnly ? { readAt: null } : {}) };
    const [rows, totalCount] = await Promise.all([
      this.prisma.notification.findMany({
        where: { ...where, ...newestFirstAfter('createdAt', args.after) },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: args.first + 1,
      }),
      this.prisma.notification.count({ where }),
    ]);
    return toConnection(rows, args.first, totalCount, (n) => n.createdAt.toISOString());
  }

  unreadCount(userId: string): Promise<number> {
    return this.prisma.notification.count({ where: { userId, readAt: null } });
  }

  /** Marks the caller's own notifications read; ids of other users' notifications are ignored. */
  async markRead(userId: string, ids: string[] | undefined): Promise<number> {
    const { count } = await this.prisma.notification.updateMany({
      where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
      data: { readAt: this.clock.now() },
    });
    return count;
  }
}
