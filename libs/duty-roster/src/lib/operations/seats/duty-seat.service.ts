import { Injectable } from '@nestjs/common';
import { PrismaService, Role } from '@siban/db';
import { LoaderRegistry } from '@siban/graphql-core';
import { AuthenticatedUser, IdentityService, OfficeService } from '@siban/identity';
import { LeaderService } from '@siban/organization';
import { DutyOperationsErrors } from '../duty-operations.errors';
import { DutySeat, SEAT_INCLUDE, seatsAt, seatsOverlapping, toSeat } from './seat-lookup';

/** A person on the roster as the operations name them: on notifications, feeds and printed tables. */
export interface DutyPersonInfo {
  id: string;
  kind: 'LEADER' | 'STAFF';
  name: string;
  officeCode: string;
  officeName: string;
  phone: string | null;
  leaderId: string | null;
  userId: string | null;
}

/**
 * Seats and people of the roster for check-in, handover, feeds and exports, read from the roster's
 * own tables; leaders and users (names, offices) through their libs' services.
 */
@Injectable()
export class DutySeatService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly identity: IdentityService,
    private readonly offices: OfficeService,
    private readonly leaders: LeaderService,
  ) {}

  async seat(id: string, field = 'shiftId'): Promise<DutySeat> {
    const row = await this.prisma.dutyAssignment.findUnique({ where: { id }, include: SEAT_INCLUDE });
    if (!row) throw DutyOperationsErrors.shiftNotFound(id, field);
    return toSeat(row);
  }

  seatsAt(at: Date): Promise<DutySeat[]> {
    return seatsAt(this.prisma, at);
  }

  /** Published, held seats whose shift runs at some time in [from, to). */
  heldSeatsOverlapping(from: Date, to: Date, personIds?: string[]): Promise<DutySeat[]> {
    return seatsOverlapping(this.prisma, from, to, {
      personId: personIds ? { in: personIds } : { not: null },
      period: { status: 'PUBLISHED' },
    });
  }

  /** The roster people a user is: their staff record, and the leader their account signs in as. */
  async personIdsOf(user: Pick<AuthenticatedUser, 'id' | 'leaderId'>): Promise<string[]> {
    const people = await this.prisma.dutyPerson.findMany({
      where: { OR: [{ userId: user.id }, ...(user.leaderId ? [{ leaderId: user.leaderId }] : [])] },
      select: { id: true },
    });
    return people.map((p) => p.id);
  }

  /** Whether the user holds the seat (as themselves, or as the leader they sign in as). */
  async holds(user: Pick<AuthenticatedUser, 'id' | 'leaderId'>, seat: DutySeat): Promise<boolean> {
    return seat.person !== null && (await this.personIdsOf(user)).includes(seat.person.id);
  }

  /** Sets (or with null clears) the contact number printed on the monthly roster. */
  async setPhone(personId: string, phone: string | null): Promise<DutyPersonInfo> {
    if (phone !== null && !isPhoneNumber(phone)) throw DutyOperationsErrors.badPhone();
    const { count } = await this.prisma.dutyPerson.updateMany({ where: { id: personId }, data: { phone } });
    if (count === 0) throw DutyOperationsErrors.personNotFound(personId);
    return (await this.people([personId])).get(personId) as DutyPersonInfo;
  }

  /** Active users with the DUTY_COORDINATOR role: they hear of missed check-ins. */
  async coordinatorIds(): Promise<string[]> {
    return (await this.identity.activeStaff()).filter((u) => u.roles.includes(Role.DUTY_COORDINATOR)).map((u) => u.id);
  }

  /** Names, offices and phone numbers of roster people, by id (unknown ids are left out). */
  async people(ids: readonly string[]): Promise<Map<string, DutyPersonInfo>> {
    const rows = await this.prisma.dutyPerson.findMany({ where: { id: { in: [...new Set(ids)] } } });
    const leaderIds = rows.flatMap((r) => (r.leaderId ? [r.leaderId] : []));
    const userIds = rows.flatMap((r) => (r.userId ? [r.userId] : []));
    const [leaders, users, offices] = await Promise.all([
      this.leaders.findByIds(leaderIds),
      userIds.length ? this.identity.userLoader(new LoaderRegistry()).loadMany(userIds) : Promise.resolve([]),
      this.offices.list(),
    ]);
    const leaderById = new Map(leaders.map((l) => [l.id, l]));
    const userById = new Map(users.flatMap((u) => (u instanceof Error ? [] : [[u.id, u] as const])));
    const officeById = new Map(offices.map((o) => [o.id, o]));
    const result = new Map<string, DutyPersonInfo>();
    for (const row of rows) {
      const who = row.leaderId ? leaderById.get(row.leaderId) : row.userId ? userById.get(row.userId) : undefined;
      const name = who ? ('name' in who ? who.name : who.displayName) : '';
      const office = who ? officeById.get(who.officeId) : undefined;
      result.set(row.id, {
        id: row.id,
        kind: row.kind,
        name,
        officeCode: office?.code ?? '',
        officeName: office?.shortName ?? '',
        phone: row.phone,
        leaderId: row.leaderId,
        userId: row.userId,
      });
    }
    return result;
  }
}

/** As the database's CHECK has it: 4 to 32 characters, digits with an optional + and spaces or -. */
export function isPhoneNumber(value: string): boolean {
  return /^\+?[0-9][0-9 -]{2,30}[0-9]$/.test(value);
}
