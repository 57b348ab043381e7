import { checkInOpensAt, checkInTiming, handoverClosesAt, isLateCheckIn, missedCheckInAt } from './check-in-window';

// The 1 October shift: 08:30 Shanghai (00:30Z) to 08:30 the next day.
const shift = { startsAt: new Date('2026-10-01T00:30:00Z'), endsAt: new Date('2026-10-02T00:30:00Z') };
const at = (iso: string) => checkInTiming(shift, new Date(iso));

describe('check-in window', () => {
  it('opens 30 minutes before the start and closes when the shift ends', () => {
    expect(checkInOpensAt(shift).toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(at('2026-09-30T23:59:59.999Z')).toEqual({ ok: false, reason: 'NOT_OPEN', opensAt: new Date('2026-10-01T00:00:00Z') });
    expect(at('2026-10-01T00:00:00Z')).toEqual({ ok: true, late: false });
    expect(at('2026-10-02T00:29:59.999Z')).toEqual({ ok: true, late: true });
    expect(at('2026-10-02T00:30:00Z')).toMatchObject({ ok: false, reason: 'OVER' });
  });

  it('is late exactly after the 15 minutes that alert the coordinators', () => {
    expect(missedCheckInAt(shift).toISOString()).toBe('2026-10-01T00:45:00.000Z');
    expect(isLateCheckIn(shift, new Date('2026-10-01T00:45:00Z'))).toBe(false);
    expect(isLateCheckIn(shift, new Date('2026-10-01T00:45:00.001Z'))).toBe(true);
    expect(at('2026-10-01T00:40:00Z')).toEqual({ ok: true, late: false });
  });

  it('keeps the handover log open for an hour after the shift', () => {
    expect(handoverClosesAt(shift).toISOString()).toBe('2026-10-02T01:30:00.000Z');
  });
});
