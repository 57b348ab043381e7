import { Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import {
  DutyPersonKind,
  DutyRosterStatus,
  DutyShiftChangeKind,
  DutySwapRequest,
  isUniqueViolation,
  Prisma,
  PrismaService,
  PrismaTx,
} from '@siban/db';
import { AuthenticatedUser } from '@siban/identity';
import { Announcement, NotificationService } from '@siban/notifications';
import { JobScheduler } from '@siban/scheduler';
import type { HeldSlot, RuleViolation, ShiftSlot, Unavailability } from '../domain/types';
import { DUTY_NOTIFICATION, peopleAnnouncement, shiftChangedDraft } from '../duty-announcements';
import { DutyRosterErrors } from '../duty-roster.errors';
import { DutyShiftModel, DutySwapRequestModel, DutySwapResultModel, DutyUnavailabilityModel } from '../dto/duty-roster.models';
import { checkOverride, checkSwap, checkUndoSwap, RosterState, swapped } from '../utils/change-rules';
import { addDays } from '../utils/local-date';
import { sameSlot } from '../utils/roster-rules';
import { shiftInterval } from '../utils/shift-time';
import { DutyPeopleService, PeopleDirectory } from './duty-people.service';
import { checkRange, DUTY_GAP_CHECK_JOB, DutyRosterService, isCoordinator, personModel, RosterContext } from './duty-roster.service';

type Row = Prisma.DutyAssignmentGetPayload<{ include: { period: { select: { status: true } } } }>;

const OPEN_REQUEST: Prisma.EnumDutySwapStatusFilter = { in: ['REQUESTED', 'ACCEPTED'] };

const slotOf = (row: { date: string; templateId: string; postId: string; seat: number }): ShiftSlot => ({
  date: row.date,
  templateId: row.templateId,
  postId: row.postId,
  seat: row.seat,
});

/** The field a broken rule is reported on: the request's own fields for a request's faults, else the shift it concerns. */
function fieldOf(violations: RuleViolation[], fields: [ShiftSlot, string][], fallback: string): string {
  const first = violations[0];
  if (!first?.slot) return fallback;
  return fields.find(([slot]) => sameSlot(slot, first.slot as ShiftSlot))?.[1] ?? fallback;
}

/**
 * Every change to a seat after generation: swap requests (asked, answered, approved), swaps a
 * coordinator makes on people's behalf and their undo, overrides in an emergency, and declared
 * unavailability. Each checks the roster rules (change-rules.ts) on the seats around it, locked
 * with SELECT ... FOR UPDATE, so two changes that cannot both hold never both commit; each
 * appends to the shifts' history in the same transaction and tells only the people affected.
 */
@Injectable()
export class DutyChangeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly roster: DutyRosterService,
    private readonly people: DutyPeopleService,
    private readonly notifications: NotificationService,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
  ) {}

  // ---- Reading the state the rules look at ----

  private async rows(ids: [string, string][]): Promise<Row[]> {
    const rows = await this.prisma.dutyAssignment.findMany({
      where: { id: { in: ids.map(([id]) => id) } },
      include: { period: { select: { status: true } } },
    });
    return ids.map(([id, field]) => {
      const row = rows.find((r) => r.id === id);
      if (!row) throw DutyRosterErrors.shiftNotFound(id, field);
      return row;
    });
  }

  /** The dates whose shifts a change of these seats can collide with: a day either side. */
  private windowOf(rows: { date: string }[]): string[] {
    return [...new Set(rows.flatMap((r) => [addDays(r.date, -1), r.date, addDays(r.date, 1)]))].sort();
  }

  /** Leaders' TRIP/LEAVE days around the dates: read before the transaction (another lib's tables). */
  private async absences(dates: string[], people: PeopleDirectory): Promise<Unavailability[]> {
    const all = await this.roster.unavailability(dates[0], dates[dates.length - 1], people);
    return all.filter((u) => !u.reason.startsWith('次日'));
  }

  /**
   * Locks every seat on the window's dates (in id order, so two changes never deadlock) and reads
   * the roster state there: the rules then judge what will really be committed.
   */
  private async lockedState(tx: PrismaTx, ctx: RosterContext, dates: string[], leaderAbsences: Unavailability[]) {
    await tx.$queryRaw`SELECT "id" FROM "DutyAssignment" WHERE "date" IN (${Prisma.join(dates)}) ORDER BY "id" FOR UPDATE`;
    const rows = await tx.dutyAssignment.findMany({ where: { date: { in: dates } } });
    const declared = await tx.dutyUnavailability.findMany({
      where: { cancelledAt: null, fromDate: { lte: dates[dates.length - 1] }, toDate: { gte: dates[0] } },
    });
    const state: RosterState = {
      templates: [...ctx.templates.values()],
      assignments: rows.flatMap((r): HeldSlot[] => (r.personId ? [{ ...slotOf(r), personId: r.personId }] : [])),
      unavailability: [
        ...declared.map((d) => ({ personId: d.personId, from: d.fromDate, to: d.toDate, reason: d.reason })),
        ...leaderAbsences.filter((u) => !declared.some((d) => d.personId === u.personId && d.fromDate === u.from && d.toDate === u.to)),
      ],
    };
    return { state, byId: new Map(rows.map((r) => [r.id, r])) };
  }

  private refuse(violations: RuleViolation[], fields: [ShiftSlot, string][], fallback: string): never {
    throw DutyRosterErrors.changeRefused(violations, fieldOf(violations, fields, fallback));
  }

  /** Swap requests still open on these seats can no longer be carried out as asked. */
  private async cancelOpenRequests(tx: PrismaTx, assignmentIds: string[], except?: string): Promise<void> {
    await tx.dutySwapRequest.updateMany({
      where: {
        status: OPEN_REQUEST,
        OR: [{ fromAssignmentId: { in: assignmentIds } }, { toAssignmentId: { in: assignmentIds } }],
        ...(except ? { id: { not: except } } : {}),
      },
      data: { status: 'CANCELLED' },
    });
  }

  /** Writes two seats exchanging holders, with a SWAP entry on each naming the other. */
  private async writeSwap(
    tx: PrismaTx,
    a: Row,
    b: Row,
    held: HeldSlot[],
    entry: { kind: DutyShiftChangeKind; actorId: string; reason: string; swapRequestId?: string; undoes?: [string, string] },
  ) {
    const now = this.clock.now();
    const holderOf = (row: Row) => held.find((h) => sameSlot(h, slotOf(row)))?.personId ?? null;
    const changes = [];
    for (const [row, other, undoes] of [
      [a, b, entry.undoes?.[0]],
      [b, a, entry.undoes?.[1]],
    ] as const) {
      await tx.dutyAssignment.update({ where: { id: row.id }, data: { personId: holderOf(row), version: { increment: 1 } } });
      changes.push(
        await tx.dutyShiftChange.create({
          data: {
            assignmentId: row.id,
            kind: entry.kind,
            fromPersonId: row.personId,
            toPersonId: holderOf(row),
            reason: entry.reason,
            actorId: entry.actorId,
            relatedAssignmentId: other.id,
            swapRequestId: entry.swapRequestId ?? null,
            undoesId: undoes ?? null,
            createdAt: now,
          },
        }),
      );
    }
    return changes;
  }

  private async swapAnnouncement(key: string, a: Row, b: Row, ctx: RosterContext, what: { zh: string; en: string }): Promise<Announcement> {
    const postName = ctx.posts.get(a.postId)?.name ?? '';
    const published = a.period.status === DutyRosterStatus.PUBLISHED || b.period.status === DutyRosterStatus.PUBLISHED;
    return peopleAnnouncement(key, published ? [a.personId, b.personId] : [], ctx.people, {
      ...shiftChangedDraft(a.date, postName, what, a.id),
      title: `值班变动：${a.date} 与 ${b.date} ${postName} / Duty change: ${a.date} and ${b.date}`,
    });
  }

  // ---- Swap requests ----

  async requestSwap(user: AuthenticatedUser, myShiftId: string, otherShiftId: string, note: string): Promise<DutySwapRequestModel> {
    const [mine, other] = await this.rows([
      [myShiftId, 'myShiftId'],
      [otherShiftId, 'otherShiftId'],
    ]);
    const mySelves = await this.people.personIdsOfUser(user.id);
    if (!mine.personId || !mySelves.includes(mine.personId)) throw DutyRosterErrors.notYourShift();
    if (mine.period.status !== DutyRosterStatus.PUBLISHED) throw DutyRosterErrors.notPublished('myShiftId');
    if (other.period.status !== DutyRosterStatus.PUBLISHED) throw DutyRosterErrors.notPublished('otherShiftId');
    const ctx = await this.roster.context();
    const dates = this.windowOf([mine, other]);
    const absences = await this.absences(dates, ctx.people);
    const fields: [ShiftSlot, string][] = [
      [slotOf(mine), 'myShiftId'],
      [slotOf(other), 'otherShiftId'],
    ];
    let created: { request: DutySwapRequest; announcement: Announcement };
    try {
      // The request and the message to the other person commit together.
      created = await this.prisma.$transaction(async (tx) => {
        const { state } = await this.lockedState(tx, ctx, dates, absences);
        const violations = checkSwap(state, slotOf(mine), slotOf(other), { now: this.clock.now() });
        if (violations.length) this.refuse(violations, fields, 'otherShiftId');
        const request = await tx.dutySwapRequest.create({
          data: {
            fromAssignmentId: mine.id,
            toAssignmentId: other.id,
            requesterPersonId: mine.personId as string,
            counterPersonId: other.personId as string,
            note,
            requestedById: user.id,
          },
        });
        const requester = ctx.people.get(mine.personId as string)?.name ?? '';
        const announcement = peopleAnnouncement(`duty-swap-requested:${request.id}`, [other.personId], ctx.people, {
          kind: DUTY_NOTIFICATION.SWAP_REQUESTED,
          title: `换班申请：${requester} / Swap request from ${requester}`,
          body: `${requester} 请求用 ${mine.date} 的班次换您 ${other.date} 的班次。${note ? `（${note}）` : ''} / ${requester} asks to swap their shift of ${mine.date} for yours of ${other.date}.`,
          subjectId: request.id,
        });
        await this.notifications.announce(tx, announcement);
        return { request, announcement };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DutyRosterErrors.swapRequestOpen();
      throw error;
    }
    await this.notifications.deliverNow(created.announcement);
    return this.requestModel(created.request.id);
  }

  /** The other person accepts (then a coordinator decides) or declines. */
  async respondSwap(user: AuthenticatedUser, requestId: string, accept: boolean): Promise<DutySwapRequestModel> {
    const request = await this.request(requestId);
    if (!(await this.people.personIdsOfUser(user.id)).includes(request.counterPersonId)) throw DutyRosterErrors.notYourRequest();
    const people = await this.people.directory();
    const coordinators = accept ? await this.people.coordinatorIds() : [];
    const counterpart = people.get(request.counterPersonId)?.name ?? '';
    const announcement = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.dutySwapRequest.updateMany({
        where: { id: requestId, status: 'REQUESTED' },
        data: { status: accept ? 'ACCEPTED' : 'DECLINED', respondedAt: this.clock.now() },
      });
      if (count === 0)
        throw DutyRosterErrors.swapRequestClosed((await tx.dutySwapRequest.findUniqueOrThrow({ where: { id: requestId } })).status);
      const message = peopleAnnouncement(`duty-swap-answered:${requestId}`, [request.requesterPersonId], people, {
        kind: DUTY_NOTIFICATION.SWAP_ANSWERED,
        title: accept
          ? `${counterpart} 同意换班，待协调人批准 / ${counterpart} accepted the swap`
          : `${counterpart} 未同意换班 / ${counterpart} declined the swap`,
        body: accept
          ? '换班申请已提交总值班协调人批准。/ The swap now awaits a duty coordinator.'
          : '换班申请已结束。/ The swap request is closed.',
        subjectId: requestId,
      });
      if (coordinators.length) {
        message.notifications.push({
          userIds: coordinators,
          draft: {
            kind: DUTY_NOTIFICATION.SWAP_ANSWERED,
            title: `换班待批准 / A swap awaits approval`,
            body: `${people.get(request.requesterPersonId)?.name ?? ''} 与 ${counterpart} 申请换班，请审批。/ A swap between ${people.get(request.requesterPersonId)?.name ?? ''} and ${counterpart} awaits your decision.`,
            subjectId: requestId,
          },
        });
      }
      await this.notifications.announce(tx, message);
      return message;
    });
    await this.notifications.deliverNow(announcement);
    return this.requestModel(requestId);
  }

  /**
   * A coordinator approves an accepted request (the seats are swapped, if both are still held as
   * when asked and the rules still hold) or rejects it. Two approvals that cannot both hold
   * (they share a seat) are decided by the seats' row locks: the second finds the seat changed.
   */
  async approveSwap(user: AuthenticatedUser, requestId: string, approve: boolean): Promise<DutySwapRequestModel> {
    const request = await this.request(requestId);
    const now = this.clock.now();
    if (!approve) {
      const people = await this.people.directory();
      const announcement = await this.prisma.$transaction(async (tx) => {
        const { count } = await tx.dutySwapRequest.updateMany({
          where: { id: requestId, status: 'ACCEPTED' },
          data: { status: 'REJECTED', decidedAt: now, decidedById: user.id },
        });
        if (count === 0) throw DutyRosterErrors.swapRequestClosed(request.status);
        const message = peopleAnnouncement(`duty-swap-decided:${requestId}`, [request.requesterPersonId, request.counterPersonId], people, {
          kind: DUTY_NOTIFICATION.SWAP_DECIDED,
          title: '换班未获批准 / Swap not approved',
          body: '总值班协调人未批准这次换班，班次不变。/ A duty coordinator rejected the swap: the shifts stay as they were.',
          subjectId: requestId,
        });
        await this.notifications.announce(tx, message);
        return message;
      });
      await this.notifications.deliverNow(announcement);
      return this.requestModel(requestId);
    }

    const [a, b] = await this.rows([
      [request.fromAssignmentId, 'requestId'],
      [request.toAssignmentId, 'requestId'],
    ]);
    const ctx = await this.roster.context();
    const dates = this.windowOf([a, b]);
    const absences = await this.absences(dates, ctx.people);
    const announcement = await this.prisma.$transaction(async (tx) => {
      const { state, byId } = await this.lockedState(tx, ctx, dates, absences);
      const { count } = await tx.dutySwapRequest.updateMany({
        where: { id: requestId, status: 'ACCEPTED' },
        data: { status: 'APPROVED', decidedAt: now, decidedById: user.id },
      });
      if (count === 0)
        throw DutyRosterErrors.swapRequestClosed((await tx.dutySwapRequest.findUniqueOrThrow({ where: { id: requestId } })).status);
      const [lockedA, lockedB] = [byId.get(a.id), byId.get(b.id)];
      if (lockedA?.personId !== request.requesterPersonId || lockedB?.personId !== request.counterPersonId)
        throw DutyRosterErrors.swapStale();
      const violations = checkSwap(state, slotOf(a), slotOf(b), { now });
      if (violations.length) this.refuse(violations, [], 'requestId');
      const held = swapped(state, slotOf(a), slotOf(b));
      const current = { ...a, personId: lockedA.personId };
      const currentB = { ...b, personId: lockedB.personId };
      await this.writeSwap(tx, current, currentB, held, { kind: 'SWAP', actorId: user.id, reason: request.note, swapRequestId: requestId });
      await this.cancelOpenRequests(tx, [a.id, b.id], requestId);
      const message = await this.swapAnnouncement(`duty-swap-decided:${requestId}`, current, currentB, ctx, {
        zh: `换班已批准：${a.date} 与 ${b.date} 两个班次已互换`,
        en: `Swap approved: the shifts of ${a.date} and ${b.date} are exchanged`,
      });
      await this.notifications.announce(tx, message);
      return message;
    });
    await this.notifications.deliverNow(announcement);
    return this.requestModel(requestId);
  }

  // ---- The coordinator's changes ----

  /** Swaps two seats' holders on their behalf (no request). */
  async swapShifts(user: AuthenticatedUser, shiftId: string, otherShiftId: string, reason: string) {
    const [a, b] = await this.rows([
      [shiftId, 'shiftId'],
      [otherShiftId, 'otherShiftId'],
    ]);
    const ctx = await this.roster.context();
    const dates = this.windowOf([a, b]);
    const absences = await this.absences(dates, ctx.people);
    const fields: [ShiftSlot, string][] = [
      [slotOf(a), 'shiftId'],
      [slotOf(b), 'otherShiftId'],
    ];
    const { changes, announcement } = await this.prisma.$transaction(async (tx) => {
      const { state, byId } = await this.lockedState(tx, ctx, dates, absences);
      const violations = checkSwap(state, slotOf(a), slotOf(b), { now: this.clock.now() });
      if (violations.length) this.refuse(violations, fields, 'otherShiftId');
      const current = { ...a, personId: byId.get(a.id)?.personId ?? null };
      const currentB = { ...b, personId: byId.get(b.id)?.personId ?? null };
      const changes = await this.writeSwap(tx, current, currentB, swapped(state, slotOf(a), slotOf(b)), {
        kind: 'SWAP',
        actorId: user.id,
        reason,
      });
      await this.cancelOpenRequests(tx, [a.id, b.id]);
      const announcement = await this.swapAnnouncement(`duty-change:${changes[0].id}`, current, currentB, ctx, {
        zh: `总值班协调人互换了 ${a.date} 与 ${b.date} 的班次${reason ? `（${reason}）` : ''}`,
        en: `A duty coordinator exchanged the shifts of ${a.date} and ${b.date}`,
      });
      await this.notifications.announce(tx, announcement);
      return { changes, announcement };
    });
    await this.notifications.deliverNow(announcement);
    return this.swapResult(
      [a.id, b.id],
      changes.map((c) => c.id),
    );
  }

  /** Swaps back a swap made by mistake, while both seats are as the swap left them. */
  async undoSwap(user: AuthenticatedUser, changeId: string, reason: string) {
    const change = await this.prisma.dutyShiftChange.findUnique({
      where: { id: changeId },
      include: { undoneBy: { select: { id: true } } },
    });
    if (!change) throw DutyRosterErrors.changeNotFound(changeId);
    if (change.kind !== 'SWAP' || !change.relatedAssignmentId) throw DutyRosterErrors.notASwap();
    if (change.undoneBy) throw DutyRosterErrors.alreadyUndone();
    // The other half of the swap: written in the same transaction, next to it in the history.
    const paired = (
      await this.prisma.dutyShiftChange.findMany({
        where: {
          kind: 'SWAP',
          assignmentId: change.relatedAssignmentId,
          relatedAssignmentId: change.assignmentId,
          createdAt: change.createdAt,
        },
      })
    ).sort((x, y) => Math.abs(x.seq - change.seq) - Math.abs(y.seq - change.seq))[0];
    if (!paired) throw DutyRosterErrors.notASwap();
    const [a, b] = await this.rows([
      [change.assignmentId, 'changeId'],
      [change.relatedAssignmentId, 'changeId'],
    ]);
    const ctx = await this.roster.context();
    const dates = this.windowOf([a, b]);
    const absences = await this.absences(dates, ctx.people);
    let written: { changes: { id: string }[]; announcement: Announcement };
    try {
      written = await this.prisma.$transaction(async (tx) => {
        const { state, byId } = await this.lockedState(tx, ctx, dates, absences);
        const swap = { a: slotOf(a), b: slotOf(b), personA: change.fromPersonId as string, personB: change.toPersonId as string };
        const { violations, restored } = checkUndoSwap(state, swap, { now: this.clock.now() });
        if (violations.length) this.refuse(violations, [], 'changeId');
        const current = { ...a, personId: byId.get(a.id)?.personId ?? null };
        const currentB = { ...b, personId: byId.get(b.id)?.personId ?? null };
        const changes = await this.writeSwap(tx, current, currentB, restored, {
          kind: 'UNDO',
          actorId: user.id,
          reason,
          undoes: [change.id, paired.id],
        });
        await this.cancelOpenRequests(tx, [a.id, b.id]);
        const announcement = await this.swapAnnouncement(`duty-change:${changes[0].id}`, current, currentB, ctx, {
          zh: `${a.date} 与 ${b.date} 的换班已撤销，恢复原班次`,
          en: `The swap of ${a.date} and ${b.date} was undone: the shifts are as before`,
        });
        await this.notifications.announce(tx, announcement);
        return { changes, announcement };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DutyRosterErrors.alreadyUndone();
      throw error;
    }
    await this.notifications.deliverNow(written.announcement);
    return this.swapResult(
      [a.id, b.id],
      written.changes.map((c) => c.id),
    );
  }

  /**
   * Puts someone on a seat (or empties it) whatever the rotation, in an emergency. A reason is
   * required; being in two places at once is refused; consecutive shifts, declared leave or
   * someone outside the pool are allowed and recorded as warnings with the reason.
   */
  async override(user: AuthenticatedUser, shiftId: string, personId: string | null, reason: string): Promise<DutyShiftModel> {
    const [row] = await this.rows([[shiftId, 'shiftId']]);
    const [newId] = personId ? await this.people.ensure(row.kind, [personId], 'personId', false) : [null];
    const pool = (await this.prisma.dutyPoolMember.findMany({ where: { postId: row.postId }, select: { personId: true } })).map(
      (m) => m.personId,
    );
    const ctx = await this.roster.context();
    const dates = this.windowOf([row]);
    const absences = await this.absences(dates, ctx.people);
    const announcement = await this.prisma.$transaction(async (tx) => {
      const { state, byId } = await this.lockedState(tx, ctx, dates, absences);
      const { violations, warnings } = checkOverride(state, slotOf(row), newId, reason, { pool });
      if (violations.length) this.refuse(violations, [], violations[0].code === 'REASON_REQUIRED' ? 'reason' : 'personId');
      const before = byId.get(row.id)?.personId ?? null;
      await tx.dutyAssignment.update({ where: { id: row.id }, data: { personId: newId, version: { increment: 1 } } });
      const change = await tx.dutyShiftChange.create({
        data: {
          assignmentId: row.id,
          kind: 'OVERRIDE',
          fromPersonId: before,
          toPersonId: newId,
          reason: reason.trim(),
          actorId: user.id,
          warnings: [...new Set(warnings.map((w) => w.code))],
          createdAt: this.clock.now(),
        },
      });
      await this.cancelOpenRequests(tx, [row.id]);
      if (newId === null) await this.scheduler.schedule(DUTY_GAP_CHECK_JOB, { cause: `override ${change.id}` }, { tx });
      const postName = ctx.posts.get(row.postId)?.name ?? '';
      const newName = newId ? (ctx.people.get(newId)?.name ?? '') : '';
      const message = peopleAnnouncement(
        `duty-change:${change.id}`,
        row.period.status === DutyRosterStatus.PUBLISHED ? [before, newId] : [],
        ctx.people,
        shiftChangedDraft(
          row.date,
          postName,
          newId
            ? { zh: `紧急调整：该班次改由 ${newName} 值班（${reason}）`, en: `Override: this shift is now held by ${newName} (${reason})` }
            : { zh: `紧急调整：该班次暂无人值班（${reason}）`, en: `Override: this shift has nobody on duty for now (${reason})` },
          row.id,
        ),
      );
      await this.notifications.announce(tx, message);
      return message;
    });
    await this.notifications.deliverNow(announcement);
    return this.roster.shift(await this.roster.context(), row.id, 'shiftId');
  }

  /**
   * Records that a person cannot be on duty from `from` to `to`, and empties their seats in that
   * range that have not started (recorded as PERSON_UNAVAILABLE): the gaps are then listed and
   * the coordinators alerted. Generation respects it from then on.
   */
  async declareUnavailability(
    user: AuthenticatedUser,
    args: { personId: string; from: string; to: string; reason: string },
  ): Promise<DutyUnavailabilityModel> {
    checkRange(args.from, args.to);
    const person = await this.people.resolve(args.personId, 'personId');
    if (!isCoordinator(user) && !(await this.people.personIdsOfUser(user.id)).includes(person.id)) throw DutyRosterErrors.notYourPerson();
    const ctx = await this.roster.context();
    const now = this.clock.now();
    const { unavailability, emptied, announcement } = await this.prisma.$transaction(async (tx) => {
      const unavailability = await tx.dutyUnavailability.create({
        data: { personId: person.id, fromDate: args.from, toDate: args.to, reason: args.reason, createdById: user.id },
      });
      const held = await tx.dutyAssignment.findMany({
        where: { personId: person.id, date: { gte: args.from, lte: args.to } },
        include: { period: { select: { status: true } } },
      });
      const upcoming = held.filter((r) => {
        const template = ctx.templates.get(r.templateId);
        return template !== undefined && shiftInterval(r, template).startsAt > now;
      });
      const ids = upcoming.map((r) => r.id);
      if (ids.length) {
        await tx.$queryRaw`SELECT "id" FROM "DutyAssignment" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`;
      }
      // Conditional on the holder: a seat that changed hands meanwhile is no longer theirs to empty.
      const emptied: Row[] = [];
      for (const row of upcoming) {
        const { count } = await tx.dutyAssignment.updateMany({
          where: { id: row.id, personId: person.id },
          data: { personId: null, version: { increment: 1 } },
        });
        if (count === 0) continue;
        emptied.push(row);
        await tx.dutyShiftChange.create({
          data: {
            assignmentId: row.id,
            kind: 'PERSON_UNAVAILABLE',
            fromPersonId: person.id,
            toPersonId: null,
            reason: args.reason,
            actorId: user.id,
            createdAt: now,
          },
        });
      }
      await this.cancelOpenRequests(
        tx,
        emptied.map((r) => r.id),
      );
      if (emptied.length) await this.scheduler.schedule(DUTY_GAP_CHECK_JOB, { cause: `unavailable ${unavailability.id}` }, { tx });
      const published = emptied.filter((r) => r.period.status === DutyRosterStatus.PUBLISHED);
      const announcement = peopleAnnouncement(`duty-unavailable:${unavailability.id}`, published.length ? [person.id] : [], ctx.people, {
        kind: DUTY_NOTIFICATION.CHANGED,
        title: `已登记不能值班：${args.from} 至 ${args.to} / Unavailability recorded: ${args.from} to ${args.to}`,
        body: `您在 ${published.map((r) => r.date).join('、')} 的班次已空出，待协调人安排。/ Your shifts of ${published.map((r) => r.date).join(', ')} are open for the coordinators to fill.`,
        subjectId: unavailability.id,
      });
      await this.notifications.announce(tx, announcement);
      return { unavailability, emptied, announcement };
    });
    await this.notifications.deliverNow(announcement);
    const fresh = await this.roster.context();
    const info = fresh.people.get(person.id);
    return {
      id: unavailability.id,
      person: info ? personModel(info) : { id: args.personId, kind: person.kind, name: '', officeCode: '', officeName: '', active: false },
      from: unavailability.fromDate,
      to: unavailability.toDate,
      reason: unavailability.reason,
      emptiedShifts: emptied.length ? await this.roster.shifts(fresh, { id: { in: emptied.map((r) => r.id) } }) : [],
    };
  }

  // ---- Requests as the API shows them ----

  private async request(id: string): Promise<DutySwapRequest> {
    const request = await this.prisma.dutySwapRequest.findUnique({ where: { id } });
    if (!request) throw DutyRosterErrors.swapRequestNotFound(id);
    return request;
  }

  async requestModel(id: string): Promise<DutySwapRequestModel> {
    const [model] = await this.requestModels({ id });
    return model;
  }

  /** Swap requests: coordinators see every one, others those they asked or were asked. */
  async requestsFor(user: AuthenticatedUser, open: boolean): Promise<DutySwapRequestModel[]> {
    const where: Prisma.DutySwapRequestWhereInput = open ? { status: OPEN_REQUEST } : {};
    if (!isCoordinator(user)) {
      const selves = await this.people.personIdsOfUser(user.id);
      where.OR = [{ requesterPersonId: { in: selves } }, { counterPersonId: { in: selves } }];
    }
    return this.requestModels(where);
  }

  private async requestModels(where: Prisma.DutySwapRequestWhereInput): Promise<DutySwapRequestModel[]> {
    const requests = await this.prisma.dutySwapRequest.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 200 });
    const ctx = await this.roster.context();
    const ids = [...new Set(requests.flatMap((r) => [r.fromAssignmentId, r.toAssignmentId]))];
    const shifts = new Map((await this.roster.shifts(ctx, { id: { in: ids } })).map((s) => [s.id, s]));
    const person = (id: string) => {
      const info = ctx.people.get(id);
      return info ? personModel(info) : { id, kind: DutyPersonKind.STAFF, name: '', officeCode: '', officeName: '', active: false };
    };
    return requests.map((r) => ({
      id: r.id,
      status: r.status,
      note: r.note,
      fromShift: shifts.get(r.fromAssignmentId) as DutyShiftModel,
      toShift: shifts.get(r.toAssignmentId) as DutyShiftModel,
      requester: person(r.requesterPersonId),
      counterpart: person(r.counterPersonId),
      createdAt: r.createdAt,
      respondedAt: r.respondedAt,
      decidedAt: r.decidedAt,
    }));
  }

  private async swapResult(shiftIds: string[], changeIds: string[]): Promise<DutySwapResultModel> {
    const ctx = await this.roster.context();
    const changes = await this.prisma.dutyShiftChange.findMany({
      where: { id: { in: changeIds } },
      include: { undoneBy: { select: { id: true } } },
      orderBy: { seq: 'asc' },
    });
    return {
      shifts: await this.roster.shifts(ctx, { id: { in: shiftIds } }),
      changes: await this.roster.changeModels(ctx, changes),
    };
  }
}
