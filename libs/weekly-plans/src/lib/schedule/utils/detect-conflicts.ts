import type { Conflict, ConflictKind, Interval, LeaderBody, LeaderInfo, MergedEvent, PlanEntryData } from '../../domain/types';
import {
  Bilingual,
  describeDate,
  describeInstant,
  describeTiming,
  HALF_DAY_BOUNDS,
  HalfDayBounds,
  intervalOf,
  overlappingPairs,
  overlaps,
} from '@siban/district-time';
import { compareStrings, indexLeaders, leaderName, sortLeaderIds } from '@siban/organization';
import { entryLeaderIds, groupJointEntries, mergeEntries, normalizeText } from './merge-schedule';

/** Output order of conflict kinds: the most actionable first. */
export const CONFLICT_KIND_ORDER: readonly ConflictKind[] = Object.freeze([
  'LEADER_DOUBLE_BOOKED',
  'JOINT_EVENT_MISMATCH',
  'ALL_PRINCIPALS_AWAY',
  'LEADER_ON_LEAVE',
  'SESSION_CLASH',
]);

/** The body each office's meetings belong to; the reception office hosts no body's business. */
export const OFFICE_BODIES: Readonly<Record<string, LeaderBody>> = Object.freeze({
  PARTY: 'STANDING_COMMITTEE',
  CONGRESS: 'CONGRESS',
  GOVERNMENT: 'GOVERNMENT',
  CPPCC: 'CPPCC',
});

const BODY_LABELS: Readonly<Record<LeaderBody, Bilingual>> = {
  STANDING_COMMITTEE: { zh: '区委常委会', en: 'the Standing Committee' },
  CONGRESS: { zh: '区人大常委会', en: "the People's Congress" },
  GOVERNMENT: { zh: '区政府', en: 'the Government' },
  CPPCC: { zh: '区政协', en: 'the CPPCC' },
  COURT: { zh: '区法院', en: 'the Court' },
  PROCURATORATE: { zh: '区检察院', en: 'the Procuratorate' },
};

type ById = ReadonlyMap<string, LeaderInfo>;

// The key is derived from entry ids only, so an acknowledgement survives recomputation, input
// reordering and wording changes, and lapses when a different set of entries is involved.
function makeConflict(kind: ConflictKind, entryIds: Iterable<string>, leaderIds: string[], message: Bilingual): Conflict {
  const ids = [...new Set(entryIds)].sort(compareStrings);
  return { kind, key: `${kind}:${ids.join('+')}`, entryIds: ids, leaderIds, message: `${message.zh} / ${message.en}` };
}

function names(ids: readonly string[], byId: ById): Bilingual {
  const list = ids.map((id) => leaderName(id, byId));
  return { zh: list.join('、'), en: list.join(', ') };
}

function isAre(ids: readonly string[]): string {
  return ids.length === 1 ? 'is' : 'are';
}

function label(entry: PlanEntryData): Bilingual {
  const timing = describeTiming(entry);
  return { zh: `「${entry.title}」(${timing.zh})`, en: `"${entry.title}" (${timing.en})` };
}

function sharedLeaders(a: readonly string[], b: readonly string[], byId: ById): string[] {
  const inB = new Set(b);
  return sortLeaderIds(
    a.filter((id) => inB.has(id)),
    byId,
  );
}

/** The body whose business an event is, when it could pull a leader away from another body's session. */
function hostBody(entry: PlanEntryData): LeaderBody | null {
  if (entry.sessionOf) return entry.sessionOf;
  if (entry.kind === 'MEETING' || entry.kind === 'CONFERENCE') return OFFICE_BODIES[entry.leadOfficeCode] ?? null;
  return null;
}

/** Whether `session` is a session of one body and `other` belongs to a different one. */
function clashesWithSession(session: PlanEntryData, other: PlanEntryData): boolean {
  const body = hostBody(other);
  return session.sessionOf !== null && body !== null && body !== session.sessionOf;
}

