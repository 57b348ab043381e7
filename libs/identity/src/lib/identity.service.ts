import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { isForeignKeyViolation, isUniqueViolation, Prisma, PrismaService, PrismaTx, Role, uniqueViolationFields, User } from '@siban/db';
import { badInput, byKeys, Connection, decodeCursor, LoaderRegistry, toConnection } from '@siban/graphql-core';
import { AccountLockEvents } from './account-lock-events';
import { AuthenticatedUser, StaffDirectoryEntry, StaffMember } from './authenticated-user';
import { ChangePasswordInput, CreateUserInput, ResetPasswordInput, UpdateUserInput, UsersArgs } from './dto/user.inputs';
import { IdentityErrors } from './identity.errors';
import { LoginThrottleService } from './login-throttle.service';
import { OfficeService } from './office.service';
import { passwordProblem, PasswordContext } from './password/password-policy';
import { PasswordHasher } from './password-hasher';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';
import { accountRule, addressRule, pairRule } from './utils/throttle-rules';

/** What a sign-in is told about where it comes from. */
export interface LoginSource {
  /** The client's address (the socket's, or X-Forwarded-For's from a trusted proxy). */
  address?: string;
}

const normalizeUsername = (username: string) => username.trim().toLowerCase();

// Never '' (which names the account-wide and the per-address counters); bounded in length.
const addressKey = (address: string | undefined) => (address || 'unknown').slice(0, 64);

