import type { Prisma, PrismaService } from '@siban/db';
import { addDays, fromDayNumber, shanghaiWallClock } from '../../utils/local-date';
import { shiftInterval, shiftsAt } from '../../utils/shift-time';

/** What the duty operations read of a seat: the shift, the post, who holds it, and when. */
export const SEAT_INCLUDE = {
  template: { select: { id: true, startTime: true, durationMinutes: true, name: true } },
  post: { select: { id: true, code: true, name: true, position: true } },
  person: { select: { id: true, kind: true, leaderId: true, userId: true, phone: true } },
  period: { select: { status: true } },
} satisfies Prisma.DutyAssignmentInclude;

type SeatRow = Prisma.DutyAssignmentGetPayload<{ include: typeof SEAT_INCLUDE }>;

/** One seat of one post on one shift (a `DutyAssignment`), with its interval in time. */
export interface DutySeat {
  id: string;
  month: string;
  date: string;
  templateId: string;
  templateName: string;
  post: { id: string; code: string; name: string; position: number };
  seat: number;
  person: { id: string; kind: 'LEADER' | 'STAFF'; leaderId: string | null; userId: string | null; phone: string | null } | null;
  /** Its month's roster is published: only then is anyone on duty for it. */
  published: boolean;
  version: number;
  updatedAt: Date;
  startsAt: Date;
  /** Exclusive. */
  endsAt: Date;
}

export function toSeat(row: SeatRow): DutySeat {
  const { startsAt, endsAt } = shiftInterval({ date: row.date, templateId: row.templateId }, row.template);
  return {
    id: row.id,
    month: row.month,
    date: row.date,
    templateId: row.templateId,
    templateName: row.template.name,
    post: row.post,
    seat: row.seat,
    person: row.person,
    published: row.period.status === 'PUBLISHED',
    version: row.version,
    updatedAt: row.updatedAt,
    startsAt,
    endsAt,
  };
}

type DutyDb = Pick<PrismaService, 'dutyShiftTemplate' | 'dutyAssignment'>;

/**
 * Who holds each seat at the instant `at` (exact at shift boundaries: at 08:29 the previous
 * day's 08:30 shift still holds). Two reads: the templates (a handful of rows), then the seats of
 * the shifts covering `at` through the (date, template, post, seat) key, whatever the size of the
 * roster. Seats of draft months are included (`published` says which); empty seats too.
 */
export async function seatsAt(db: DutyDb, at: Date): Promise<DutySeat[]> {
  const templates = await db.dutyShiftTemplate.findMany({ select: { id: true, startTime: true, durationMinutes: true } });
  const shifts = shiftsAt(at, templates);
  if (shifts.length === 0) return [];
  const rows = await db.dutyAssignment.findMany({
    where: { OR: shifts.map((s) => ({ date: s.date, templateId: s.templateId })) },
    include: SEAT_INCLUDE,
    orderBy: [{ post: { position: 'asc' } }, { seat: 'asc' }],
  });
  return rows.map(toSeat);
}

/**
 * The seats whose shift runs at some time in [from, to): starting in it, or already running at
 * `from`. Reads the dates that can hold such a shift (a shift lasts at most a day) and keeps the
 * exact ones.
 */
export async function seatsOverlapping(
  db: Pick<PrismaService, 'dutyAssignment'>,
  from: Date,
  to: Date,
  where: Prisma.DutyAssignmentWhereInput = {},
): Promise<DutySeat[]> {
  const first = addDays(fromDayNumber(shanghaiWallClock(from).day), -1);
  const last = fromDayNumber(shanghaiWallClock(to).day);
  const rows = await db.dutyAssignment.findMany({
    where: { ...where, date: { gte: first, lte: last } },
    include: SEAT_INCLUDE,
    orderBy: [{ date: 'asc' }, { post: { position: 'asc' } }, { seat: 'asc' }],
  });
  return rows.map(toSeat).filter((s) => s.endsAt.getTime() > from.getTime() && s.startsAt.getTime() < to.getTime());
}
