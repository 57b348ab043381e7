import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { forbidden, RequestContext, unauthenticated } from '@siban/graphql-core';
import { AuthenticatedUser } from './authenticated-user';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { IdentityErrors } from './identity.errors';
import { IdentityService } from './identity.service';

export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1] : value.trim() || undefined;
}

/**
 * Guards every GraphQL operation (registered as the global guard): a valid token unless the
 * resolver is @Public, and one of the @Roles when it names any. Office scoping, which depends on
 * the data, is the services' job.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const ctx = GqlExecutionContext.create(context).getContext<RequestContext<AuthenticatedUser>>();
    if (!ctx.user) {
      const token = bearerToken(ctx.req?.headers.authorization);
      if (!token) throw unauthenticated();
      const user = await this.identity.authenticate(token);
      if (!user) throw IdentityErrors.tokenInvalid();
      ctx.user = user;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.some((role) => ctx.user?.roles.includes(role))) {
      throw forbidden(`需要以下角色之一 / Requires one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
