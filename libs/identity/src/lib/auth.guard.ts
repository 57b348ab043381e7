import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { forbidden, RequestContext, unauthenticated } from '@siban/graphql-core';
import { AuthenticatedUser } from './authenticated-user';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { IdentityErrors } from './identity.errors';
import { IdentityService } from './identity.service';

/** The token of an `Authorization: Bearer <token>` header (or of a bare token, as graphql-ws clients send). */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1] : value.trim() || undefined;
}

/** The request as the guard sees it, GraphQL's or a plain HTTP route's: where the user is kept. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

/**
 * Guards every GraphQL operation and every HTTP route (registered as the global guard): a valid
 * token unless the handler or its controller is @Public, and one of the @Roles when it names any.
 * A new route is therefore closed until someone opens it on purpose. Office scoping, which
 * depends on the data, is the services' job.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const user = await this.userOf(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.some((role) => user.roles.includes(role))) {
      throw forbidden(`需要以下角色之一 / Requires one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }

  // GraphQL keeps the user in its context (a socket's user was set at connection_init); a plain
  // HTTP route on the request, where @CurrentUser reads it.
  private async userOf(context: ExecutionContext): Promise<AuthenticatedUser> {
    if (context.getType<GqlContextType>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<RequestContext<AuthenticatedUser>>();
      ctx.user ??= await this.authenticate(ctx.req?.headers.authorization);
      return ctx.user;
    }
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    req.user ??= await this.authenticate(req.headers.authorization);
    return req.user;
  }

  private async authenticate(header: string | string[] | undefined): Promise<AuthenticatedUser> {
    const token = bearerToken(header);
    if (!token) throw unauthenticated();
    const user = await this.identity.authenticate(token);
    if (!user) throw IdentityErrors.tokenInvalid();
    return user;
  }
}
