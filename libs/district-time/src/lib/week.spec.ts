import {
  addDays,
  addWeeks,
  dayInterval,
  isLocalDate,
  isoWeekday,
  isWeekId,
  localDateOf,
  localTimeOf,
  localTimeToInstant,
  parseWeekId,
  startOfDistrictDay,
  weekDays,
  weekInterval,
  weekOf,
  weekOfDate,
  windowOn,
} from './week';

describe('weekOfDate', () => {
  it.each([
    ['2026-11-23', '2026-W48'], // Monday
    ['2026-11-29', '2026-W48'], // Sunday
    ['2026-11-30', '2026-W49'],
    ['2025-12-29', '2026-W01'], // Monday of 2026-W01 lies in 2025
    ['2026-12-31', '2026-W53'], // 2026 starts on a Thursday, so it has 53 ISO weeks
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2028-03-01', '2028-W09'], // after a leap day
  ])('%s is in %s', (date, week) => {
    expect(weekOfDate(date)).toBe(week);
  });

  it('rejects dates that do not exist', () => {
    expect(() => weekOfDate('2026-02-29')).toThrow(/no such calendar day/);
    expect(() => weekOfDate('2026-11-5')).toThrow(/YYYY-MM-DD/);
  });
});

describe('localDateOf / localTimeOf / weekOf', () => {
  it('uses the Shanghai date, not the UTC date', () => {
    const instant = new Date('2026-12-31T17:00:00Z'); // 2027-01-01 01:00 in Shanghai
    expect(localDateOf(instant)).toBe('2027-01-01');
    expect(localTimeOf(instant)).toBe('01:00');
    expect(weekOf(instant)).toBe('2026-W53');
  });

  it('keeps Sunday 23:30 local (15:30Z) in the week it belongs to', () => {
    const instant = new Date('2026-11-29T15:30:00Z');
    expect(localDateOf(instant)).toBe('2026-11-29');
    expect(localTimeOf(instant)).toBe('23:30');
    expect(weekOf(instant)).toBe('2026-W48');
  });

  it('moves Sunday 16:00Z into the next local week', () => {
    const instant = new Date('2026-11-29T16:00:00Z'); // Monday 00:00 local
    expect(localDateOf(instant)).toBe('2026-11-30');
    expect(weekOf(instant)).toBe('2026-W49');
  });

  it('handles instants before 1970', () => {
    expect(localDateOf(new Date('1969-12-31T16:30:00Z'))).toBe('1970-01-01');
    expect(localTimeOf(new Date('1969-12-31T16:30:00Z'))).toBe('00:30');
  });

  it('rejects an invalid Date', () => {
    expect(() => weekOf(new Date('not a date'))).toThrow(/Invalid instant/);
  });
});

describe('parseWeekId', () => {
  it('parses a well-formed id', () => {
    expect(parseWeekId('2026-W48')).toEqual({ year: 2026, week: 48 });
    expect(parseWeekId('2026-W53')).toEqual({ year: 2026, week: 53 });
  });

  it.each(['2026-48', '2026-W5', '2026W48', '2026-w48', ' 2026-W48', '26-W48', '2026-W048'])('rejects malformed id %j', (id) => {
    expect(() => parseWeekId(id)).toThrow(/expected YYYY-Www/);
  });

  it('rejects weeks outside the ISO year', () => {
    expect(() => parseWeekId('2026-W54')).toThrow('ISO year 2026 has weeks W01 to W53');
    expect(() => parseWeekId('2026-W00')).toThrow(/W01 to W53/);
    // 2027 starts on a Friday and is not a leap year: only 52 weeks.
    expect(() => parseWeekId('2027-W53')).toThrow('ISO year 2027 has weeks W01 to W52');
    expect(parseWeekId('2020-W53')).toEqual({ year: 2020, week: 53 });
  });
});

describe('weekDays', () => {
  it('lists Monday to Sunday', () => {
    expect(weekDays('2026-W48')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });

  it('crosses year boundaries', () => {
    expect(weekDays('2026-W53')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(weekDays('2026-W01')[0]).toBe('2025-12-29');
  });

  it('refuses an invalid week', () => {
    expect(() => weekDays('2027-W53')).toThrow(/W52/);
  });
});

describe('addWeeks / addDays', () => {
  it('steps across 53-week and 52-week years', () => {
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(addWeeks('2025-W52', 1)).toBe('2026-W01');
    expect(addWeeks('2026-W48', 0)).toBe('2026-W48');
    expect(addWeeks('2026-W48', 60)).toBe('2028-W03');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-23', -365)).toBe('2025-11-23');
  });

  it('rejects fractional offsets', () => {
    expect(() => addDays('2026-11-23', 0.5)).toThrow(/integer/);
    expect(() => addWeeks('2026-W48', 1.5)).toThrow(/integer/);
  });
});

describe('localTimeToInstant', () => {
  it('converts Shanghai wall time to UTC', () => {
    expect(localTimeToInstant('2026-11-24', '09:00').toISOString()).toBe('2026-11-24T01:00:00.000Z');
    expect(localTimeToInstant('2026-11-29', '23:30').toISOString()).toBe('2026-11-29T15:30:00.000Z');
    expect(localTimeToInstant('2027-01-01', '00:00').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('round-trips with localDateOf and localTimeOf', () => {
    const instant = localTimeToInstant('2027-01-01', '07:45');
    expect(localDateOf(instant)).toBe('2027-01-01');
    expect(localTimeOf(instant)).toBe('07:45');
  });

  it.each(['24:00', '9:00', '09:60', '0900', ''])('rejects time %j', (hhmm) => {
    expect(() => localTimeToInstant('2026-11-24', hhmm)).toThrow(/Invalid time/);
  });
});

describe('isWeekId / isLocalDate / isoWeekday', () => {
  it('tells well-formed, existing weeks and days from the rest', () => {
    expect(isWeekId('2026-W53')).toBe(true);
    expect(isWeekId('2027-W53')).toBe(false);
    expect(isWeekId('2026-48')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-11-5')).toBe(false);
  });

  it('numbers days Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
  });
});

describe('district days, weeks and wall-clock windows', () => {
  const iso = (i: { start: Date; end: Date }) => [i.start.toISOString(), i.end.toISOString()];

  it('starts a district day at Shanghai midnight', () => {
    expect(startOfDistrictDay('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(iso(dayInterval('2026-11-24'))).toEqual(['2026-11-23T16:00:00.000Z', '2026-11-24T16:00:00.000Z']);
  });

  it('spans a week from Monday 00:00 to the next Monday', () => {
    expect(iso(weekInterval('2026-W53'))).toEqual(['2026-12-27T16:00:00.000Z', '2027-01-03T16:00:00.000Z']);
  });

  it('runs a window that ends at or before its start into the next day (an 08:30 duty shift)', () => {
    expect(iso(windowOn('2026-12-31', { start: '08:30', end: '08:30' }))).toEqual(['2026-12-31T00:30:00.000Z', '2027-01-01T00:30:00.000Z']);
    expect(iso(windowOn('2026-11-24', { start: '22:00', end: '02:00' }))).toEqual(['2026-11-24T14:00:00.000Z', '2026-11-24T18:00:00.000Z']);
    expect(iso(windowOn('2026-11-24', { start: '19:00', end: '24:00' }))).toEqual(['2026-11-24T11:00:00.000Z', '2026-11-24T16:00:00.000Z']);
    expect(iso(windowOn('2026-11-24', { start: '09:00', end: '11:30' }))).toEqual(['2026-11-24T01:00:00.000Z', '2026-11-24T03:30:00.000Z']);
  });
});
