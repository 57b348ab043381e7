import { Prisma } from '@siban/db';
import { GraphQLError } from 'graphql';
import { badInput, conflict } from './domain-error';
import { formatGraphQLError, variableField } from './format-error';

const formatted = (error: GraphQLError) => formatGraphQLError({ message: error.message, path: ['op'] }, error);
const thrownBy = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['op'] });

describe('formatGraphQLError', () => {
  it('shows a domain error with its code, field and reason', () => {
    expect(formatted(thrownBy(badInput('title', '标题不能为空 / Title is empty')))).toEqual({
      message: '标题不能为空 / Title is empty',
      path: ['op'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'title', problems: [{ field: 'title', message: '标题不能为空 / Title is empty' }] },
    });
    expect(formatted(thrownBy(conflict('已认领 / Already claimed', 'visitId', 'ALREADY_CLAIMED'))).extensions).toEqual({
      code: 'CONFLICT',
      field: 'visitId',
      reason: 'ALREADY_CLAIMED',
    });
  });

  it('maps unique and missing-record database errors', () => {
    const unique = new Prisma.PrismaClientKnownRequestError('dup', { code: 'P2002', clientVersion: 'x', meta: { target: ['username'] } });
    expect(formatted(thrownBy(unique)).extensions).toEqual({ code: 'CONFLICT', field: 'username' });
    const missing = new Prisma.PrismaClientKnownRequestError('gone', { code: 'P2025', clientVersion: 'x' });
    expect(formatted(thrownBy(missing)).extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('hides everything about an unexpected error', () => {
    const result = formatted(thrownBy(new Error('relation "User" does not exist at /srv/app.js:10')));
    expect(result).toEqual({
      message: '服务器内部错误 / Internal server error',
      path: ['op'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps the message and code of a malformed request', () => {
    const invalid = new GraphQLError('Cannot query field "nope" on type "Office".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatGraphQLError({ message: invalid.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, invalid).extensions).toEqual(
      {
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
    );
  });

  it('keeps the figures of a refused query and names the field of a bad variable', () => {
    const refused = new GraphQLError('too complex', { extensions: { code: 'QUERY_TOO_COMPLEX', cost: 900, maxCost: 500 } });
    expect(formatGraphQLError({ message: refused.message, extensions: { ...refused.extensions } }, refused).extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      cost: 900,
      maxCost: 500,
    });
    const message = 'Variable "$input" got invalid value "2026-12-08T03:00:00" at "input.entries[0].startAt"; needs an offset';
    const coercion = new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
    expect(formatGraphQLError({ message, extensions: { code: 'BAD_USER_INPUT' } }, coercion).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'entries.0.startAt',
    });
    expect(variableField('Variable "$week" got invalid value 3; String cannot represent')).toBe('week');
    expect(variableField('Cannot query field "x"')).toBeUndefined();
  });
});
