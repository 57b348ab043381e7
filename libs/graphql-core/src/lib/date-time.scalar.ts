import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { FIRST_YEAR, LAST_YEAR } from './input-range';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const EARLIEST = Date.UTC(FIRST_YEAR, 0, 1);
const LATEST = Date.UTC(LAST_YEAR + 1, 0, 1);

function rejected(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Reads a client's date-time. The offset is required: `2026-12-08T03:00:00` could be Beijing
 * time or UTC, and reading it as UTC silently shifts it by eight hours. Years outside
 * 2000–2100 are refused, as for dates and weeks.
 */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') throw rejected('时间应为字符串 / A date-time is a string, e.g. 2026-12-08T09:00:00+08:00');
  const m = DATE_TIME.exec(value);
  if (!m) {
    throw rejected(
      `时间应带时区，如 2026-12-08T09:00:00+08:00 / A date-time needs an offset, e.g. 2026-12-08T09:00:00+08:00 or 2026-12-08T01:00:00Z: ${value.slice(0, 40)}`,
    );
  }
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const [offsetHours, offsetMinutes] = [Number(m[8] ?? 0), Number(m[9] ?? 0)];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const fieldsValid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= days &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 14 &&
    offsetMinutes <= 59;
  const date = new Date(value);
  if (!fieldsValid || Number.isNaN(date.getTime())) throw rejected(`不存在的时间 / No such date-time: ${value.slice(0, 40)}`);
  if (date.getTime() < EARLIEST || date.getTime() >= LATEST) {
    throw rejected(
      `时间须在 ${FIRST_YEAR}–${LAST_YEAR} 年之间 / A date-time must be between ${FIRST_YEAR} and ${LAST_YEAR}: ${value.slice(0, 40)}`,
    );
  }
  return date;
}

/** Replaces Nest's default `DateTime` (which accepts a missing offset as UTC) for every `Date` field. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: `An instant with an explicit offset, e.g. 2026-12-08T09:00:00+08:00 or 2026-12-08T01:00:00Z, between ${FIRST_YEAR} and ${LAST_YEAR}. Answers are given in UTC (Z).`,
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return new Date(value).toISOString();
    throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw rejected('时间应为字符串 / A date-time is a string, e.g. 2026-12-08T09:00:00+08:00');
    return parseDateTime(ast.value);
  },
});
