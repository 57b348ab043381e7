import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser } from './authenticated-user';

export const PUBLIC_KEY = 'siban:public';
export const ROLES_KEY = 'siban:roles';

/** The operation needs no token (only `login`). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller must hold at least one of these roles; ADMIN does not imply the others. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const ctx = GqlExecutionContext.create(context).getContext<RequestContext<AuthenticatedUser>>();
  return ctx.user as AuthenticatedUser;
});
