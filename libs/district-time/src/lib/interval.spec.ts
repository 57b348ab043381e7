import { HALF_DAY_BOUNDS, halfDayOf, halfDayRows, intervalOf, overlappingPairs, overlaps, parseHalfDayBounds } from './interval';
import type { Timed } from './types';

/** Shanghai wall time on a date, as the UTC instant stored. */
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
/** A morning on Tuesday 24 November 2026 unless told otherwise. */
const entry = (overrides: Partial<Timed> & Record<string, unknown>): Timed => ({ date: '2026-11-24', slot: 'MORNING', ...overrides });

const iso = (i: { start: Date; end: Date }) => [i.start.toISOString(), i.end.toISOString()];

describe('HALF_DAY_BOUNDS', () => {
  it('defines the printed half-days and cannot be modified', () => {
    expect(HALF_DAY_BOUNDS).toEqual({
      MORNING: { start: '08:00', end: '12:00' },
      AFTERNOON: { start: '14:00', end: '18:00' },
      EVENING: { start: '19:00', end: '22:00' },
    });
    expect(Object.isFrozen(HALF_DAY_BOUNDS)).toBe(true);
    expect(Object.isFrozen(HALF_DAY_BOUNDS.MORNING)).toBe(true);
  });
});

describe('parseHalfDayBounds', () => {
  it('reads the three half-days in order', () => {
    expect(parseHalfDayBounds('08:00-12:00,14:00-18:00,19:00-22:00')).toEqual(HALF_DAY_BOUNDS);
    expect(parseHalfDayBounds(' 08:30-11:30, 12:00-17:30 ,18:00-23:00')).toEqual({
      MORNING: { start: '08:30', end: '11:30' },
      AFTERNOON: { start: '12:00', end: '17:30' },
      EVENING: { start: '18:00', end: '23:00' },
    });
  });

  it.each([
    ['08:00-12:00,14:00-18:00', /three windows/],
    ['8:00-12:00,14:00-18:00,19:00-22:00', /three windows/],
    ['08:00-12:00,14:00-18:00,19:00-24:00', /three windows/],
    ['12:00-08:00,14:00-18:00,19:00-22:00', /12:00-08:00 must end after it starts/],
    ['08:00-12:00,11:00-18:00,19:00-22:00', /11:00-18:00 must not start before 12:00/],
  ])('refuses %s', (text, message) => {
    expect(() => parseHalfDayBounds(text)).toThrow(message);
  });
});

describe('halfDayRows', () => {
  it('tiles the day, gaps folded into the following half-day', () => {
    const rows = halfDayRows('2026-11-24');
    expect(Object.values(rows).map(iso)).toEqual([
      ['2026-11-23T16:00:00.000Z', '2026-11-24T04:00:00.000Z'],
      ['2026-11-24T04:00:00.000Z', '2026-11-24T10:00:00.000Z'],
      ['2026-11-24T10:00:00.000Z', '2026-11-24T16:00:00.000Z'],
    ]);
    expect(iso(halfDayRows('2026-11-24', parseHalfDayBounds('08:00-11:30,12:00-17:00,18:00-22:00')).AFTERNOON)).toEqual([
      '2026-11-24T03:30:00.000Z',
      '2026-11-24T09:00:00.000Z',
    ]);
  });
});

describe('intervalOf', () => {
  it.each([
    ['MORNING', '2026-11-24T00:00:00.000Z', '2026-11-24T04:00:00.000Z'],
    ['AFTERNOON', '2026-11-24T06:00:00.000Z', '2026-11-24T10:00:00.000Z'],
    ['EVENING', '2026-11-24T11:00:00.000Z', '2026-11-24T14:00:00.000Z'],
  ] as const)('maps the %s slot to Shanghai time', (slot, start, end) => {
    expect(iso(intervalOf(entry({ id: 'e1', slot, title: '常委会' })))).toEqual([start, end]);
  });

  it('uses exact times as-is, even when a slot is also set', () => {
    const e = entry({
      id: 'e1',
      slot: 'MORNING',
      startAt: at('2026-11-24', '15:00'),
      endAt: at('2026-11-24', '16:30'),
    });
    expect(iso(intervalOf(e))).toEqual(['2026-11-24T07:00:00.000Z', '2026-11-24T08:30:00.000Z']);
  });

  it('returns copies, so callers cannot mutate the entry through the interval', () => {
    const e = entry({ id: 'e1', slot: null, startAt: at('2026-11-24', '09:00'), endAt: at('2026-11-24', '10:00') });
    intervalOf(e).start.setUTCFullYear(1999);
    expect(e.startAt?.getUTCFullYear()).toBe(2026);
  });

  it('runs an exact start without an end to the end of its half-day', () => {
    const e = entry({ id: 'e1', slot: null, startAt: at('2026-11-24', '09:30') });
    expect(iso(intervalOf(e))).toEqual(['2026-11-24T01:30:00.000Z', '2026-11-24T04:00:00.000Z']);
    const late = entry({ id: 'e2', slot: null, startAt: at('2026-11-24', '22:30') });
    expect(iso(intervalOf(late))).toEqual(['2026-11-24T14:30:00.000Z', '2026-11-24T16:00:00.000Z']);
  });

  it('covers whole local days when there is neither slot nor exact time', () => {
    const leave = entry({ id: 'e1', kind: 'LEAVE', title: '休假', slot: null, date: '2026-11-24' });
    expect(iso(intervalOf(leave))).toEqual(['2026-11-23T16:00:00.000Z', '2026-11-24T16:00:00.000Z']);
    const trip = entry({
      id: 'e2',
      kind: 'TRIP',
      title: '赴省城汇报',
      slot: null,
      date: '2026-11-24',
      endDate: '2026-11-26',
    });
    expect(iso(intervalOf(trip))).toEqual(['2026-11-23T16:00:00.000Z', '2026-11-26T16:00:00.000Z']);
  });

  it('spans a year boundary in local time', () => {
    const trip = entry({ id: 'e1', kind: 'TRIP', slot: null, date: '2026-12-31', endDate: '2027-01-01' });
    expect(iso(intervalOf(trip))).toEqual(['2026-12-30T16:00:00.000Z', '2027-01-01T16:00:00.000Z']);
  });

  it('stretches a slot entry with an end date from the first day to the last', () => {
    const e = entry({ id: 'e1', slot: 'AFTERNOON', date: '2026-11-24', endDate: '2026-11-25' });
    expect(iso(intervalOf(e))).toEqual(['2026-11-24T06:00:00.000Z', '2026-11-25T10:00:00.000Z']);
  });

  it('treats an end date before the start date as a single day', () => {
    const e = entry({ id: 'e1', slot: null, date: '2026-11-24', endDate: '2026-11-20' });
    expect(iso(intervalOf(e))).toEqual(['2026-11-23T16:00:00.000Z', '2026-11-24T16:00:00.000Z']);
  });
});

