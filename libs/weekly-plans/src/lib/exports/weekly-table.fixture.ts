// A realistic district week for the printed table: 12 or 35 leaders across the six bodies, a
// joint standing-committee meeting, exact times, whole-day and multi-day entries, restricted
// (busy) entries, an acknowledged conflict, changes since revision 1, one cancelled entry and
// leaders who did not report. Used by the table's specs and by `npm run render:table`.
import type { PaperSize } from '@siban/exports';
import { addDays, HALF_DAYS, localTimeToInstant, weekDays } from '@siban/district-time';
import type { EntryKind, HalfDay, LeaderBody, LeaderInfo, PlanEntryData } from '../domain/types';
import type { ViewedEvent } from '../schedule/schedule-view';
import type { WeeklyTableSource } from './weekly-table-content';

export const FIXTURE_WEEK = '2026-W49'; // Mon 2026-11-30 .. Sun 2026-12-06

const ROSTER: [string, string, LeaderBody][] = [
  ['王建国', '区委书记', 'STANDING_COMMITTEE'],
  ['李明', '区委副书记、区长', 'GOVERNMENT'],
  ['张华', '区人大常委会主任', 'CONGRESS'],
  ['刘芳', '区政协主席', 'CPPCC'],
  ['陈强', '区委副书记', 'STANDING_COMMITTEE'],
  ['赵敏', '区委常委、常务副区长', 'STANDING_COMMITTEE'],
  ['孙伟', '区委常委、组织部部长', 'STANDING_COMMITTEE'],
  ['钱进', '区委常委、区纪委书记、区监委主任', 'STANDING_COMMITTEE'],
  ['周立', '区委常委、宣传部部长', 'STANDING_COMMITTEE'],
  ['吴刚', '区委常委、政法委书记', 'STANDING_COMMITTEE'],
  ['孔明', '区人民法院院长', 'COURT'],
  ['曹阳', '区人民检察院检察长', 'PROCURATORATE'],
  ['郑和平', '区委常委、统战部部长', 'STANDING_COMMITTEE'],
  ['冯雪', '区委常委、区委办主任', 'STANDING_COMMITTEE'],
  ['褚国强', '区委常委、副区长', 'STANDING_COMMITTEE'],
  ['魏然', '区委常委、人武部部长', 'STANDING_COMMITTEE'],
  ['卫东', '区人大常委会副主任', 'CONGRESS'],
  ['蒋兰', '区人大常委会副主任', 'CONGRESS'],
  ['沈洁', '区人大常委会副主任', 'CONGRESS'],
  ['韩松', '区人大常委会副主任', 'CONGRESS'],
  ['陶然', '区人大常委会副主任', 'CONGRESS'],
  ['杨帆', '副区长', 'GOVERNMENT'],
  ['朱琳', '副区长', 'GOVERNMENT'],
  ['秦岭', '副区长', 'GOVERNMENT'],
  ['尤佳', '副区长', 'GOVERNMENT'],
  ['许诺', '副区长、公安分局局长', 'GOVERNMENT'],
  ['姜山', '副区长', 'GOVERNMENT'],
  ['华夏', '区政府党组成员', 'GOVERNMENT'],
  ['何平', '区政协副主席', 'CPPCC'],
  ['吕方', '区政协副主席', 'CPPCC'],
  ['施展', '区政协副主席', 'CPPCC'],
  ['张弛', '区政协副主席', 'CPPCC'],
  ['戚红', '区政协副主席', 'CPPCC'],
  ['金鑫', '区政协秘书长', 'CPPCC'],
  ['严明', '区人大常委会秘书长', 'CONGRESS'],
];

const OFFICE_OF: Record<LeaderBody, string> = {
  STANDING_COMMITTEE: 'PARTY',
  CONGRESS: 'CONGRESS',
  GOVERNMENT: 'GOVERNMENT',
  CPPCC: 'CPPCC',
  COURT: 'PARTY',
  PROCURATORATE: 'PARTY',
};

export function fixtureLeaders(count: number): LeaderInfo[] {
  return ROSTER.slice(0, count).map(([name, title, body], i) => ({
    id: `L${String(i + 1).padStart(2, '0')}`,
    name,
    title,
    body,
    officeCode: OFFICE_OF[body],
    rank: i + 1,
    isPrincipal: i < 4,
    active: true,
  }));
}

