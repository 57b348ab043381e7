/** Check-in opens this long before a shift starts, so the officer can check in on arrival. */
export const CHECK_IN_OPENS_BEFORE_MINUTES = 30;
/** A shift nobody has checked in to this long after its start alerts the coordinators; a check-in after it is late. */
export const CHECK_IN_GRACE_MINUTES = 15;
/** The outgoing officer may write or add to the handover log until this long after the shift ends. */
export const HANDOVER_GRACE_MINUTES = 60;

const MINUTE = 60_000;

export interface ShiftSpan {
  startsAt: Date;
  /** Exclusive. */
  endsAt: Date;
}

export type CheckInTiming = { ok: true; late: boolean } | { ok: false; reason: 'NOT_OPEN' | 'OVER'; opensAt: Date };

/** When check-in opens for a shift. */
export function checkInOpensAt(shift: ShiftSpan): Date {
  return new Date(shift.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MINUTES * MINUTE);
}

/** When a shift with no check-in alerts the coordinators: the same instant after which a check-in is late. */
export function missedCheckInAt(shift: ShiftSpan): Date {
  return new Date(shift.startsAt.getTime() + CHECK_IN_GRACE_MINUTES * MINUTE);
}

/**
 * Whether a check-in at `at` is accepted: from 30 minutes before the start until the end of the
 * shift; after the grace period it is recorded as late (the coordinators were alerted by then).
 */
export function checkInTiming(shift: ShiftSpan, at: Date): CheckInTiming {
  const opensAt = checkInOpensAt(shift);
  if (at.getTime() < opensAt.getTime()) return { ok: false, reason: 'NOT_OPEN', opensAt };
  if (at.getTime() >= shift.endsAt.getTime()) return { ok: false, reason: 'OVER', opensAt };
  return { ok: true, late: isLateCheckIn(shift, at) };
}

export function isLateCheckIn(shift: ShiftSpan, checkedInAt: Date): boolean {
  return checkedInAt.getTime() > missedCheckInAt(shift).getTime();
}

/** Until when the handover log of a shift can be written (its start) and added to (this instant). */
export function handoverClosesAt(shift: ShiftSpan): Date {
  return new Date(shift.endsAt.getTime() + HANDOVER_GRACE_MINUTES * MINUTE);
}
