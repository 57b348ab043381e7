import type { ShiftTemplate } from '../domain/types';
import { DEFAULT_SHIFT_TEMPLATE, isValidTemplate, shiftInterval, shiftsAt, startMinute } from './shift-time';

const day24: ShiftTemplate = { id: 'd24', ...DEFAULT_SHIFT_TEMPLATE };
const day: ShiftTemplate = { id: 'day', startTime: '08:30', durationMinutes: 720 };
const night: ShiftTemplate = { id: 'night', startTime: '20:30', durationMinutes: 720 };
const at = (iso: string) => new Date(iso);
const covering = (iso: string, templates: ShiftTemplate[]) => shiftsAt(at(iso), templates).map((s) => `${s.date} ${s.templateId}`);

describe('shift intervals', () => {
  it('runs the default shift from 08:30 to 08:30 the next day, Shanghai time', () => {
    expect(shiftInterval({ date: '2026-10-01', templateId: 'd24' }, day24)).toEqual({
      date: '2026-10-01',
      templateId: 'd24',
      startsAt: at('2026-10-01T00:30:00Z'),
      endsAt: at('2026-10-02T00:30:00Z'),
    });
  });

  it('crosses a month and a year end', () => {
    expect(shiftInterval({ date: '2026-12-31', templateId: 'night' }, night).endsAt).toEqual(at('2027-01-01T08:30:00+08:00'));
  });

  it('reads and checks start times and lengths', () => {
    expect(startMinute('00:00')).toBe(0);
    expect(startMinute('23:59')).toBe(1439);
    expect(() => startMinute('24:00')).toThrow(RangeError);
    expect(() => startMinute('8:30')).toThrow(RangeError);
    expect(isValidTemplate(day24)).toBe(true);
    expect(isValidTemplate({ startTime: '08:30', durationMinutes: 1441 })).toBe(false);
    expect(isValidTemplate({ startTime: '08:30', durationMinutes: 0 })).toBe(false);
    expect(isValidTemplate({ startTime: '08:30', durationMinutes: 90.5 })).toBe(false);
  });
});

describe('shiftsAt (who is on duty)', () => {
  it('is exact at the 08:30 boundary: 08:29 on the 2nd is still the 1st', () => {
    expect(covering('2026-10-02T08:29:00+08:00', [day24])).toEqual(['2026-10-01 d24']);
    expect(covering('2026-10-02T08:29:59.999+08:00', [day24])).toEqual(['2026-10-01 d24']);
    expect(covering('2026-10-02T08:30:00+08:00', [day24])).toEqual(['2026-10-02 d24']);
    expect(covering('2026-10-02T00:00:00+08:00', [day24])).toEqual(['2026-10-01 d24']);
    expect(covering('2026-10-01T23:59:00+08:00', [day24])).toEqual(['2026-10-01 d24']);
  });

  it('reasons in Shanghai whatever the instant’s own offset', () => {
    // 2026-10-02 00:29 UTC is 08:29 in Shanghai.
    expect(covering('2026-10-02T00:29:00Z', [day24])).toEqual(['2026-10-01 d24']);
    expect(covering('2026-10-02T00:30:00Z', [day24])).toEqual(['2026-10-02 d24']);
  });

  it('hands over between day and night shifts', () => {
    const both = [day, night];
    expect(covering('2026-10-02T08:29:00+08:00', both)).toEqual(['2026-10-01 night']);
    expect(covering('2026-10-02T08:30:00+08:00', both)).toEqual(['2026-10-02 day']);
    expect(covering('2026-10-02T20:29:00+08:00', both)).toEqual(['2026-10-02 day']);
    expect(covering('2026-10-02T20:30:00+08:00', both)).toEqual(['2026-10-02 night']);
    expect(covering('2026-10-03T02:00:00+08:00', both)).toEqual(['2026-10-02 night']);
  });

  it('finds no shift in the hours a short template leaves uncovered, and every shift of overlapping ones', () => {
    expect(covering('2026-10-02T21:00:00+08:00', [day])).toEqual([]);
    expect(covering('2026-10-02T09:00:00+08:00', [day24, day])).toEqual(['2026-10-02 d24', '2026-10-02 day']);
  });
});
