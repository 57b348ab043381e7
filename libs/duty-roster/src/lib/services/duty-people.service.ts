import { Injectable } from '@nestjs/common';
import { DutyPersonKind, PrismaService, Role } from '@siban/db';
import { IdentityService, OfficeService } from '@siban/identity';
import { LeaderService } from '@siban/organization';
import { DutyRosterErrors } from '../duty-roster.errors';

/** A person on the roster as the duty services see them: both ids, a name, an office, an account to tell. */
export interface DutyPersonInfo {
  /** DutyPerson.id: what assignments, pools and the history hold. */
  dutyId: string;
  kind: DutyPersonKind;
  /** The API's id of the person: the leader's id (LEADER) or the user's (STAFF). */
  id: string;
  name: string;
  officeCode: string;
  officeName: string;
  active: boolean;
  /** The account told about their shifts: the user, or the active account linked to the leader. */
  accountId: string | null;
}

export type PeopleDirectory = Map<string, DutyPersonInfo>;

/**
 * Who is who on the roster. DutyPerson rows (this lib's) name a leader or a user; names, offices
 * and whether they are still active come from organization and identity, never from their tables.
 */
@Injectable()
export class DutyPeopleService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly identity: IdentityService,
    private readonly leaders: LeaderService,
    private readonly offices: OfficeService,
  ) {}

  /** Every person of the roster, by DutyPerson id. */
  async directory(): Promise<PeopleDirectory> {
    const people = await this.prisma.dutyPerson.findMany();
    const userIds = people.flatMap((p) => (p.userId ? [p.userId] : []));
    const [leaders, users, offices, staff] = await Promise.all([
      this.leaders.directory(true),
      this.identity.staffByIds(userIds),
      this.offices.list(),
      this.identity.activeStaff(),
    ]);
    const officeNames = new Map(offices.map((o) => [o.code, o.shortName]));
    const leaderById = new Map(leaders.map((l) => [l.id, l]));
    const userById = new Map(users.map((u) => [u.id, u]));
    const accountOfLeader = new Map(staff.flatMap((u) => (u.leaderId ? [[u.leaderId, u.id] as const] : [])));
    const directory: PeopleDirectory = new Map();
    for (const person of people) {
      if (person.leaderId) {
        const leader = leaderById.get(person.leaderId);
        directory.set(person.id, {
          dutyId: person.id,
          kind: person.kind,
          id: person.leaderId,
          name: leader?.name ?? '',
          officeCode: leader?.office.code ?? '',
          officeName: officeNames.get(leader?.office.code ?? '') ?? '',
          active: leader?.active ?? false,
          accountId: accountOfLeader.get(person.leaderId) ?? null,
        });
      } else if (person.userId) {
        const user = userById.get(person.userId);
        directory.set(person.id, {
          dutyId: person.id,
          kind: person.kind,
          id: person.userId,
          name: user?.displayName ?? '',
          officeCode: user?.officeCode ?? '',
          officeName: officeNames.get(user?.officeCode ?? '') ?? '',
          active: user?.active ?? false,
          accountId: user?.active ? user.id : null,
        });
      }
    }
    return directory;
  }

  /**
   * The DutyPerson ids of leaders (a LEADER kind) or users (STAFF) named by their own ids, made
   * when missing. Every id must name an active leader or user: else BAD_USER_INPUT on `field`
   * (`field.<i>` for a list).
   */
  async ensure(kind: DutyPersonKind, ids: readonly string[], field: string, listed = true): Promise<string[]> {
    const at = (i: number) => (listed ? `${field}.${i}` : field);
    if (new Set(ids).size !== ids.length) throw DutyRosterErrors.duplicatePerson(field);
    if (ids.length === 0) return [];
    if (kind === DutyPersonKind.LEADER) {
      const found = new Map((await this.leaders.findByIds([...ids])).map((l) => [l.id, l]));
      ids.forEach((id, i) => {
        const leader = found.get(id);
        if (!leader) throw DutyRosterErrors.unknownPerson(at(i), id);
        if (!leader.active) throw DutyRosterErrors.inactivePerson(at(i), id);
      });
    } else {
      const found = new Map((await this.identity.staffByIds(ids)).map((u) => [u.id, u]));
      ids.forEach((id, i) => {
        const user = found.get(id);
        if (!user) throw DutyRosterErrors.unknownPerson(at(i), id);
        if (!user.active) throw DutyRosterErrors.inactivePerson(at(i), id);
      });
    }
    const key = kind === DutyPersonKind.LEADER ? 'leaderId' : 'userId';
    // Two requests naming a new person at once both insert: the unique key keeps one row.
    await this.prisma.dutyPerson.createMany({ data: ids.map((id) => ({ kind, [key]: id })), skipDuplicates: true });
    const rows = await this.prisma.dutyPerson.findMany({ where: { [key]: { in: [...ids] } } });
    const byOwnId = new Map(rows.map((r) => [(r.leaderId ?? r.userId) as string, r.id]));
    return ids.map((id) => byOwnId.get(id) as string);
  }

  /**
   * The DutyPerson of a leader or user named by their own id, made when missing: a leader is a
   * LEADER, a user STAFF. BAD_USER_INPUT on `field` when the id names neither.
   */
  async resolve(id: string, field: string): Promise<{ id: string; kind: DutyPersonKind }> {
    const known = await this.find(id);
    if (known) return known;
    const [leader] = await this.leaders.findByIds([id]);
    const kind = leader ? DutyPersonKind.LEADER : DutyPersonKind.STAFF;
    const [dutyId] = await this.ensure(kind, [id], field, false);
    return { id: dutyId, kind };
  }

  /** The DutyPerson a leader's or user's id names, if they have ever been on the roster. */
  async find(id: string): Promise<{ id: string; kind: DutyPersonKind } | null> {
    return this.prisma.dutyPerson.findFirst({ where: { OR: [{ leaderId: id }, { userId: id }] }, select: { id: true, kind: true } });
  }

  /**
   * The DutyPerson ids a user acts as: their own (as staff) and, for a leader's account, the
   * leader's. Empty for someone never on the roster.
   */
  async personIdsOfUser(userId: string): Promise<string[]> {
    const [user] = await this.identity.staffByIds([userId]);
    const rows = await this.prisma.dutyPerson.findMany({
      where: { OR: [{ userId }, ...(user?.leaderId ? [{ leaderId: user.leaderId }] : [])] },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /** Active duty coordinators: who hears of gaps and accepted swap requests. */
  async coordinatorIds(): Promise<string[]> {
    return (await this.identity.activeStaff()).filter((u) => u.roles.includes(Role.DUTY_COORDINATOR)).map((u) => u.id);
  }
}
