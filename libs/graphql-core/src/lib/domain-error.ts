export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

/** The HTTP status each code stands for, both ways: REST endpoints answer with it, Nest's HTTP exceptions map back. */
export const HTTP_STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error a client can act on. Domain libs throw these (through their own `*.errors.ts`
 * factories); the GraphQL layer turns them into errors with `extensions.code` and `field`.
 * Messages are shown to users, so they carry Chinese first and English after.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly problems?: FieldProblem[],
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string, reason?: string) =>
  new DomainError('BAD_USER_INPUT', message, field, [{ field, message }], reason);

/**
 * `what` names the thing in both languages, `中文 / English` ("领导 / leader"), and each half of
 * the message takes its own: "未找到领导 / Leader not found: <id>".
 */
export const notFound = (what: string, id: string, field?: string) => {
  const [zh, en = zh] = what.split(' / ');
  return new DomainError('NOT_FOUND', `未找到${zh} / ${en.charAt(0).toUpperCase()}${en.slice(1)} not found: ${id}`, field);
};

export const forbidden = (message = '无权执行此操作 / You are not allowed to do this') => new DomainError('FORBIDDEN', message);

export const unauthenticated = (message = '请先登录 / Sign in first') => new DomainError('UNAUTHENTICATED', message);

export const conflict = (message: string, field?: string, reason?: string) =>
  new DomainError('CONFLICT', message, field, undefined, reason);