describe('overlaps', () => {
  const i = (s: string, e: string) => ({ start: new Date(s), end: new Date(e) });

  it('detects a partial overlap in either order', () => {
    const a = i('2026-11-24T00:00Z', '2026-11-24T04:00Z');
    const b = i('2026-11-24T03:00Z', '2026-11-24T05:00Z');
    expect(overlaps(a, b)).toBe(true);
    expect(overlaps(b, a)).toBe(true);
  });

  it('detects containment', () => {
    expect(overlaps(i('2026-11-23T16:00Z', '2026-11-24T16:00Z'), i('2026-11-24T01:00Z', '2026-11-24T02:00Z'))).toBe(true);
  });

  it('treats back-to-back intervals as not overlapping (half-open)', () => {
    expect(overlaps(i('2026-11-24T00:00Z', '2026-11-24T04:00Z'), i('2026-11-24T04:00Z', '2026-11-24T06:00Z'))).toBe(false);
  });

  it('never overlaps an empty or inverted interval', () => {
    const day = i('2026-11-23T16:00Z', '2026-11-24T16:00Z');
    expect(overlaps(day, i('2026-11-24T02:00Z', '2026-11-24T02:00Z'))).toBe(false);
    expect(overlaps(day, i('2026-11-24T03:00Z', '2026-11-24T02:00Z'))).toBe(false);
  });
});

describe('halfDayOf', () => {
  it.each([
    ['07:00', 'MORNING'],
    ['11:59', 'MORNING'],
    ['12:00', 'AFTERNOON'],
    ['13:30', 'AFTERNOON'],
    ['17:59', 'AFTERNOON'],
    ['18:00', 'EVENING'],
    ['23:30', 'EVENING'],
  ] as const)('puts a %s Shanghai start in %s', (hhmm, slot) => {
    expect(halfDayOf(at('2026-11-24', hhmm))).toBe(slot);
  });

  it('reads the Shanghai clock, not UTC', () => {
    // By the UTC clock both of these would be MORNING.
    expect(halfDayOf(new Date('2026-11-24T05:00:00Z'))).toBe('AFTERNOON'); // 13:00 local
    expect(halfDayOf(new Date('2026-11-24T10:30:00Z'))).toBe('EVENING'); // 18:30 local
  });
});

describe('intervalOf with other half-day bounds', () => {
  it('reads the bounds it is given', () => {
    const winter = { ...HALF_DAY_BOUNDS, AFTERNOON: { start: '13:30', end: '17:30' } };
    expect(iso(intervalOf(entry({ slot: 'AFTERNOON' }), winter))).toEqual(['2026-11-24T05:30:00.000Z', '2026-11-24T09:30:00.000Z']);
    expect(halfDayOf(at('2026-11-24', '17:45'), winter)).toBe('EVENING');
  });
});

describe('overlappingPairs', () => {
  const item = (id: string, from: string, to: string) => ({ id, interval: { start: at('2026-11-24', from), end: at('2026-11-24', to) } });
  const ids = (pairs: [{ id: string }, { id: string }][]) => pairs.map(([a, b]) => `${a.id}+${b.id}`);

  it('finds every overlapping pair, earlier start first', () => {
    const items = [item('c', '10:00', '11:00'), item('a', '09:00', '12:00'), item('b', '09:30', '10:30'), item('d', '12:00', '13:00')];
    expect(ids(overlappingPairs(items, (i) => i.interval))).toEqual(['a+b', 'a+c', 'b+c']);
  });

  it('keeps input order for items that start together, and ignores back-to-back ones', () => {
    const items = [item('y', '09:00', '10:00'), item('x', '09:00', '10:00'), item('z', '10:00', '11:00')];
    expect(ids(overlappingPairs(items, (i) => i.interval))).toEqual(['y+x']);
  });
});
