import { ManualClock, SystemClock } from './clock';

describe('ManualClock', () => {
  it('stays put until moved, then moves by exactly what it is told', () => {
    const clock = new ManualClock('2026-11-23T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-11-23T00:00:00.000Z');
    clock.advance(90 * 60 * 1000);
    expect(clock.now().toISOString()).toBe('2026-11-23T01:30:00.000Z');
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move time by mutating the Date', () => {
    const clock = new ManualClock('2026-11-23T00:00:00.000Z');
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });
});

describe('SystemClock', () => {
  it('reads the machine time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