interface Spec {
  id: string;
  leaders: string[];
  day: number;
  /** A half-day, exact local times, or (neither) whole days up to `lastDay`. */
  slot?: HalfDay;
  time?: [string, string];
  lastDay?: number;
  kind?: EntryKind;
  title: string;
  place?: string;
  busy?: boolean;
}

const PLACEMENT: Record<HalfDay, [string, string]> = {
  MORNING: ['00:00', '12:00'],
  AFTERNOON: ['12:00', '18:00'],
  EVENING: ['18:00', '24:00'],
};
const SLOT_TIMES: Record<HalfDay, [string, string]> = {
  MORNING: ['08:00', '12:00'],
  AFTERNOON: ['14:00', '18:00'],
  EVENING: ['19:00', '22:00'],
};

function event(spec: Spec, days: string[]): ViewedEvent {
  const date = days[spec.day];
  const endDate = spec.lastDay !== undefined ? days[spec.lastDay] : null;
  const [from, to] = spec.time ?? (spec.slot ? SLOT_TIMES[spec.slot] : ['00:00', '00:00']);
  const start = localTimeToInstant(date, from);
  const end = spec.time || spec.slot ? localTimeToInstant(date, to) : localTimeToInstant(addDays(endDate ?? date, 1), '00:00');
  const entry: PlanEntryData = {
    id: spec.id,
    leaderId: spec.leaders[0],
    date,
    endDate,
    slot: spec.slot ?? null,
    startAt: spec.time ? start : null,
    endAt: spec.time ? end : null,
    kind: spec.kind ?? 'MEETING',
    title: spec.busy ? '忙碌 / Busy' : spec.title,
    place: spec.busy ? '' : (spec.place ?? ''),
    leadOfficeCode: 'PARTY',
    attendeeLeaderIds: spec.leaders.slice(1),
    confidentiality: spec.busy ? 'RESTRICTED' : 'OPEN',
    sessionOf: null,
    note: '',
  };
  return {
    id: spec.id,
    entryIds: [spec.id],
    leaderIds: spec.leaders,
    entry: { ...entry, busy: spec.busy ?? false },
    interval: { start, end },
  };
}

function halfDaysOf(spec: Spec, days: string[]): { date: string; slot: HalfDay }[] {
  if (spec.slot) return [{ date: days[spec.day], slot: spec.slot }];
  if (spec.time) {
    // The printed half-days tile the day: before noon, to 18:00, after.
    const [from, to] = spec.time;
    return HALF_DAYS.filter((slot) => from < PLACEMENT[slot][1] && to > PLACEMENT[slot][0]).map((slot) => ({ date: days[spec.day], slot }));
  }
  const out: { date: string; slot: HalfDay }[] = [];
  for (let d = spec.day; d <= (spec.lastDay ?? spec.day); d++) for (const slot of HALF_DAYS) out.push({ date: days[d], slot });
  return out;
}

// Per-leader weeks, cycled over the leaders after the first few: a plausible mix of work.
const ROUTINE: Omit<Spec, 'id' | 'leaders'>[][] = [
  [
    { day: 1, slot: 'MORNING', kind: 'INSPECTION', title: '调研重点项目建设', place: '高新区' },
    { day: 2, time: ['14:30', '16:30'], title: '分管领域工作例会', place: '区政府三号会议室' },
    { day: 4, slot: 'MORNING', kind: 'RECEPTION', title: '接待市考核组', place: '区行政中心' },
  ],
  [
    { day: 1, slot: 'AFTERNOON', title: '安全生产专题会议', place: '区应急管理局' },
    { day: 3, lastDay: 4, kind: 'TRIP', title: '赴省城参加专题培训', place: '省委党校' },
  ],
  [
    { day: 2, slot: 'MORNING', kind: 'INSPECTION', title: '督导信访积案化解', place: '区信访局' },
    { day: 2, slot: 'EVENING', title: '忙碌', busy: true },
    { day: 5, slot: 'MORNING', kind: 'OTHER', title: '值班带班', place: '区总值班室' },
  ],
  [
    { day: 1, time: ['09:00', '11:30'], kind: 'CONFERENCE', title: '全区优化营商环境推进大会', place: '区会议中心' },
    { day: 3, kind: 'INSPECTION', title: '检查冬季供暖保障', place: '各街道' },
  ],
];

