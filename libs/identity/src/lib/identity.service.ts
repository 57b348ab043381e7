import { Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { isUniqueViolation, Prisma, PrismaService, Role, uniqueViolationFields, User } from '@siban/db';
import { badInput, byKeys, Connection, decodeCursor, LoaderRegistry, toConnection } from '@siban/graphql-core';
import { AuthenticatedUser, StaffMember } from './authenticated-user';
import { ChangePasswordInput, CreateUserInput, ResetPasswordInput, UpdateUserInput, UsersArgs } from './dto/user.inputs';
import { IdentityErrors } from './identity.errors';
import { OfficeService } from './office.service';
import { PasswordHasher } from './password-hasher';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';

/** Wrong passwords in a row before an account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

@Injectable()
export class IdentityService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly offices: OfficeService,
    private readonly clock: Clock,
    private readonly sessions: SessionRevocations,
  ) {}

  async login(username: string, password: string) {
    const user = await this.prisma.user.findUnique({ where: { username: username.trim().toLowerCase() } });
    // The hash is always compared, so a locked or unknown account answers as slowly as any other.
    const ok = await this.hasher.verify(password, user?.passwordHash);
    const now = this.clock.now();
    if (user?.lockedUntil && user.lockedUntil > now) throw IdentityErrors.accountLocked(user.lockedUntil);
    if (!user || !user.active) throw IdentityErrors.badCredentials();
    if (!ok) {
      await this.recordFailedLogin(user.id, now);
      throw IdentityErrors.badCredentials();
    }
    if (user.failedLogins > 0 || user.lockedUntil) {
      await this.prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    }
    return { ...this.tokens.sign(user.id, user.tokenVersion), user };
  }

  // Counted in the database (an atomic increment), so guesses spread over several instances add up.
  private async recordFailedLogin(userId: string, now: Date): Promise<void> {
    const { failedLogins } = await this.prisma.user.update({
      where: { id: userId },
      data: { failedLogins: { increment: 1 } },
      select: { failedLogins: true },
    });
    if (failedLogins >= MAX_FAILED_LOGINS) {
      await this.prisma.user.update({
        where: { id: userId },
        data: { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) },
      });
    }
  }

  /** The user behind a token, if the token is valid and the account still active and unrevoked. */
  async authenticate(token: string): Promise<AuthenticatedUser | undefined> {
    const claims = this.tokens.verify(token);
    return claims ? this.authenticateUser(claims.sub, claims.ver) : undefined;
  }

  /**
   * An active user as guards see them; with `tokenVersion`, only if no session revocation came
   * after it. Also used for credentials that stand for a user (calendar feed URLs).
   */
  async authenticateUser(id: string, tokenVersion?: number): Promise<AuthenticatedUser | undefined> {
    const user = await this.prisma.user.findUnique({ where: { id }, include: { office: true } });
    if (!user || !user.active || (tokenVersion !== undefined && user.tokenVersion !== tokenVersion)) return undefined;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      officeId: user.officeId,
      officeCode: user.office.code,
      roles: user.roles,
      leaderId: user.leaderId,
      tokenVersion: user.tokenVersion,
    };
  }

  async getUser(id: string): Promise<User> {
    const user = await this.prisma.user.findUnique({ where: { id } });
    if (!user) throw IdentityErrors.userNotFound(id);
    return user;
  }

  userLoader(loaders: LoaderRegistry) {
    return loaders.get<string, User>('userById', async (ids) =>
      byKeys(ids, await this.prisma.user.findMany({ where: { id: { in: [...ids] } } }), (u) => u.id),
    );
  }

  async listUsers(args: UsersArgs): Promise<Connection<User>> {
    const where: Prisma.UserWhereInput = {
      ...(args.includeInactive ? {} : { active: true }),
      ...(args.officeCode ? { office: { code: args.officeCode } } : {}),
      ...(args.role ? { roles: { has: args.role } } : {}),
    };
    const after = args.after ? decodeCursor(args.after) : undefined;
    const [rows, totalCount] = await Promise.all([
      this.prisma.user.findMany({
        where: after ? { AND: [where, { username: { gt: after.sortKey } }] } : where,
        orderBy: { username: 'asc' },
        take: args.first + 1,
      }),
      this.prisma.user.count({ where }),
    ]);
    return toConnection(rows, args.first, totalCount, (u) => u.username);
  }

  /** Every active member of staff (the audience of announcements to everyone). */
  async activeStaff(): Promise<StaffMember[]> {
    const users = await this.prisma.user.findMany({
      where: { active: true },
      select: { id: true, roles: true, leaderId: true, office: { select: { code: true } } },
      orderBy: { username: 'asc' },
    });
    return users.map((u) => ({ id: u.id, roles: u.roles, officeCode: u.office.code, leaderId: u.leaderId }));
  }

  async createUser(input: CreateUserInput): Promise<User> {
    const office = await this.offices.getByCode(input.officeCode);
    await this.checkLeaderLink(input.roles, input.leaderId);
    try {
      return await this.prisma.user.create({
        data: {
          username: input.username,
          displayName: input.displayName.trim(),
          passwordHash: await this.hasher.hash(input.password),
          officeId: office.id,
          roles: input.roles,
          leaderId: input.leaderId ?? null,
        },
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        if (uniqueViolationFields(error).includes('leaderId'))
          throw badInput('leaderId', '该领导已有账号 / This leader already has an account');
        throw IdentityErrors.usernameTaken(input.username);
      }
      throw error;
    }
  }

  async updateUser(actor: AuthenticatedUser, input: UpdateUserInput): Promise<User> {
    const user = await this.getUser(input.id);
    if (user.id === actor.id && ((input.roles && !input.roles.includes(Role.ADMIN)) || input.active === false)) {
      throw IdentityErrors.cannotRemoveOwnAdmin();
    }
    const office = input.officeCode ? await this.offices.getByCode(input.officeCode) : undefined;
    const roles = input.roles ?? user.roles;
    const leaderId = input.leaderId !== undefined ? input.leaderId : user.leaderId;
    await this.checkLeaderLink(roles, leaderId ?? undefined);
    // A deactivation or a role change ends the sessions issued before it.
    const revoke = input.active === false || (input.roles !== undefined && !sameSet(input.roles, user.roles));
    // Conditional on the version read above: a concurrent change makes this one fail, not merge.
    const { count } = await this.prisma.user.updateMany({
      where: { id: user.id, tokenVersion: user.tokenVersion, updatedAt: user.updatedAt },
      data: {
        displayName: input.displayName?.trim(),
        officeId: office?.id,
        roles: input.roles,
        active: input.active,
        leaderId: input.leaderId,
        tokenVersion: revoke ? { increment: 1 } : undefined,
      },
    });
    if (count === 0) throw IdentityErrors.concurrentChange();
    const updated = await this.getUser(user.id);
    if (revoke) await this.sessions.revoked(updated.id, updated.tokenVersion);
    return updated;
  }

  async resetPassword(input: ResetPasswordInput): Promise<User> {
    await this.getUser(input.userId);
    const updated = await this.prisma.user.update({
      where: { id: input.userId },
      data: { passwordHash: await this.hasher.hash(input.newPassword), tokenVersion: { increment: 1 }, failedLogins: 0, lockedUntil: null },
    });
    await this.sessions.revoked(updated.id, updated.tokenVersion);
    return updated;
  }

  /** Changes the caller's password and returns a fresh token: older sessions end. */
  async changeOwnPassword(actor: AuthenticatedUser, input: ChangePasswordInput) {
    const user = await this.getUser(actor.id);
    if (!(await this.hasher.verify(input.currentPassword, user.passwordHash))) throw IdentityErrors.wrongCurrentPassword();
    const updated = await this.prisma.user.update({
      where: { id: user.id },
      data: { passwordHash: await this.hasher.hash(input.newPassword), tokenVersion: { increment: 1 } },
    });
    await this.sessions.revoked(updated.id, updated.tokenVersion);
    return { ...this.tokens.sign(updated.id, updated.tokenVersion), user: updated };
  }

  private async checkLeaderLink(roles: Role[], leaderId: string | undefined): Promise<void> {
    if (roles.includes(Role.LEADER) && !leaderId) throw IdentityErrors.leaderRoleNeedsLeader();
    if (leaderId && !(await this.prisma.leader.findUnique({ where: { id: leaderId }, select: { id: true } }))) {
      throw badInput('leaderId', `未找到领导 / Leader not found: ${leaderId}`);
    }
  }
}

function sameSet<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
