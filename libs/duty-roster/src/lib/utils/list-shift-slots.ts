import type { DayKind, LocalDate, PostDays, PostSpec, ShiftSlot } from '../domain/types';
import { eachDate } from './local-date';

const STAFFED: Record<PostDays, (kind: DayKind) => boolean> = {
  EVERY_DAY: () => true,
  NON_WORKDAYS: (kind) => kind !== 'WORKDAY',
  HOLIDAYS: (kind) => kind === 'HOLIDAY',
};

/**
 * Every seat to fill from `from` to `to` (inclusive): each post on each day it is staffed, by
 * date, then in the posts' order, then seat. A post staffed on some days only (a second officer
 * on holidays) reads the day's kind, so every date needs one: throws for a date with no
 * calendar, which the caller refuses first (`classifyRange(...).missingYears`).
 */
export function listShiftSlots(
  from: LocalDate,
  to: LocalDate,
  posts: readonly PostSpec[],
  dayKinds: ReadonlyMap<LocalDate, DayKind>,
): ShiftSlot[] {
  const slots: ShiftSlot[] = [];
  for (const date of eachDate(from, to)) {
    const kind = dayKinds.get(date);
    if (!kind) throw new RangeError(`no day kind for ${date}: load its year's holiday calendar first`);
    for (const post of posts) {
      if (!STAFFED[post.days](kind)) continue;
      for (let seat = 1; seat <= post.seats; seat++) slots.push({ date, templateId: post.templateId, postId: post.id, seat });
    }
  }
  return slots;
}
