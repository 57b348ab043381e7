import { Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { DutyHandover, DutyHandoverItem, PrismaService, Role } from '@siban/db';
import { describeInstant } from '@siban/district-time';
import { forbidden, LoaderRegistry } from '@siban/graphql-core';
import { AuthenticatedUser, IdentityService } from '@siban/identity';
import { DutyHandoverItemModel, DutyHandoverModel } from '../dto/duty-operations.models';
import { CloseDutyHandoverItemInput, RecordDutyHandoverInput } from '../dto/duty-operations.inputs';
import { DutyOperationsErrors } from '../duty-operations.errors';
import { DutySeat } from '../seats/seat-lookup';
import { DutySeatService } from '../seats/duty-seat.service';
import { handoverClosesAt } from '../utils/check-in-window';

/** Who may read handover logs besides the people on the roster. */
const READER_ROLES: Role[] = [Role.DUTY_COORDINATOR, Role.ADMIN, Role.DIRECTOR, Role.DUTY_OFFICER];
/** Who may write or close on behalf of the people on duty. */
const COORDINATOR_ROLES: Role[] = [Role.DUTY_COORDINATOR, Role.ADMIN];

type ItemRow = DutyHandoverItem & {
  openedIn: { assignmentId: string; assignment: { date: string } };
  closedIn: { assignmentId: string } | null;
};

const ITEM_INCLUDE = {
  openedIn: { select: { assignmentId: true, assignment: { select: { date: true } } } },
  closedIn: { select: { assignmentId: true } },
} as const;

/**
 * 交接班记录. The log of a seat is written by its holder (or a duty coordinator) from the start of
 * the shift until an hour after it ends; recording again replaces the summary and calls and adds
 * items; after that it is closed. Items are append-only: never removed, carried over to every
 * later shift until someone on duty (or a coordinator) closes them with a note.
 */
@Injectable()
export class DutyHandoverService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly seats: DutySeatService,
    private readonly identity: IdentityService,
    private readonly clock: Clock,
  ) {}

  async record(user: AuthenticatedUser, input: RecordDutyHandoverInput): Promise<DutyHandoverModel> {
    const seat = await this.seats.seat(input.shiftId);
    if (!seat.published) throw DutyOperationsErrors.notPublished(seat.month, 'shiftId');
    if (!isCoordinator(user) && !(await this.seats.holds(user, seat))) throw DutyOperationsErrors.notYourShift();
    const now = this.clock.now();
    if (now.getTime() < seat.startsAt.getTime()) throw DutyOperationsErrors.handoverNotStarted();
    const closesAt = handoverClosesAt(seat);
    if (now.getTime() >= closesAt.getTime()) throw DutyOperationsErrors.handoverClosed(describeInstant(closesAt).zh);
    const texts = input.items.map((i) => i.text);
    if (!input.summary && !input.calls && texts.length === 0) throw DutyOperationsErrors.handoverEmpty();
    // The log and its new items commit together.
    await this.prisma.$transaction(async (tx) => {
      const handover = await tx.dutyHandover.upsert({
        where: { assignmentId: seat.id },
        create: { assignmentId: seat.id, events: input.summary, calls: input.calls, writtenById: user.id },
        update: {
          // A second recording that leaves a part blank keeps what was written before.
          ...(input.summary ? { events: input.summary } : {}),
          ...(input.calls ? { calls: input.calls } : {}),
          writtenById: user.id,
        },
      });
      // The items of one recording keep the order they were written in: a millisecond apart.
      if (texts.length) {
        await tx.dutyHandoverItem.createMany({
          data: texts.map((text, i) => ({ openedInId: handover.id, text, createdAt: new Date(now.getTime() + i) })),
        });
      }
    });
    return (await this.handoverOf(user, seat.id)) as DutyHandoverModel;
  }

  /** The log of a shift, or null when none was written. */
  async handoverOf(user: AuthenticatedUser, shiftId: string): Promise<DutyHandoverModel | null> {
    await this.checkReader(user);
    const seat = await this.seats.seat(shiftId);
    const handover = await this.prisma.dutyHandover.findUnique({
      where: { assignmentId: seat.id },
      include: {
        opened: { include: ITEM_INCLUDE, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        closed: { include: ITEM_INCLUDE, orderBy: [{ closedAt: 'asc' }, { id: 'asc' }] },
      },
    });
    if (!handover) return null;
    return this.toModel(seat, handover, handover.opened, handover.closed);
  }

  /** Every item still open, oldest first. */
  async openItems(user: AuthenticatedUser): Promise<DutyHandoverItemModel[]> {
    await this.checkReader(user);
    const rows = await this.prisma.dutyHandoverItem.findMany({
      where: { closedAt: null },
      include: ITEM_INCLUDE,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return this.toItems(rows);
  }

  /** Closes an open item: whoever is on duty now, or a coordinator. */
  async closeItem(user: AuthenticatedUser, input: CloseDutyHandoverItemInput): Promise<DutyHandoverItemModel> {
    const item = await this.prisma.dutyHandoverItem.findUnique({ where: { id: input.itemId } });
    if (!item) throw DutyOperationsErrors.itemNotFound(input.itemId);
    const now = this.clock.now();
    const personIds = new Set(await this.seats.personIdsOf(user));
    const mine = (await this.seats.seatsAt(now)).filter((s) => s.published && s.person && personIds.has(s.person.id));
    if (mine.length === 0 && !isCoordinator(user)) throw DutyOperationsErrors.notOnDuty();
    const closedIn = mine.length
      ? await this.prisma.dutyHandover.findFirst({ where: { assignmentId: { in: mine.map((s) => s.id) } }, select: { id: true } })
      : null;
    // Closed once: the condition on closedAt decides between two people closing it at once.
    const { count } = await this.prisma.dutyHandoverItem.updateMany({
      where: { id: item.id, closedAt: null },
      data: { closedAt: now, closedById: user.id, closeNote: input.note, closedInId: closedIn?.id ?? null },
    });
    if (count === 0) throw DutyOperationsErrors.itemAlreadyClosed();
    const row = await this.prisma.dutyHandoverItem.findUniqueOrThrow({ where: { id: item.id }, include: ITEM_INCLUDE });
    return (await this.toItems([row]))[0];
  }

  private async checkReader(user: AuthenticatedUser): Promise<void> {
    if (user.roles.some((r) => READER_ROLES.includes(r))) return;
    if ((await this.seats.personIdsOf(user)).length === 0) {
      throw forbidden(
        '只有值班人员和值班协调员可以查看交接班记录 / Only people on the duty roster and duty coordinators can read handover logs',
      );
    }
  }

  private async toModel(seat: DutySeat, handover: DutyHandover, opened: ItemRow[], closed: ItemRow[]): Promise<DutyHandoverModel> {
    const names = await this.userNames([handover.writtenById]);
    return {
      id: handover.id,
      shiftId: seat.id,
      date: seat.date,
      postName: seat.post.name,
      summary: handover.events,
      calls: handover.calls,
      writtenByName: names.get(handover.writtenById) ?? '',
      createdAt: handover.createdAt,
      updatedAt: handover.updatedAt,
      editableUntil: handoverClosesAt(seat),
      items: await this.toItems(opened),
      closedItems: await this.toItems(closed),
    };
  }

  private async toItems(rows: ItemRow[]): Promise<DutyHandoverItemModel[]> {
    const names = await this.userNames(rows.flatMap((r) => (r.closedById ? [r.closedById] : [])));
    return rows.map((r) => ({
      id: r.id,
      text: r.text,
      openedInShiftId: r.openedIn.assignmentId,
      openedOnDate: r.openedIn.assignment.date,
      openedAt: r.createdAt,
      closedAt: r.closedAt,
      closedByName: r.closedById ? (names.get(r.closedById) ?? '') : null,
      closedInShiftId: r.closedIn?.assignmentId ?? null,
      closeNote: r.closeNote,
    }));
  }

  private async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.identity.userLoader(new LoaderRegistry()).loadMany([...new Set(ids)]);
    return new Map(users.flatMap((u) => (u instanceof Error ? [] : [[u.id, u.displayName] as const])));
  }
}

function isCoordinator(user: AuthenticatedUser): boolean {
  return user.roles.some((r) => COORDINATOR_ROLES.includes(r));
}
