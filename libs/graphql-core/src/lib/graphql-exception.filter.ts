import { ArgumentsHost, Catch, HttpServer } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands errors raised in GraphQL operations back to GraphQL untouched, where formatGraphQLError
 * decides what the client sees and logs only the unexpected ones. Without it Nest logs every
 * expected refusal (a missing token, a bad input) as an error with a stack.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  constructor(httpServer?: HttpServer) {
    super(httpServer);
  }

  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
