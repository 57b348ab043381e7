// What the printed weekly table says, from a published revision as one viewer may see it: each
// event's line in the cells of its leaders and half-days, marked when new or changed since the
// previous revision or part of an acknowledged conflict, and the notes that explain the marks.
import { describeDate, describeInstant, describeTiming, HALF_DAYS, localTimeOf, parseWeekId, weekDays } from '@siban/district-time';
import type { PaperSize } from '@siban/exports';
import { compareLeaderIds, sortLeaderIds } from '@siban/organization';
import type { Acknowledgement, ConflictKind, HalfDay, LeaderBody, LeaderInfo, PlanEntryData } from '../domain/types';
import type { ScheduleDayView, ViewedEvent } from '../schedule/schedule-view';
import type { WeeklyTableInput } from './weekly-table-layout';

export interface WeeklyTableSource {
  districtName: string;
  paper: PaperSize;
  week: string;
  revision: { number: number; publishedAt: Date };
  /** The leaders to print (in office, or involved in the week), in any order. */
  leaders: LeaderInfo[];
  /** Leaders whose plan for the week was submitted by the time of the revision. */
  submitted: ReadonlySet<string>;
  /** Each event of the revision with the half-days it fills. */
  events: { event: ViewedEvent; halfDays: { date: string; slot: HalfDay }[] }[];
  /** Since the previous revision, as this viewer may see it; undefined for a first revision. */
  changes?: { added: ReadonlySet<string>; changed: ReadonlySet<string>; removed: { entry: PlanEntryData; busy: boolean }[] };
  /** Acknowledged conflicts whose entries this viewer sees in full. */
  acknowledgements: Acknowledgement[];
}

/** Every event of the laid-out week with the half-days it fills; a whole-day event fills all three. */
export function eventsByHalfDay(days: ScheduleDayView[]): { event: ViewedEvent; halfDays: { date: string; slot: HalfDay }[] }[] {
  const byId = new Map<string, { event: ViewedEvent; halfDays: { date: string; slot: HalfDay }[]; seen: Set<string> }>();
  const add = (event: ViewedEvent, date: string, slot: HalfDay) => {
    const found = byId.get(event.id) ?? { event, halfDays: [], seen: new Set<string>() };
    byId.set(event.id, found);
    if (found.seen.has(`${date}${slot}`)) return;
    found.seen.add(`${date}${slot}`);
    found.halfDays.push({ date, slot });
  };
  for (const day of days) {
    for (const event of day.allDay) for (const slot of HALF_DAYS) add(event, day.date, slot);
    for (const { slot, events } of day.slots) for (const event of events) add(event, day.date, slot);
  }
  return [...byId.values()].map(({ event, halfDays }) => ({ event, halfDays }));
}

const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

/** The bodies in the order a district lists them, with the label printed down the side. */
export const BODY_GROUPS: readonly { body: LeaderBody; label: string }[] = [
  { body: 'STANDING_COMMITTEE', label: '区委' },
  { body: 'CONGRESS', label: '人大' },
  { body: 'GOVERNMENT', label: '政府' },
  { body: 'CPPCC', label: '政协' },
  { body: 'COURT', label: '法院' },
  { body: 'PROCURATORATE', label: '检察院' },
];

const CONFLICT_LABELS: Record<ConflictKind, string> = {
  LEADER_DOUBLE_BOOKED: '时间冲突',
  JOINT_EVENT_MISMATCH: '联合活动时间地点不一致',
  ALL_PRINCIPALS_AWAY: '主要领导同时外出',
  LEADER_ON_LEAVE: '请假期间有安排',
  SESSION_CLASH: '会议冲突',
};

export const NEW_MARK = '【新】';
export const CHANGED_MARK = '【改】';

/** ①..⑳, ㉑..㊿, then [51], ...: the footnote numbers of conflicts. */
export function circledNumber(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `[${n}]`;
}

/** e.g. 清河区领导周工作安排表（2026年第49周·第2版）.xlsx */
export function weeklyTableFileName(districtName: string, week: string, revision: number): string {
  const { year, week: n } = parseWeekId(week);
  return `${districtName}领导周工作安排表（${year}年第${n}周·第${revision}版）.xlsx`;
}

function eventText(event: ViewedEvent): string {
  const e = event.entry;
  if (e.busy) return '忙碌';
  const time = e.startAt && e.endAt ? `${localTimeOf(e.startAt)}-${localTimeOf(e.endAt)} ` : '';
  return `${time}${e.title}${e.place ? `（${e.place}）` : ''}`;
}

