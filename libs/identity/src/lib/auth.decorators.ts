import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser } from './authenticated-user';

export const PUBLIC_KEY = 'siban:public';
export const ROLES_KEY = 'siban:roles';

/**
 * The operation or HTTP route needs no token: `login`, health checks, calendar feeds (whose URL
 * carries its own secret). Everything else is refused without one.
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller must hold at least one of these roles; ADMIN does not imply the others. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in user, in a resolver or in an HTTP route's handler (set by the global guard). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<RequestContext<AuthenticatedUser>>().user as AuthenticatedUser;
  }
  return context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user as AuthenticatedUser;
});
