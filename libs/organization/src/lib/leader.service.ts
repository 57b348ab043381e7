import { Injectable } from '@nestjs/common';
import { isUniqueViolation, Leader, Prisma, PrismaService, Role, User } from '@siban/db';
import { byKeys, groupByKeys, LoaderRegistry } from '@siban/graphql-core';
import { IdentityService, OfficeService } from '@siban/identity';
import { AssignmentInput, CreateLeaderInput, LeadersArgs, UpdateLeaderInput } from './dto/leader.inputs';
import { rankAfter } from './leader-order';
import { OrganizationErrors } from './organization.errors';

const LEADER_ORDER: Prisma.LeaderOrderByWithRelationInput[] = [{ rank: 'asc' }, { name: 'asc' }];

@Injectable()
export class LeaderService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly offices: OfficeService,
    private readonly identity: IdentityService,
  ) {}

  async list(args: LeadersArgs): Promise<Leader[]> {
    const office = args.officeCode ? await this.offices.findByCode(args.officeCode) : undefined;
    if (office === null) return [];
    return this.prisma.leader.findMany({
      where: {
        ...(args.includeInactive ? {} : { active: true }),
        ...(office ? { officeId: office.id } : {}),
        ...(args.body ? { body: args.body } : {}),
      },
      orderBy: LEADER_ORDER,
    });
  }

  async get(id: string, field = 'id'): Promise<Leader> {
    const leader = await this.prisma.leader.findUnique({ where: { id } });
    if (!leader) throw OrganizationErrors.leaderNotFound(id, field);
    return leader;
  }

  async create(input: CreateLeaderInput): Promise<Leader> {
    const office = await this.offices.getByCode(input.officeCode);
    return this.prisma.leader.create({
      data: {
        name: input.name.trim(),
        title: input.title.trim(),
        body: input.body,
        officeId: office.id,
        rank: input.rank ?? (await this.rankAfterLast()),
        isPrincipal: input.isPrincipal,
      },
    });
  }

  /** The rank that puts a new leader last in protocol order. */
  private async rankAfterLast(): Promise<number> {
    const { _max } = await this.prisma.leader.aggregate({ where: { active: true }, _max: { rank: true } });
    return rankAfter(_max.rank === null ? [] : [_max.rank]);
  }

  async update(input: UpdateLeaderInput): Promise<Leader> {
    await this.get(input.id);
    const office = input.officeCode ? await this.offices.getByCode(input.officeCode) : undefined;
    return this.prisma.leader.update({
      where: { id: input.id },
      data: {
        name: input.name?.trim(),
        title: input.title?.trim(),
        body: input.body,
        officeId: office?.id,
        rank: input.rank,
        isPrincipal: input.isPrincipal,
        active: input.active,
      },
    });
  }

  async assign(input: AssignmentInput): Promise<Leader> {
    const [user, leader] = await Promise.all([this.identity.getUser(input.userId), this.get(input.leaderId, 'leaderId')]);
    if (!user.roles.includes(Role.SECRETARY)) throw OrganizationErrors.notASecretary(user.id);
    try {
      await this.prisma.secretaryAssignment.create({ data: { userId: user.id, leaderId: leader.id } });
    } catch (error) {
      if (isUniqueViolation(error)) throw OrganizationErrors.alreadyAssigned();
      throw error;
    }
    return leader;
  }

  async unassign(input: AssignmentInput): Promise<Leader> {
    const { count } = await this.prisma.secretaryAssignment.deleteMany({ where: { userId: input.userId, leaderId: input.leaderId } });
    if (count === 0) throw OrganizationErrors.notAssigned();
    return this.get(input.leaderId, 'leaderId');
  }

  /** Code of the office that handles the leader's plans. */
  async officeCodeOf(id: string, field = 'leaderId'): Promise<string> {
    const leader = await this.prisma.leader.findUnique({ where: { id }, select: { officeId: true } });
    if (!leader) throw OrganizationErrors.leaderNotFound(id, field);
    const office = (await this.offices.list()).find((o) => o.id === leader.officeId);
    return office?.code as string;
  }

  findByIds(ids: string[]): Promise<Leader[]> {
    return this.prisma.leader.findMany({ where: { id: { in: ids } } });
  }

  /** Every leader with the code of the office handling their plans, in protocol order. */
  async directory(includeInactive = false): Promise<(Leader & { office: { code: string } })[]> {
    const leaders = await this.prisma.leader.findMany({ where: includeInactive ? {} : { active: true }, orderBy: LEADER_ORDER });
    // Read after the leaders: every office they name exists (a foreign key) and is never deleted.
    const codes = new Map((await this.offices.list()).map((o) => [o.id, o.code]));
    return leaders.map((leader) => ({ ...leader, office: { code: codes.get(leader.officeId) as string } }));
  }

  /** Active secretaries of each leader, for reminders: leaderId -> user ids. */
  async secretaryIdsOf(leaderIds: string[]): Promise<Map<string, string[]>> {
    const rows = await this.prisma.secretaryAssignment.findMany({
      where: { leaderId: { in: leaderIds } },
      select: { leaderId: true, userId: true },
    });
    const active = new Set(await this.identity.activeUserIds({ among: [...new Set(rows.map((r) => r.userId))] }));
    const map = new Map<string, string[]>(leaderIds.map((id) => [id, []]));
    for (const row of rows) if (active.has(row.userId)) map.get(row.leaderId)?.push(row.userId);
    return map;
  }

  leadersOf(userId: string): Promise<Leader[]> {
    return this.prisma.leader.findMany({ where: { secretaries: { some: { userId } } }, orderBy: LEADER_ORDER });
  }

  /** Whether the user may edit this leader's plans (an assigned secretary). */
  async isAssigned(userId: string, leaderId: string): Promise<boolean> {
    const row = await this.prisma.secretaryAssignment.findUnique({ where: { userId_leaderId: { userId, leaderId } } });
    return row !== null;
  }

  leaderLoader(loaders: LoaderRegistry) {
    return loaders.get<string, Leader>('leaderById', async (ids) =>
      byKeys(ids, await this.prisma.leader.findMany({ where: { id: { in: [...ids] } } }), (l) => l.id),
    );
  }

  secretariesLoader(loaders: LoaderRegistry) {
    return loaders.get<string, User[]>('secretariesByLeader', async (leaderIds) => {
      const rows = await this.prisma.secretaryAssignment.findMany({ where: { leaderId: { in: [...leaderIds] } } });
      const users = await this.identity.usersByIds([...new Set(rows.map((r) => r.userId))]);
      return groupByKeys(leaderIds, rows, (r) => r.leaderId).map((group) => {
        const ids = new Set(group.map((r) => r.userId));
        return users.filter((u) => ids.has(u.id));
      });
    });
  }

  assignedLeadersLoader(loaders: LoaderRegistry) {
    return loaders.get<string, Leader[]>('leadersBySecretary', async (userIds) => {
      const rows = await this.prisma.secretaryAssignment.findMany({
        where: { userId: { in: [...userIds] } },
        include: { leader: true },
        orderBy: [{ leader: { rank: 'asc' } }, { leader: { name: 'asc' } }],
      });
      return groupByKeys(userIds, rows, (r) => r.userId).map((group) => group.map((r) => r.leader));
    });
  }
}