export function weeklyTableContent(source: WeeklyTableSource): WeeklyTableInput {
  const leadersById = new Map(source.leaders.map((l) => [l.id, l]));
  const { year, week: n } = parseWeekId(source.week);
  const days = weekDays(source.week);

  // Conflicts numbered in the order they were acknowledged; each marks its leaders' lines of its entries.
  const conflictMarks = new Map<string, string>();
  source.acknowledgements.forEach((conflict, i) => {
    const mark = circledNumber(i + 1);
    for (const { event } of source.events) {
      if (!event.entryIds.some((id) => conflict.entryIds.includes(id))) continue;
      const leaders = conflict.leaderIds.length > 0 ? conflict.leaderIds : event.leaderIds;
      for (const leaderId of leaders) {
        const key = `${event.id}\u0000${leaderId}`;
        conflictMarks.set(key, `${conflictMarks.get(key) ?? ''}${mark}`);
      }
    }
  });

  const changeMark = (event: ViewedEvent): string => {
    const changes = source.changes;
    if (!changes) return '';
    if (changes.added.has(event.id)) return NEW_MARK;
    return event.entryIds.some((id) => changes.added.has(id) || changes.changed.has(id)) ? CHANGED_MARK : '';
  };

  const items: WeeklyTableInput['items'] = [];
  for (const { event, halfDays } of source.events) {
    const text = `${changeMark(event)}${eventText(event)}`;
    for (const leaderId of event.leaderIds) {
      if (!leadersById.has(leaderId)) continue;
      items.push({ leaderId, halfDays, text: `${text}${conflictMarks.get(`${event.id}\u0000${leaderId}`) ?? ''}` });
    }
  }

  const order = compareLeaderIds(leadersById);
  const groups = BODY_GROUPS.map(({ body, label }) => ({
    label,
    leaders: source.leaders
      .filter((l) => l.body === body)
      .sort((a, b) => order(a.id, b.id))
      .map((l) => ({ id: l.id, name: l.name, title: l.title, notSubmitted: !source.submitted.has(l.id) })),
  })).filter((g) => g.leaders.length > 0);

  const names = (ids: readonly string[]) => sortLeaderIds(ids, leadersById).map((id) => leadersById.get(id)?.name ?? id);
  const entriesById = new Map(source.events.flatMap(({ event }) => event.entryIds.map((id) => [id, event.entry] as const)));
  const notes = [
    `说明：${NEW_MARK}本版新增\u3000${CHANGED_MARK}本版变更\u3000①②… 见冲突说明\u3000“忙碌”为不公开安排\u3000“未报”为未报送本周安排`,
    ...source.acknowledgements.map((conflict, i) => {
      const titles = [...new Set(conflict.entryIds.map((id) => entriesById.get(id)).filter((e) => e !== undefined))].map(
        (e) => `「${e.title}」${describeTiming(e).zh}`,
      );
      const who = names(conflict.leaderIds).join('、');
      return `${circledNumber(i + 1)} ${CONFLICT_LABELS[conflict.kind]}${who ? `（${who}）` : ''}：${titles.join('；')}。协调意见：${conflict.note}`;
    }),
  ];
  const removed = source.changes?.removed ?? [];
  if (removed.length > 0) {
    const allNames = new Map([...leadersById].map(([id, l]) => [id, l.name]));
    const lines = removed.map(({ entry: e, busy }) => {
      const who = [e.leaderId, ...e.attendeeLeaderIds].map((id) => allNames.get(id) ?? id).join('、');
      return `${who} ${describeTiming(e).zh}${busy ? ' 忙碌' : `「${e.title}」`}`;
    });
    notes.push(`本版取消：${lines.join('；')}`);
  }

  const published = describeInstant(source.revision.publishedAt).zh;
  return {
    title: `${source.districtName}领导周工作安排表`,
    subtitle: `${year}年第${n}周（${describeDate(days[0]).zh}—${describeDate(days[6]).zh}）\u3000第${source.revision.number}版\u3000${published} 发布`,
    paper: source.paper,
    days: days.map((date, i) => ({ date, label: `${describeDate(date).zh}\n${WEEKDAYS[i]}` })),
    groups,
    items,
    notes,
    generatedAt: source.revision.publishedAt,
  };
}
