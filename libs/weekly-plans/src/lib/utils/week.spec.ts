import {
  addDays,
  addWeeks,
  DEFAULT_SUBMISSION_RULE,
  defaultSubmissionDeadline,
  localDateOf,
  localTimeOf,
  localTimeToInstant,
  parseWeekId,
  submissionDeadline,
  weekDays,
  weekOf,
  weekOfDate,
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

describe('submission deadlines', () => {
  it('defaults to Friday 17:00 Shanghai of the previous week', () => {
    expect(defaultSubmissionDeadline('2026-W48').toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(localDateOf(defaultSubmissionDeadline('2026-W48'))).toBe('2026-11-20');
    expect(weekOf(defaultSubmissionDeadline('2026-W48'))).toBe('2026-W47');
  });

  it('crosses into the previous year for week 1', () => {
    // 2027-W01 starts on Monday 2027-01-04, so its plans are due on Friday 2027-01-01.
    expect(defaultSubmissionDeadline('2027-W01').toISOString()).toBe('2027-01-01T09:00:00.000Z');
    expect(defaultSubmissionDeadline('2026-W01').toISOString()).toBe('2025-12-26T09:00:00.000Z');
  });

  it('is the default rule applied explicitly', () => {
    expect(DEFAULT_SUBMISSION_RULE).toEqual({ weekdayOffset: -3, time: '17:00' });
    expect(submissionDeadline('2026-W48')).toEqual(defaultSubmissionDeadline('2026-W48'));
  });

  it('follows a custom rule', () => {
    // Thursday 12:00 before the week.
    expect(submissionDeadline('2026-W48', { weekdayOffset: -4, time: '12:00' }).toISOString()).toBe('2026-11-19T04:00:00.000Z');
    // Monday 08:30 of the week itself.
    expect(submissionDeadline('2026-W48', { weekdayOffset: 0, time: '08:30' }).toISOString()).toBe('2026-11-23T00:30:00.000Z');
  });

  it('rejects a malformed rule', () => {
    expect(() => submissionDeadline('2026-W48', { weekdayOffset: -3, time: '5pm' })).toThrow(/Invalid time/);
    expect(() => submissionDeadline('2026-W48', { weekdayOffset: -2.5, time: '17:00' })).toThrow(/integer/);
  });
});
