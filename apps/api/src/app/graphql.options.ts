import { ApolloDriverConfig } from '@nestjs/apollo';
import { formatGraphQLError, LoaderRegistry, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser, bearerToken, IdentityService } from '@siban/identity';
import type { Context as WsContext } from 'graphql-ws';

interface WsExtra {
  user?: AuthenticatedUser;
}

// graphql-ws close codes: 4401 for a missing or bad token, as HTTP would answer 401.
const WS_UNAUTHORIZED = 4401;

export function graphqlOptions(identity: IdentityService): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
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
