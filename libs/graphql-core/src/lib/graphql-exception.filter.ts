import { ArgumentsHost, Catch, HttpException, HttpServer } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError, HTTP_STATUS_OF } from './domain-error';

/**
 * Hands errors raised in GraphQL operations back to GraphQL untouched, where formatGraphQLError
 * decides what the client sees and logs only the unexpected ones. Without it Nest logs every
 * expected refusal (a missing token, a bad input) as an error with a stack. On plain HTTP routes
 * a domain error answers with its status and the same code, field and reason as in GraphQL.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  constructor(httpServer?: HttpServer) {
    super(httpServer);
  }

  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    if (exception instanceof DomainError) {
      const { code, field, reason, message } = exception;
      return super.catch(new HttpException({ code, field, reason, message }, HTTP_STATUS_OF[code]), host);
    }
    return super.catch(exception, host);
  }
}
