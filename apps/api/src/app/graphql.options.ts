import { ApolloDriverConfig } from '@nestjs/apollo';
import { RequestLimits } from '@siban/config';
import { DateTimeScalar, formatGraphQLError, LoaderRegistry, QueryLimitGuard, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser, bearerToken, IdentityService, SessionRevocations } from '@siban/identity';
import type { Context as WsContext, SubscribePayload } from 'graphql-ws';
import { LIST_SIZES } from './list-sizes';

interface WsExtra {
  user?: AuthenticatedUser;
  /** Stops watching for the end of the socket's session. */
  unwatch?: () => void;
  socket: { close(code: number, reason: string): void };
}

// graphql-ws close codes: 4401 for a missing or bad token, or a session that has since ended, as
// HTTP would answer 401.
const WS_UNAUTHORIZED = 4401;
const SESSION_ENDED = 'Unauthorized: session ended';

export function graphqlOptions(identity: IdentityService, sessions: SessionRevocations, limits: RequestLimits): ApolloDriverConfig {
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
          const extra = ctx.extra as WsExtra;
          const params = ctx.connectionParams ?? {};
          const token = bearerToken(params.authorization ?? params.Authorization ?? params.token);
          const user = token ? await identity.authenticate(token) : undefined;
          if (!user) {
            extra.socket.close(WS_UNAUTHORIZED, token ? 'Unauthorized: invalid or expired token' : 'Unauthorized: missing token');
            return false;
          }
          extra.user = user;
          // A deactivation, role or password change closes the socket at once, on any instance.
          extra.unwatch = sessions.watch(user.id, user.tokenVersion, () => extra.socket.close(WS_UNAUTHORIZED, SESSION_ENDED));
          return true;
        },
        onSubscribe: (_ctx: unknown, _id: string, payload: SubscribePayload) => guard.onSubscribe(payload),
        onClose: (ctx: WsContext<Record<string, unknown> | undefined, unknown>) => {
          (ctx.extra as WsExtra).unwatch?.();
        },
        // The backstop for a revocation event that never arrived: the user is re-checked (one
        // primary-key read) before each event goes out. A move to another office or leader
        // account ends the socket too, since its channels and what it may see were chosen for the
        // old one. Closing first makes graphql-ws drop the event: it sends only on an open socket.
        onNext: async (ctx: WsContext<Record<string, unknown> | undefined, unknown>) => {
          const { user, socket } = ctx.extra as WsExtra;
          if (!user) return;
          const current = await identity.authenticateUser(user.id, user.tokenVersion);
          if (!current || current.officeCode !== user.officeCode || current.leaderId !== user.leaderId) {
            socket.close(WS_UNAUTHORIZED, SESSION_ENDED);
          }
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
