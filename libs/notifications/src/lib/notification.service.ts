import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { Notice, Notification, PrismaService, PrismaTx } from '@siban/db';
import { Connection, newestFirstAfter, PageArgs, toConnection } from '@siban/graphql-core';
import { AuthenticatedUser, IdentityService } from '@siban/identity';
import { EventBus, reviveDates } from '@siban/pubsub';
import { JobScheduler } from '@siban/scheduler';
import { MyNotificationsArgs } from './dto/notification.model';
import { SendNoticeInput } from './dto/send-notice.input';
import { NotificationErrors } from './notifications.errors';
import { noticeRecipients } from './utils/notice-recipients';
import { NoticeScope, noticeScope } from './utils/notice-scope';

export const NOTICE_DELIVERY_JOB = 'notice.deliver';
export const ANNOUNCEMENT_JOB = 'notifications.announce';
export const userChannel = (userId: string) => `user:${userId}`;

export interface NotificationDraft {
  kind: string;
  title: string;
  body: string;
  subjectId?: string;
  noticeId?: string;
}

/**
 * What one committed change tells people: notifications (a draft for each group of users) and
 * events. Queued with `announce` in the change's own transaction, so it goes out if and only if
 * the change commits, and exactly once.
 */
export interface Announcement {
  /** Names the change (`schedule-published:<revision id>`): one delivery per key, ever. */
  key: string;
  notifications: { userIds: string[]; draft: NotificationDraft }[];
  /** Published after the notifications are stored (each recipient also hears `notificationAdded`). */
  events: { channel: string; payload: object }[];
}

const YEAR_MS = 366 * 24 * 3600 * 1000;

@Injectable()
export class NotificationService implements OnModuleInit {
  private readonly logger = new Logger(NotificationService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly bus: EventBus,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register<{ noticeId: string }>(NOTICE_DELIVERY_JOB, ({ noticeId }) =>
      this.deliverNotice(noticeId).then(() => undefined),
    );
    // Job data is stored as JSON: instants in event payloads come back as Dates.
    this.scheduler.register<Announcement>(ANNOUNCEMENT_JOB, (announcement) =>
      this.deliverAnnouncement(JSON.parse(JSON.stringify(announcement), reviveDates)).then(() => undefined),
    );
  }

  /**
   * The one way a write tells people: queues the announcement inside the writer's transaction
   * (a durable job), so a crash after the commit cannot lose it. Once the transaction has
   * committed, `deliverNow` sends it at once; otherwise the job does.
   */
  async announce(tx: PrismaTx, announcement: Announcement): Promise<void> {
    await this.scheduler.schedule(ANNOUNCEMENT_JOB, announcement, { singletonKey: announcement.key, tx });
  }

  /** Delivers a committed announcement now; a failure is logged and left to its queued job. */
  async deliverNow(announcement: Announcement): Promise<void> {
    try {
      await this.deliverAnnouncement(announcement);
    } catch (error) {
      this.logger.error({ err: error, key: announcement.key }, 'announcement not delivered now: its job will retry');
    }
  }

  /**
   * Delivers an announcement exactly once: the claim row and the notifications commit together,
   * so a second run (the job after `deliverNow`, a retry, another instance) finds the claim and
   * does nothing. Returns the number of notifications created.
   */
  async deliverAnnouncement(announcement: Announcement): Promise<number> {
    const created = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.announcement.createMany({
        data: [{ key: announcement.key, deliveredAt: this.clock.now() }],
        skipDuplicates: true,
      });
      if (count === 0) return undefined;
      const rows: Notification[] = [];
      for (const { userIds, draft } of announcement.notifications) rows.push(...(await this.create(tx, userIds, draft)));
      return rows;
    });
    if (!created) return 0;
    await this.publish(created);
    await Promise.all(announcement.events.map((e) => this.bus.publish(e.channel, e.payload)));
    return created.length;
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
    const staff = await this.identity.activeStaff();
    const delivered = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.notice.updateMany({
        where: { id: noticeId, status: 'SCHEDULED' },
        data: { status: 'SENT', sentAt: this.clock.now() },
      });
      if (count === 0) return [];
      const notice = await tx.notice.findUniqueOrThrow({ where: { id: noticeId } });
      return this.create(tx, noticeRecipients(staff, notice.officeCodes), {
        kind: 'NOTICE',
        title: notice.title,
        body: notice.body,
        noticeId: notice.id,
      });
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