@Injectable()
export class IdentityService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly offices: OfficeService,
    private readonly throttle: LoginThrottleService,
    private readonly lockEvents: AccountLockEvents,
    private readonly clock: Clock,
    private readonly sessions: SessionRevocations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs in. Before the password is hashed, one attempt is reserved on three counters in the
   * database (the address's rate, the account from this address, the account from everywhere),
   * so concurrent guesses never get past a limit. They are keyed by the typed username, known or
   * not: an unknown username is answered exactly like a real one, and as slowly.
   */
  async login(username: string, password: string, source: LoginSource = {}) {
    const name = normalizeUsername(username);
    const address = addressKey(source.address);
    const limits = this.config.login;
    const now = this.clock.now();
    await this.throttle.purgeStale(now);

    const fromAddress = await this.throttle.reserve({ username: '', address }, addressRule(limits), now);
    if (!fromAddress.allowed) throw IdentityErrors.rateLimited(fromAddress.retryAt);
    const pairKey = { username: name, address };
    const pair = await this.throttle.reserve(pairKey, pairRule(limits), now);
    if (!pair.allowed) throw IdentityErrors.loginThrottled(pair.retryAt);
    const accountKey = { username: name, address: '' };
    const account = await this.throttle.reserve(accountKey, accountRule(limits), now);
    if (!account.allowed) {
      // Not a guess that was checked: the person at this desk is not slowed down by a lock.
      await this.throttle.refund(pairKey, pair);
      throw IdentityErrors.accountLocked(account.retryAt);
    }

    const user = await this.prisma.user.findUnique({ where: { username: name } });
    const ok = await this.hasher.verify(password, user?.passwordHash);
    if (ok && user?.active) {
      await this.throttle.clear(pairKey);
      await this.throttle.refund(accountKey, account);
      return { ...this.tokens.sign(user.id, user.tokenVersion), user };
    }
    // The guess that reached the threshold locked the account when it was reserved; now that it
    // proved wrong, the admins hear of it (once per lock episode).
    if (user && account.attempt === limits.accountLockThreshold) {
      await this.lockEvents.emit({
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        lockedUntil: new Date(now.getTime() + account.delayMs),
        attempts: account.attempt,
        address,
      });
    }
    throw IdentityErrors.badCredentials();
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

  /**
   * The ids of active users: those with `role` and, with `among`, only those of these ids. Read with
   * `db` when given: a caller's transaction that must see the same snapshot as its writes.
   */
  async activeUserIds(filter: { role?: Role; among?: string[] }, db: PrismaTx = this.prisma): Promise<string[]> {
    const users = await db.user.findMany({
      where: {
        active: true,
        ...(filter.role ? { roles: { has: filter.role } } : {}),
        ...(filter.among ? { id: { in: filter.among } } : {}),
      },
      select: { id: true },
    });
    return users.map((u) => u.id);
  }

  /** The users of these ids, in username order; unknown ids are left out. */
  usersByIds(ids: string[]): Promise<User[]> {
    return this.prisma.user.findMany({ where: { id: { in: ids } }, orderBy: { username: 'asc' } });
  }

  /**
   * Users by id as other capabilities show them (a name and an office), inactive ones included:
   * a duty roster or a history names people who may have left since.
   */
  async staffByIds(ids: readonly string[]): Promise<StaffDirectoryEntry[]> {
    if (ids.length === 0) return [];
    const users = await this.prisma.user.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, displayName: true, active: true, roles: true, leaderId: true, office: { select: { code: true } } },
    });
    return users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      active: u.active,
      roles: u.roles,
      leaderId: u.leaderId,
      officeCode: u.office.code,
    }));
  }

  async createUser(input: CreateUserInput): Promise<User> {
    checkPassword('password', input.password, { username: input.username });
    const office = await this.offices.getByCode(input.officeCode);
    checkLeaderLink(input.roles, input.leaderId);
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
      // The office was just read; the leader is the only row this one names that may be missing.
      if (isForeignKeyViolation(error) && input.leaderId) throw IdentityErrors.leaderNotFound(input.leaderId);
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
    checkLeaderLink(roles, leaderId ?? undefined);
    // A deactivation or a role change ends the sessions issued before it.
    const revoke = input.active === false || (input.roles !== undefined && !sameSet(input.roles, user.roles));
    // Conditional on the version read above: a concurrent change makes this one fail, not merge.
    const { count } = await this.prisma.user
      .updateMany({
        where: { id: user.id, tokenVersion: user.tokenVersion, updatedAt: user.updatedAt },
        data: {
          displayName: input.displayName?.trim(),
          officeId: office?.id,
          roles: input.roles,
          active: input.active,
          leaderId: input.leaderId,
          tokenVersion: revoke ? { increment: 1 } : undefined,
        },
      })
      .catch((error: unknown) => {
        if (isForeignKeyViolation(error) && input.leaderId) throw IdentityErrors.leaderNotFound(input.leaderId);
        throw error;
      });
    if (count === 0) throw IdentityErrors.concurrentChange();
    const updated = await this.getUser(user.id);
    if (revoke) await this.sessions.revoked(updated.id, updated.tokenVersion);
    return updated;
  }

  /** Sets a user's password, ends their sessions and lifts every sign-in lock on their account. */
  async resetPassword(input: ResetPasswordInput): Promise<User> {
    const user = await this.getUser(input.userId);
    checkPassword('newPassword', input.newPassword, { username: user.username });
    const updated = await this.prisma.user.update({
      where: { id: input.userId },
      data: { passwordHash: await this.hasher.hash(input.newPassword), tokenVersion: { increment: 1 } },
    });
    await this.sessions.revoked(updated.id, updated.tokenVersion);
    await this.throttle.clearUsername(user.username);
    return updated;
  }

  /** Changes the caller's password and returns a fresh token: older sessions end. */
  async changeOwnPassword(actor: AuthenticatedUser, input: ChangePasswordInput) {
    const user = await this.getUser(actor.id);
    if (!(await this.hasher.verify(input.currentPassword, user.passwordHash))) throw IdentityErrors.wrongCurrentPassword();
    checkPassword('newPassword', input.newPassword, { username: user.username, currentPassword: input.currentPassword });
    const updated = await this.prisma.user.update({
      where: { id: user.id },
      data: { passwordHash: await this.hasher.hash(input.newPassword), tokenVersion: { increment: 1 } },
    });
    await this.sessions.revoked(updated.id, updated.tokenVersion);
    return { ...this.tokens.sign(updated.id, updated.tokenVersion), user: updated };
  }
}

/**
 * A LEADER account reads as a leader. Whether that leader exists is the database's foreign key to
 * organization's table (identity sits below organization and does not query it): a missing one
 * comes back as a foreign key violation, answered as `leaderNotFound`.
 */
function checkLeaderLink(roles: Role[], leaderId: string | undefined): void {
  if (roles.includes(Role.LEADER) && !leaderId) throw IdentityErrors.leaderRoleNeedsLeader();
}

function checkPassword(field: string, password: string, context: PasswordContext): void {
  const problem = passwordProblem(password, context);
  if (problem) throw IdentityErrors.weakPassword(field, problem);
}

function sameSet<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
