import { Kind } from 'graphql';
import { DateTimeScalar, parseDateTime } from './date-time.scalar';

const refusal = (value: unknown) => {
  try {
    parseDateTime(value);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`accepted ${String(value)}`);
};

describe('DateTime scalar', () => {
  it('reads an instant with an explicit offset', () => {
    expect(parseDateTime('2026-12-08T09:00:00+08:00').toISOString()).toBe('2026-12-08T01:00:00.000Z');
    expect(parseDateTime('2026-12-08T01:00:00Z').toISOString()).toBe('2026-12-08T01:00:00.000Z');
    expect(parseDateTime('2026-12-08T01:00Z').toISOString()).toBe('2026-12-08T01:00:00.000Z');
    expect(parseDateTime('2026-12-08T01:00:00.123-05:30').toISOString()).toBe('2026-12-08T06:30:00.123Z');
  });

  it('refuses a missing offset instead of reading it as UTC', () => {
    expect(refusal('2026-12-08T03:00:00')).toMatch(/needs an offset/);
    expect(refusal('2026-12-08')).toMatch(/needs an offset/);
    expect(refusal('1765155600000')).toMatch(/needs an offset/);
  });

  it('refuses years outside 2000–2100 and days that do not exist', () => {
    expect(refusal('+275760-09-13T00:00:00Z')).toMatch(/needs an offset/);
    expect(refusal('1999-12-31T23:59:59Z')).toMatch(/between 2000 and 2100/);
    expect(refusal('2101-01-01T00:00:00Z')).toMatch(/between 2000 and 2100/);
    expect(refusal('2026-02-30T00:00:00Z')).toMatch(/No such date-time/);
    expect(refusal('2026-12-08T24:00:00Z')).toMatch(/No such date-time/);
    expect(refusal(42)).toMatch(/is a string/);
  });

  it('parses literals and answers in UTC', () => {
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-12-08T09:00:00+08:00' })).toEqual(
      new Date('2026-12-08T01:00:00Z'),
    );
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(/is a string/);
    expect(DateTimeScalar.serialize(new Date('2026-12-08T01:00:00Z'))).toBe('2026-12-08T01:00:00.000Z');
  });
});
