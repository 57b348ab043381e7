import { HALF_DAY_BOUNDS, HALF_DAYS, HalfDayBounds, halfDayRows, intervalOf, localDateOf, overlaps, weekDays } from '@siban/district-time';
import { indexLeaders } from '@siban/organization';
import type { Conflict, HalfDay, LeaderInfo, LocalDate, MergedEvent, PlanEntryData, RevisionDiff, WeekId } from '../domain/types';
import { diffEntries } from './utils/diff-revisions';
import { eventFromGroup, groupJointEntries, sortEvents } from './utils/merge-schedule';
import { canSeeRestricted, redactEntry, Viewer } from './utils/visibility';

export interface ViewedEntry extends PlanEntryData {
  /** True when the viewer sees a busy block instead of the details. */
  busy: boolean;
}

export interface ViewedEvent extends Omit<MergedEvent, 'entry'> {
  entry: ViewedEntry;
}

export interface ScheduleDayView {
  date: LocalDate;
  /** Whole-day events covering this day (they are in each of `slots` too). */
  allDay: ViewedEvent[];
  /** 上午, 下午, 晚上: every event taking up part of that half-day on this date. */
  slots: { slot: HalfDay; events: ViewedEvent[] }[];
}

/** Each entry as this viewer may see it: restricted details become a busy block. */
export function viewEntries(entries: PlanEntryData[], viewer: Viewer, leadersById: ReadonlyMap<string, LeaderInfo>): ViewedEntry[] {
  return entries.map((entry) =>
    canSeeRestricted(viewer, entry, leadersById) ? { ...entry, busy: false } : { ...redactEntry(entry), busy: true },
  );
}

function isWholeDay(entry: PlanEntryData): boolean {
  return !entry.slot && !entry.startAt;
}

/**
 * The merged events as this viewer may see them. Joint events are found on the real entries
 * (redacted ones all look alike, so merging after redaction would join unrelated events); then
 * each joint group shows its readable entries as one event and its hidden ones as busy blocks,
 * hidden entries merged only where they take up the very same time. A busy block therefore
 * keeps its own time and leaders, and never borrows a readable partner's details.
 */
export function viewEvents(
  entries: readonly PlanEntryData[],
  viewer: Viewer,
  leaders: readonly LeaderInfo[],
  bounds: HalfDayBounds = HALF_DAY_BOUNDS,
): ViewedEvent[] {
  const leadersById = indexLeaders(leaders);
  const events = groupJointEntries(entries).flatMap((group) => {
    const shown = group.filter((e) => canSeeRestricted(viewer, e, leadersById));
    const hidden = new Map<string, PlanEntryData[]>();
    for (const e of group) {
      if (shown.includes(e)) continue;
      const { start, end } = intervalOf(e, bounds);
      const key = `${start.getTime()}|${end.getTime()}`;
      hidden.set(key, [...(hidden.get(key) ?? []), e]);
    }
    const out: ViewedEvent[] = [];
    if (shown.length) {
      const event = eventFromGroup(shown, leadersById, bounds);
      out.push({ ...event, entry: { ...event.entry, busy: false } });
    }
    for (const part of hidden.values()) {
      const event = eventFromGroup(part, leadersById, bounds);
      out.push({ ...event, entry: { ...redactEntry(event.entry), busy: true } });
    }
    return out;
  });
  return sortEvents(events, leadersById);
}

/** The days of `week` an event appears on, and in which half-day rows. */
function placement(event: ViewedEvent, date: LocalDate, bounds: HalfDayBounds): HalfDay[] {
  const entry = event.entry;
  const lastDay = entry.endDate && entry.endDate > entry.date ? entry.endDate : entry.date;
  // Whole days fill every half-day of every day they cover.
  if (isWholeDay(entry)) return date >= entry.date && date <= lastDay ? [...HALF_DAYS] : [];
  // A half-day is one row (on each day of an older multi-day slot entry, never the rows between).
  if (entry.slot) return date >= entry.date && date <= lastDay ? [entry.slot] : [];
  // Exact times belong to the day they start: a meeting running past midnight stays in that
  // evening's row and does not reappear in the next morning's.
  if (localDateOf(event.interval.start) !== date) return [];
  const rows = halfDayRows(date, bounds);
  const { start, end } = event.interval;
  const onTheDay = { start, end: end.getTime() < rows.EVENING.end.getTime() ? end : rows.EVENING.end };
  return HALF_DAYS.filter((slot) => overlaps(onTheDay, rows[slot]));
}

/**
 * The merged week laid out by day and half-day, as this viewer may see it (`viewEvents`). Events
 * from a plan of the week before show on the days of this week they reach (a trip over the
 * weekend).
 */
export function layOutWeek(
  week: WeekId,
  entries: readonly PlanEntryData[],
  viewer: Viewer,
  leaders: readonly LeaderInfo[],
  bounds: HalfDayBounds = HALF_DAY_BOUNDS,
): { days: ScheduleDayView[]; events: ViewedEvent[] } {
  const events = viewEvents(entries, viewer, leaders, bounds);
  const days = weekDays(week).map((date) => {
    const placed = events.map((event) => ({ event, slots: placement(event, date, bounds) }));
    return {
      date,
      allDay: placed.filter((p) => p.slots.length && isWholeDay(p.event.entry)).map((p) => p.event),
      slots: HALF_DAYS.map((slot) => ({ slot, events: placed.filter((p) => p.slots.includes(slot)).map((p) => p.event) })),
    };
  });
  return { days, events };
}

/** Conflicts whose entries the viewer may all see in full (their messages name titles). */
export function visibleConflicts<T extends Pick<Conflict, 'entryIds'>>(conflicts: T[], viewed: ViewedEntry[]): T[] {
  const open = new Set(viewed.filter((e) => !e.busy).map((e) => e.id));
  return conflicts.filter((c) => c.entryIds.every((id) => open.has(id)));
}

/** Conflicts as clients read them: with the leaders they involve, from the directory already loaded. */
export function conflictViews<T extends Pick<Conflict, 'leaderIds'>>(
  conflicts: T[],
  leadersById: ReadonlyMap<string, LeaderInfo>,
): (T & { leaders: { id: string; name: string; title: string }[] })[] {
  return conflicts.map((c) => ({
    ...c,
    leaders: c.leaderIds.map((id) => {
      const leader = leadersById.get(id);
      return { id, name: leader?.name ?? id, title: leader?.title ?? '' };
    }),
  }));
}

/** The change between two revisions as this viewer can see it: hidden details never show as changes. */
export function viewDiff(
  before: PlanEntryData[],
  after: PlanEntryData[],
  viewer: Viewer,
  leadersById: ReadonlyMap<string, LeaderInfo>,
): RevisionDiff & { busyBefore: Set<string>; busyAfter: Set<string> } {
  const viewedBefore = viewEntries(before, viewer, leadersById);
  const viewedAfter = viewEntries(after, viewer, leadersById);
  // Busy is per side: an entry made restricted (or opened up) is hidden on one side of its change
  // only, and the side shown in full must not be marked as hidden.
  const busyOf = (list: ViewedEntry[]) => new Set(list.filter((e) => e.busy).map((e) => e.id));
  const [busyBefore, busyAfter] = [busyOf(viewedBefore), busyOf(viewedAfter)];
  const strip = (list: ViewedEntry[]): PlanEntryData[] => list.map(({ busy: _busy, ...entry }) => entry);
  return { ...diffEntries(strip(viewedBefore), strip(viewedAfter)), busyBefore, busyAfter };
}
