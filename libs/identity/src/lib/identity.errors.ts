import { DISTRICT_TIME_ZONE } from '@siban/config';
import { badInput, conflict, DomainError, notFound } from '@siban/graphql-core';

const districtTime = (instant: Date, seconds = false) =>
  instant.toLocaleString('sv-SE', { timeZone: DISTRICT_TIME_ZONE, hour12: false }).slice(0, seconds ? 19 : 16);

export const IdentityErrors = {
  badCredentials: () =>
    new DomainError('UNAUTHENTICATED', '用户名或密码错误 / Wrong username or password', undefined, undefined, 'BAD_CREDENTIALS'),
  tokenInvalid: () =>
    new DomainError(
      'UNAUTHENTICATED',
      '登录已失效，请重新登录 / Session expired or invalid, sign in again',
      undefined,
      undefined,
      'TOKEN_INVALID',
    ),
  accountLocked: (until: Date) =>
    new DomainError(
      'UNAUTHENTICATED',
      `密码错误次数过多，账号已暂时锁定，请于 ${districtTime(until)} 后再试或请管理员重置密码 / Too many wrong passwords: the account is locked until ${districtTime(until)} (Beijing time); an admin can reset the password`,
      undefined,
      undefined,
      'ACCOUNT_LOCKED',
    ),
  loginThrottled: (retryAt: Date) =>
    new DomainError(
      'TOO_MANY_REQUESTS',
      `密码错误次数过多，请于 ${districtTime(retryAt, true)} 后再试 / Too many wrong passwords from here: try again after ${districtTime(retryAt, true)} (Beijing time)`,
      undefined,
      undefined,
      'LOGIN_THROTTLED',
    ),
  rateLimited: (retryAt: Date) =>
    new DomainError(
      'TOO_MANY_REQUESTS',
      `登录请求过于频繁，请于 ${districtTime(retryAt, true)} 后再试 / Too many sign-in attempts from this address: try again after ${districtTime(retryAt, true)} (Beijing time)`,
      undefined,
      undefined,
      'RATE_LIMITED',
    ),
  weakPassword: (field: string, problem: string) => {
    const [zh, en = zh] = String(problem).split(' / ');
    return badInput(field, `密码强度不足：${zh} / Weak password: ${en}`, 'WEAK_PASSWORD');
  },
  userNotFound: (id: string) => notFound('用户 / user', id, 'id'),
  officeNotFound: (code: string) => notFound('办公室 / office', code, 'officeCode'),
  usernameTaken: (username: string) => conflict(`用户名已被使用 / Username already taken: ${username}`, 'username', 'USERNAME_TAKEN'),
  wrongCurrentPassword: () => badInput('currentPassword', '当前密码不正确 / Current password is wrong'),
  leaderNotFound: (id: string) => badInput('leaderId', `未找到领导 / Leader not found: ${id}`),
  leaderRoleNeedsLeader: () => badInput('leaderId', '领导账号须关联一位领导 / A LEADER account must be linked to a leader'),
  concurrentChange: () =>
    conflict('该账号刚被他人修改，请刷新后重试 / The account was changed meanwhile; reload and try again', 'id', 'CONCURRENT_CHANGE'),
  cannotRemoveOwnAdmin: () =>
    badInput('roles', '不能移除自己的管理员角色或停用自己 / You cannot remove your own ADMIN role or deactivate yourself'),
};