function bookingConflicts(events: readonly MergedEvent[], byId: ById): Conflict[] {
  const out: Conflict[] = [];
  // Leave is not a booking: clashes with it are LEADER_ON_LEAVE.
  const booked = events.filter((e) => e.entry.kind !== 'LEAVE');
  for (const [a, b] of overlappingPairs(booked, (e) => e.interval)) {
    const leaders = sharedLeaders(a.leaderIds, b.leaderIds, byId);
    if (leaders.length === 0) continue;
    const who = names(leaders, byId);
    const ids = [...a.entryIds, ...b.entryIds];

    const [session, other] = clashesWithSession(a.entry, b.entry)
      ? [a.entry, b.entry]
      : clashesWithSession(b.entry, a.entry)
        ? [b.entry, a.entry]
        : [null, null];
    if (session?.sessionOf && other) {
      const [sBody, oBody] = [BODY_LABELS[session.sessionOf], BODY_LABELS[hostBody(other) as LeaderBody]];
      const [s, o] = [label(session), label(other)];
      out.push(
        makeConflict('SESSION_CLASH', ids, leaders, {
          zh: `会议冲突：${who.zh} 需出席${sBody.zh}会议${s.zh}，同时又安排了${oBody.zh}的${o.zh}`,
          en: `Session clash: ${who.en} must attend the session of ${sBody.en} ${s.en} but ${isAre(leaders)} also listed for ${oBody.en}'s ${o.en}`,
        }),
      );
      continue;
    }

    const [la, lb] = [label(a.entry), label(b.entry)];
    out.push(
      makeConflict('LEADER_DOUBLE_BOOKED', ids, leaders, {
        zh: `${who.zh} 同时安排了${la.zh}与${lb.zh}`,
        en: `${who.en} ${isAre(leaders)} booked twice: ${la.en} and ${lb.en}`,
      }),
    );
  }
  return out;
}

/** Compares what the timing resolves to, so e.g. an end date equal to the start date is not a difference. */
function timingKey(entry: PlanEntryData): string {
  if (entry.startAt) return `exact|${entry.startAt.getTime()}|${entry.endAt?.getTime() ?? ''}`;
  const lastDay = entry.endDate && entry.endDate > entry.date ? entry.endDate : entry.date;
  return `${entry.slot ?? 'day'}|${lastDay}`;
}

/** Distinct values in first-seen order, each with the leaders whose plans hold it. */
function variants(
  group: readonly PlanEntryData[],
  keyOf: (e: PlanEntryData) => string,
  textOf: (e: PlanEntryData) => Bilingual,
  byId: ById,
): Bilingual | null {
  const byKey = new Map<string, { text: Bilingual; owners: string[] }>();
  for (const e of group) {
    const key = keyOf(e);
    const found = byKey.get(key);
    if (found) found.owners.push(e.leaderId);
    else byKey.set(key, { text: textOf(e), owners: [e.leaderId] });
  }
  if (byKey.size < 2) return null;
  const parts = [...byKey.values()].map(({ text, owners }) => {
    const who = names(sortLeaderIds(owners, byId), byId);
    return { zh: `${text.zh}（${who.zh}）`, en: `${text.en} (${who.en})` };
  });
  return { zh: parts.map((p) => p.zh).join(' / '), en: parts.map((p) => p.en).join(' / ') };
}

function jointMismatches(groups: readonly PlanEntryData[][], byId: ById): Conflict[] {
  const out: Conflict[] = [];
  for (const group of groups) {
    if (group.length < 2) continue;
    const timing = variants(group, timingKey, describeTiming, byId);
    const place = variants(
      group,
      (e) => normalizeText(e.place),
      (e) => (e.place.trim() ? { zh: e.place.trim(), en: e.place.trim() } : { zh: '未填写', en: '(blank)' }),
      byId,
    );
    if (!timing && !place) continue;
    const [canonical] = group;
    const day = describeDate(canonical.date);
    const details = [
      timing && { zh: `时间 ${timing.zh}`, en: `time ${timing.en}` },
      place && { zh: `地点 ${place.zh}`, en: `place ${place.en}` },
    ].filter((d): d is Bilingual => Boolean(d));
    out.push(
      makeConflict(
        'JOINT_EVENT_MISMATCH',
        group.map((e) => e.id),
        sortLeaderIds(
          group.map((e) => e.leaderId),
          byId,
        ),
        {
          zh: `联合活动「${canonical.title}」(${day.zh}) 各方登记不一致：${details.map((d) => d.zh).join('；')}`,
          en: `Joint event "${canonical.title}" (${day.en}) is entered inconsistently: ${details.map((d) => d.en).join('; ')}`,
        },
      ),
    );
  }
  return out;
}

function leaveConflicts(entries: readonly PlanEntryData[], events: readonly MergedEvent[], byId: ById, bounds: HalfDayBounds): Conflict[] {
  const out: Conflict[] = [];
  for (const leave of entries) {
    if (leave.kind !== 'LEAVE') continue;
    const leaveInterval = intervalOf(leave, bounds);
    const onLeave = entryLeaderIds(leave);
    for (const event of events) {
      if (event.entry.kind === 'LEAVE' || !overlaps(leaveInterval, event.interval)) continue;
      const leaders = sharedLeaders(event.leaderIds, onLeave, byId);
      if (leaders.length === 0) continue;
      const who = names(leaders, byId);
      const [l, e] = [describeTiming(leave), label(event.entry)];
      out.push(
        makeConflict('LEADER_ON_LEAVE', [leave.id, ...event.entryIds], leaders, {
          zh: `${who.zh} 请假期间(${l.zh})被安排参加${e.zh}`,
          en: `${who.en} ${isAre(leaders)} on leave (${l.en}) but listed for ${e.en}`,
        }),
      );
    }
  }
  return out;
}

