import { addDays, localTimeToInstant, overlaps, weekDays } from '@siban/district-time';
import type { Conflict, HalfDay, LeaderInfo, LocalDate, MergedEvent, PlanEntryData, RevisionDiff, WeekId } from '../domain/types';
import { diffEntries } from './utils/diff-revisions';
import { mergeEntries } from './utils/merge-schedule';
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
  allDay: ViewedEvent[];
  slots: { slot: HalfDay; events: ViewedEvent[] }[];
}

const SLOTS: HalfDay[] = ['MORNING', 'AFTERNOON', 'EVENING'];
// For placing events in the printed grid the half-days tile the whole day.
const PLACEMENT: Record<HalfDay, [string, string]> = {
  MORNING: ['00:00', '12:00'],
  AFTERNOON: ['12:00', '18:00'],
  EVENING: ['18:00', '24:00'],
};

/** Each entry as this viewer may see it: restricted details become a busy block. */
export function viewEntries(entries: PlanEntryData[], viewer: Viewer, leadersById: ReadonlyMap<string, LeaderInfo>): ViewedEntry[] {
  return entries.map((entry) =>
    canSeeRestricted(viewer, entry, leadersById) ? { ...entry, busy: false } : { ...redactEntry(entry), busy: true },
  );
}

function isAllDay(entry: PlanEntryData): boolean {
  return !entry.slot && !entry.startAt;
}

/**
 * The merged week laid out by day and half-day. Merging runs on what the viewer may see, so a
 * busy block never reveals (through its merge partners) what it hides.
 */
export function layOutWeek(
  week: WeekId,
  entries: ViewedEntry[],
  leaders: LeaderInfo[],
): { days: ScheduleDayView[]; events: ViewedEvent[] } {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const events: ViewedEvent[] = mergeEntries(entries, leaders).map((event) => ({ ...event, entry: byId.get(event.id) as ViewedEntry }));
  const days = weekDays(week).map((date) => {
    const dayStart = localTimeToInstant(date, '00:00');
    const dayEnd = localTimeToInstant(addDays(date, 1), '00:00');
    const onDay = events.filter((e) => overlaps(e.interval, { start: dayStart, end: dayEnd }));
    return {
      date,
      allDay: onDay.filter((e) => isAllDay(e.entry)),
      slots: SLOTS.map((slot) => {
        const [from, to] = PLACEMENT[slot];
        const window = { start: localTimeToInstant(date, from), end: to === '24:00' ? dayEnd : localTimeToInstant(date, to) };
        return { slot, events: onDay.filter((e) => !isAllDay(e.entry) && overlaps(e.interval, window)) };
      }),
    };
  });
  return { days, events };
}

/** Conflicts whose entries the viewer may all see in full (their messages name titles). */
export function visibleConflicts<T extends Pick<Conflict, 'entryIds'>>(conflicts: T[], viewed: ViewedEntry[]): T[] {
  const open = new Set(viewed.filter((e) => !e.busy).map((e) => e.id));
  return conflicts.filter((c) => c.entryIds.every((id) => open.has(id)));
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
