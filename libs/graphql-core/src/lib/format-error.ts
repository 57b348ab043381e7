import { HttpException, Logger } from '@nestjs/common';
import { Prisma, uniqueViolationFields } from '@siban/db';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, HTTP_STATUS_OF } from './domain-error';

const logger = new Logger('GraphQLError');

const CODE_OF_HTTP_STATUS = new Map(Object.entries(HTTP_STATUS_OF).map(([code, status]) => [status, code]));

/**
 * The field a variable coercion error is about, named as class-validator names it: graphql-js says
 * `Variable "$input" got invalid value ... at "input.entries[0].startAt"`, which is
 * `entries.0.startAt` of the input, or `$week` alone, which is `week`.
 */
export function variableField(message: string): string | undefined {
  const m = /^Variable "\$(\w+)" got invalid value .*?(?: at "\w+((?:\.\w+|\[\d+\])+)")?; /s.exec(message);
  if (!m) return undefined;
  return m[2] ? m[2].replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '') : m[1];
}

/**
 * One mapping from whatever a resolver threw to what a client sees: domain errors and known
 * database errors with their code and field; everything else logged here and shown as a bare
 * internal error, never with a stack or a SQL message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        ...(original.field ? { field: original.field } : {}),
        ...(original.problems ? { problems: original.problems } : {}),
        ...(original.reason ? { reason: original.reason } : {}),
      },
    };
  }
  if (original instanceof Prisma.PrismaClientKnownRequestError) {
    if (original.code === 'P2002') {
      const field = uniqueViolationFields(original).join(',');
      return {
        ...base,
        message: '记录已存在 / A record with these values already exists',
        extensions: { code: 'CONFLICT', ...(field ? { field } : {}) },
      };
    }
    if (original.code === 'P2025') {
      return { ...base, message: '记录不存在 / Record not found', extensions: { code: 'NOT_FOUND' } };
    }
  }
  if (original instanceof HttpException) {
    const code = CODE_OF_HTTP_STATUS.get(original.getStatus());
    if (code) return { ...base, message: original.message, extensions: { code } };
  }
  // Errors graphql-js and Apollo raise for a malformed request (parse, validation, variable
  // coercion) carry no foreign cause: their messages describe the request and are safe to show.
  const requestError = error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError);
  if (requestError) {
    const { code, stacktrace: _stacktrace, ...figures } = formatted.extensions ?? {};
    const shown = typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? code : 'BAD_USER_INPUT';
    const field = shown === 'BAD_USER_INPUT' ? variableField(formatted.message) : undefined;
    return { ...base, extensions: { code: shown, ...figures, ...(field ? { field } : {}) } };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
  return {
    message: '服务器内部错误 / Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