export function fixtureSource(count: number, paper: PaperSize = 'A4'): WeeklyTableSource {
  const leaders = fixtureLeaders(count);
  const days = weekDays(FIXTURE_WEEK);
  const id = (i: number) => leaders[i].id;
  const standing = leaders.filter((l) => l.body === 'STANDING_COMMITTEE' || l.rank === 2).map((l) => l.id);
  const specs: Spec[] = [
    { id: 'e-scm', leaders: standing, day: 0, time: ['08:30', '11:30'], title: '区委常委会会议', place: '区委一号会议室' },
    { id: 'e-econ', leaders: [id(0), id(1)], day: 0, slot: 'AFTERNOON', title: '全区经济工作会议', place: '区会议中心' },
    {
      id: 'e-w-visit',
      leaders: [id(0)],
      day: 1,
      time: ['09:00', '11:00'],
      kind: 'RECEPTION',
      title: '会见省发改委调研组',
      place: '区委二号会议室',
    },
    // Acknowledged conflict: 王建国 booked twice on Tuesday morning.
    {
      id: 'e-w-clash',
      leaders: [id(0)],
      day: 1,
      time: ['10:30', '12:00'],
      kind: 'INSPECTION',
      title: '调研清河热力公司',
      place: '清河热力公司',
    },
    { id: 'e-w-trip', leaders: [id(0)], day: 3, lastDay: 4, kind: 'TRIP', title: '赴省委参加全省经济工作会议', place: '省城' },
    { id: 'e-w-busy', leaders: [id(0)], day: 2, slot: 'AFTERNOON', title: '', busy: true },
    { id: 'e-l-gov', leaders: [id(1)], day: 1, slot: 'AFTERNOON', title: '区政府常务会议', place: '区政府三号会议室' },
    { id: 'e-l-evening', leaders: [id(1)], day: 2, time: ['19:30', '21:00'], title: '防汛防冻专题调度会', place: '区应急指挥中心' },
    {
      id: 'e-z-session',
      leaders: [id(2), ...(count > 16 ? [id(16), id(17)] : [])],
      day: 1,
      kind: 'CONFERENCE',
      title: '区人大常委会第二十三次会议',
      place: '区人大常委会会议室',
    },
    { id: 'e-liu-cppcc', leaders: [id(3)], day: 2, slot: 'MORNING', kind: 'CONFERENCE', title: '区政协常委会议', place: '区政协会议室' },
    { id: 'e-liu-leave', leaders: [id(3)], day: 5, lastDay: 6, kind: 'LEAVE', title: '休假' },
  ];
  // Leaders 5 and up follow the routines; the second-to-last did not report at all, the last
  // did not report but is listed by a colleague's joint event.
  const notReported = new Set([leaders[count - 2].id, leaders[count - 1].id]);
  for (let i = 4; i < count - 2; i++) {
    ROUTINE[i % ROUTINE.length].forEach((r, k) => specs.push({ ...r, id: `e-${i}-${k}`, leaders: [id(i)] }));
  }
  specs.push({
    id: 'e-joint-late',
    leaders: [id(4), id(count - 1)],
    day: 4,
    slot: 'AFTERNOON',
    kind: 'INSPECTION',
    title: '联合督查民生实事项目',
    place: '城南街道',
  });

  const events = specs.map((spec) => ({ event: event(spec, days), halfDays: halfDaysOf(spec, days) }));
  const byId = new Map(events.map((e) => [e.event.id, e.event.entry]));
  const removed: PlanEntryData = {
    ...(byId.get('e-econ') as PlanEntryData),
    id: 'e-cancelled',
    date: days[2],
    slot: 'MORNING',
    title: '区长办公会',
    attendeeLeaderIds: [],
    leaderId: id(1),
  };
  return {
    districtName: '清河区',
    paper,
    week: FIXTURE_WEEK,
    revision: { number: 2, publishedAt: new Date('2026-11-27T09:30:00Z') },
    leaders,
    submitted: new Set(leaders.map((l) => l.id).filter((l) => !notReported.has(l))),
    events,
    changes: { added: new Set(['e-w-clash', 'e-l-evening']), changed: new Set(['e-econ']), removed: [{ entry: removed, busy: false }] },
    acknowledgements: [
      {
        kind: 'LEADER_DOUBLE_BOOKED',
        key: 'LEADER_DOUBLE_BOOKED:e-w-clash+e-w-visit',
        entryIds: ['e-w-clash', 'e-w-visit'],
        leaderIds: [id(0)],
        message: '',
        note: '会见结束后赴热力公司，调研推迟至 11:00 开始',
      },
    ],
  };
}