/** Sorted, disjoint union; touching intervals join, since being away is continuous across them. */
function unionIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start.getTime() < i.end.getTime()).sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start.getTime() <= last.end.getTime()) {
      if (i.end.getTime() > last.end.getTime()) last.end = i.end;
    } else {
      out.push({ start: i.start, end: i.end });
    }
  }
  return out;
}

function principalsAway(entries: readonly PlanEntryData[], leaders: readonly LeaderInfo[], byId: ById, bounds: HalfDayBounds): Conflict[] {
  // Former principal leaders keep their flag; only those in office make up "all of them".
  const principals = sortLeaderIds(
    leaders.filter((l) => l.isPrincipal && l.active).map((l) => l.id),
    byId,
  );
  if (principals.length === 0) return [];
  const away = entries
    .filter((e) => e.kind === 'TRIP' || e.kind === 'LEAVE')
    .map((entry) => ({ entry, interval: intervalOf(entry, bounds), leaders: entryLeaderIds(entry) }));
  const awayOf = (p: string) => away.filter((a) => a.leaders.includes(p));

  // Sweep over each principal's own union: where the count of principals away equals the number
  // of principals, all of them are away. Processing every change at an instant before checking
  // keeps windows maximal (one principal's return at the moment another leaves is not a gap).
  const changes = new Map<number, number>();
  for (const p of principals) {
    for (const i of unionIntervals(awayOf(p).map((a) => a.interval))) {
      changes.set(i.start.getTime(), (changes.get(i.start.getTime()) ?? 0) + 1);
      changes.set(i.end.getTime(), (changes.get(i.end.getTime()) ?? 0) - 1);
    }
  }
  const windows: Interval[] = [];
  let count = 0;
  let openedAt: number | null = null;
  for (const t of [...changes.keys()].sort((a, b) => a - b)) {
    count += changes.get(t) ?? 0;
    if (count === principals.length && openedAt === null) openedAt = t;
    else if (count < principals.length && openedAt !== null) {
      windows.push({ start: new Date(openedAt), end: new Date(t) });
      openedAt = null;
    }
  }

  const who = names(principals, byId);
  return windows.map((window) => {
    const involved = away.filter((a) => overlaps(a.interval, window) && a.leaders.some((l) => principals.includes(l)));
    const reasons = principals.map((p) => {
      const titles = involved.filter((a) => a.leaders.includes(p)).map((a) => a.entry.title);
      const name = leaderName(p, byId);
      return {
        zh: `${name}：${titles.map((t) => `「${t}」`).join('、')}`,
        en: `${name}: ${titles.map((t) => `"${t}"`).join(', ')}`,
      };
    });
    const [from, to] = [describeInstant(window.start), describeInstant(window.end, true)];
    return makeConflict(
      'ALL_PRINCIPALS_AWAY',
      involved.map((a) => a.entry.id),
      principals,
      {
        zh: `主要领导（${who.zh}）${from.zh} 至 ${to.zh} 均不在岗（${reasons.map((r) => r.zh).join('；')}）`,
        en: `All principal leaders (${who.en}) are away from ${from.en} to ${to.en} (${reasons.map((r) => r.en).join('; ')})`,
      },
    );
  });
}

/**
 * Every conflict in a set of plan entries (typically one week of every leader's plan). `entries`
 * must be in creation order, as for `mergeEntries`. Sorted by CONFLICT_KIND_ORDER, then key.
 */
export function detectConflicts(
  entries: readonly PlanEntryData[],
  leaders: readonly LeaderInfo[],
  bounds: HalfDayBounds = HALF_DAY_BOUNDS,
): Conflict[] {
  const byId = indexLeaders(leaders);
  const events = mergeEntries(entries, leaders, bounds);
  const conflicts = [
    ...bookingConflicts(events, byId),
    ...jointMismatches(groupJointEntries(entries), byId),
    ...principalsAway(entries, leaders, byId, bounds),
    ...leaveConflicts(entries, events, byId, bounds),
  ];
  const rank = (k: ConflictKind) => CONFLICT_KIND_ORDER.indexOf(k);
  return conflicts.sort((a, b) => rank(a.kind) - rank(b.kind) || compareStrings(a.key, b.key));
}
