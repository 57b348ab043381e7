import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Role } from '@siban/db';
import { DomainError, LoaderRegistry, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser } from './authenticated-user';
import { Public, Roles } from './auth.decorators';
import { AuthenticatedRequest, AuthGuard, bearerToken } from './auth.guard';
import { IdentityService } from './identity.service';

const secretary: AuthenticatedUser = {
  id: 'u1',
  username: 'party.sec',
  displayName: '林晓',
  officeId: 'o1',
  officeCode: 'PARTY',
  roles: [Role.SECRETARY],
  leaderId: null,
  tokenVersion: 0,
};
const admin: AuthenticatedUser = { ...secretary, id: 'u2', username: 'admin', roles: [Role.ADMIN] };

class Handlers {
  @Public()
  open() {
    return undefined;
  }
  signedIn() {
    return undefined;
  }
  @Roles(Role.ADMIN, Role.COORDINATOR)
  adminOnly() {
    return undefined;
  }
}

@Public()
class PublicController {
  feed() {
    return undefined;
  }
}

// The guard's only collaborator: tokens 'secretary' and 'admin' stand for those users.
const tokensSeen: string[] = [];
const identity = {
  authenticate: async (token: string) => {
    tokensSeen.push(token);
    return ({ secretary, admin } as Record<string, AuthenticatedUser>)[token];
  },
} as unknown as IdentityService;
const guard = new AuthGuard(new Reflector(), identity);

function http(handler: keyof Handlers, authorization?: string): { context: ExecutionContext; req: AuthenticatedRequest } {
  const req: AuthenticatedRequest = { headers: authorization ? { authorization } : {} };
  return { context: new ExecutionContextHost([req, {}, () => undefined], Handlers, Handlers.prototype[handler]), req };
}

function graphql(handler: keyof Handlers, ctx: RequestContext<AuthenticatedUser>): ExecutionContext {
  const host = new ExecutionContextHost([{}, {}, ctx, {}], Handlers, Handlers.prototype[handler]);
  host.setType('graphql');
  return host;
}

async function refusal(attempt: Promise<boolean>): Promise<Pick<DomainError, 'code' | 'reason'>> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { code: error.code, reason: error.reason };
}

describe('AuthGuard', () => {
  beforeEach(() => (tokensSeen.length = 0));

  it('lets @Public handlers and controllers through without a token', async () => {
    expect(await guard.canActivate(http('open').context)).toBe(true);
    const feed = new ExecutionContextHost([{ headers: {} }, {}, () => undefined], PublicController, PublicController.prototype.feed);
    expect(await guard.canActivate(feed)).toBe(true);
    expect(await guard.canActivate(graphql('open', { loaders: new LoaderRegistry() }))).toBe(true);
    expect(tokensSeen).toEqual([]);
  });

  it('refuses an HTTP route or an operation without a token, or with one that does not authenticate', async () => {
    expect(await refusal(guard.canActivate(http('signedIn').context))).toEqual({ code: 'UNAUTHENTICATED', reason: undefined });
    expect(await refusal(guard.canActivate(http('signedIn', 'Bearer forged').context))).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_INVALID',
    });
    const ctx = { req: { headers: {} }, loaders: new LoaderRegistry() };
    expect(await refusal(guard.canActivate(graphql('signedIn', ctx)))).toEqual({ code: 'UNAUTHENTICATED', reason: undefined });
  });

  it('keeps the user where handlers read it: on the HTTP request, or in the GraphQL context', async () => {
    const { context, req } = http('signedIn', 'Bearer secretary');
    expect(await guard.canActivate(context)).toBe(true);
    expect(req.user).toBe(secretary);
    const ctx: RequestContext<AuthenticatedUser> = { req: { headers: { authorization: 'Bearer admin' } }, loaders: new LoaderRegistry() };
    expect(await guard.canActivate(graphql('signedIn', ctx))).toBe(true);
    expect(ctx.user).toBe(admin);
    expect(tokensSeen).toEqual(['secretary', 'admin']);
  });

  it('trusts the user a socket authenticated at connection_init without asking again', async () => {
    expect(await guard.canActivate(graphql('adminOnly', { user: admin, loaders: new LoaderRegistry() }))).toBe(true);
    expect(tokensSeen).toEqual([]);
  });

  it('wants one of the named roles, ADMIN implying no other', async () => {
    expect(await refusal(guard.canActivate(http('adminOnly', 'Bearer secretary').context))).toEqual({
      code: 'FORBIDDEN',
      reason: undefined,
    });
    expect(await guard.canActivate(http('adminOnly', 'Bearer admin').context)).toBe(true);
    expect(await refusal(guard.canActivate(graphql('adminOnly', { user: secretary, loaders: new LoaderRegistry() })))).toEqual({
      code: 'FORBIDDEN',
      reason: undefined,
    });
  });
});

describe('bearerToken', () => {
  it('takes the token of a Bearer header, or a bare token as graphql-ws clients send it', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer   abc')).toBe('abc');
    expect(bearerToken(' abc ')).toBe('abc');
    expect(bearerToken('')).toBeUndefined();
    expect(bearerToken(['Bearer abc'])).toBeUndefined();
  });
});
