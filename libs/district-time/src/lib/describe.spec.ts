import { describeDate, describeInstant, describeTiming } from './describe';
import type { Timed } from './types';

const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const entry = (overrides: Partial<Timed> & Record<string, unknown>): Timed => ({ date: '2026-11-24', slot: 'MORNING', ...overrides });

describe('describeDate', () => {
  it('formats month and day in both languages', () => {
    expect(describeDate('2026-11-24')).toEqual({ zh: '11月24日', en: '24 Nov' });
    expect(describeDate('2027-01-01')).toEqual({ zh: '1月1日', en: '1 Jan' });
  });
});

describe('describeInstant', () => {
  it('shows Shanghai local time', () => {
    expect(describeInstant(new Date('2026-12-31T17:00:00Z'))).toEqual({ zh: '1月1日 01:00', en: '1 Jan 01:00' });
  });

  it('shows a midnight end as 24:00 of the day before', () => {
    const midnight = at('2026-11-25', '00:00');
    expect(describeInstant(midnight, true)).toEqual({ zh: '11月24日 24:00', en: '24 Nov 24:00' });
    expect(describeInstant(midnight)).toEqual({ zh: '11月25日 00:00', en: '25 Nov 00:00' });
  });
});

describe('describeTiming', () => {
  it('names the half-day of a slot entry', () => {
    expect(describeTiming(entry({ id: 'e1', slot: 'MORNING' }))).toEqual({ zh: '11月24日 上午', en: '24 Nov morning' });
    expect(describeTiming(entry({ id: 'e1', slot: 'EVENING', date: '2026-11-26' }))).toEqual({
      zh: '11月26日 晚上',
      en: '26 Nov evening',
    });
  });

  it('shows exact times in Shanghai time, on one date when they share it', () => {
    const e = entry({ id: 'e1', slot: null, startAt: at('2026-11-24', '09:00'), endAt: at('2026-11-24', '11:30') });
    expect(describeTiming(e)).toEqual({ zh: '11月24日 09:00–11:30', en: '24 Nov 09:00–11:30' });
    const toMidnight = entry({
      id: 'e2',
      slot: null,
      startAt: at('2026-11-24', '19:00'),
      endAt: at('2026-11-25', '00:00'),
    });
    expect(describeTiming(toMidnight)).toEqual({ zh: '11月24日 19:00–24:00', en: '24 Nov 19:00–24:00' });
  });

  it('shows both dates for exact times across days', () => {
    const e = entry({ id: 'e1', slot: null, startAt: at('2026-11-24', '20:00'), endAt: at('2026-11-25', '08:00') });
    expect(describeTiming(e)).toEqual({ zh: '11月24日 20:00 至 11月25日 08:00', en: '24 Nov 20:00 to 25 Nov 08:00' });
  });

  it('shows an open-ended start', () => {
    const e = entry({ id: 'e1', slot: null, startAt: at('2026-11-24', '09:30') });
    expect(describeTiming(e)).toEqual({ zh: '11月24日 09:30 起', en: '24 Nov 09:30 onwards' });
  });

  it('shows whole days and multi-day ranges', () => {
    expect(describeTiming(entry({ id: 'e1', slot: null, kind: 'LEAVE' }))).toEqual({
      zh: '11月24日 全天',
      en: '24 Nov, all day',
    });
    expect(describeTiming(entry({ id: 'e2', slot: null, kind: 'TRIP', endDate: '2026-11-26' }))).toEqual({
      zh: '11月24日至11月26日 全天',
      en: '24 Nov to 26 Nov, all day',
    });
    expect(describeTiming(entry({ id: 'e3', slot: 'AFTERNOON', endDate: '2026-11-25' }))).toEqual({
      zh: '11月24日 下午 至 11月25日 下午',
      en: '24 Nov afternoon to 25 Nov afternoon',
    });
  });
});
