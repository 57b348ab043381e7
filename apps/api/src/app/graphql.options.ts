import { ApolloDriverConfig } from '@nestjs/apollo';
import { RequestLimits } from '@siban/config';
import { DateTimeScalar, formatGraphQLError, LoaderRegistry, QueryLimitGuard, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser, bearerToken, IdentityService } from '@siban/identity';
import type { Context as WsContext, SubscribePayload } from 'graphql-ws';
import { LIST_SIZES } from './list-sizes';

interface WsExtra {
  user?: AuthenticatedUser;
}

// graphql-ws close codes: 4401 for a missing or bad token, as HTTP would answer 401.
const WS_UNAUTHORIZED = 4401;

export function graphqlOptions(identity: IdentityService, limits: RequestLimits): ApolloDriverConfig {
  const guard = new QueryLimitGuard(limits, LIST_SIZES);
  return {
    autoSchemaFile: true,
    // DateTime arguments need an explicit offset and a year in range (see DateTimeScalar).
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    plugins: [guard.plugin()],
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // The same token as HTTP, sent in connection_init: { authorization: "Bearer <token>" }.
        onConnect: async (ctx: WsContext<Record<string, unknown> | undefined, unknown>) => {
          const extra = ctx.extra as WsExtra & { socket: { close(code: number, reason: string): void } };
          const params = ctx.connectionParams ?? {};
          const token = bearerToken(params.authorization ?? params.Authorization ?? params.token);
          const user = token ? await identity.authenticate(token) : undefined;
          if (!user) {
            extra.socket.close(WS_UNAUTHORIZED, token ? 'Unauthorized: invalid or expired token' : 'Unauthorized: missing token');
            return false;
          }
          extra.user = user;
          return true;
        },
        onSubscribe: (_ctx: unknown, _id: string, payload: SubscribePayload) => guard.onSubscribe(payload),
      },
    },
    context: (
      input: { req?: RequestContext['req'] } & Partial<WsContext<Record<string, unknown>, WsExtra>>,
    ): RequestContext<AuthenticatedUser> => {
      if (input.extra) {
        return { user: input.extra.user, connectionParams: input.connectionParams, loaders: new LoaderRegistry() };
      }
      return { req: input.req, loaders: new LoaderRegistry() };
    },
  };
}
