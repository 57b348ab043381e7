import type { Conflict, LeaderInfo } from '../../domain/types';
import { CONFLICT_KIND_ORDER, detectConflicts } from './detect-conflicts';
import { at, entry, LEADERS } from '../../utils/test-fixtures';

const summary = (conflicts: Conflict[]) => conflicts.map((c) => ({ kind: c.kind, entryIds: c.entryIds, leaderIds: c.leaderIds }));
const exact = (date: string, from: string, to: string) => ({
  slot: null,
  startAt: at(date, from),
  endAt: at(date, to),
});

describe('detectConflicts: LEADER_DOUBLE_BOOKED', () => {
  it('reports a leader in two overlapping events, with a bilingual message naming both', () => {
    const conflicts = detectConflicts(
      [
        entry({ id: 'e2', leaderId: 'wang', title: '常委会', slot: 'MORNING' }),
        entry({
          id: 'e1',
          leaderId: 'wang',
          title: '调研',
          kind: 'INSPECTION',
          ...exact('2026-11-24', '09:00', '11:00'),
        }),
      ],
      LEADERS,
    );
    expect(summary(conflicts)).toEqual([{ kind: 'LEADER_DOUBLE_BOOKED', entryIds: ['e1', 'e2'], leaderIds: ['wang'] }]);
    expect(conflicts[0].key).toBe('LEADER_DOUBLE_BOOKED:e1+e2');
    expect(conflicts[0].message).toBe(
      '王建国 同时安排了「常委会」(11月24日 上午)与「调研」(11月24日 09:00–11:00) / ' +
        '王建国 is booked twice: "常委会" (24 Nov morning) and "调研" (24 Nov 09:00–11:00)',
    );
  });

  it('counts attendees, and names every shared leader in rank order', () => {
    const conflicts = detectConflicts(
      [
        entry({
          id: 'gov',
          leaderId: 'li',
          title: '政府常务会议',
          leadOfficeCode: 'GOVERNMENT',
          attendeeLeaderIds: ['zhao', 'sun'],
        }),
        entry({ id: 'insp', leaderId: 'sun', title: '基层党建调研', kind: 'INSPECTION', attendeeLeaderIds: ['zhao'] }),
      ],
      LEADERS,
    );
    expect(summary(conflicts)).toEqual([{ kind: 'LEADER_DOUBLE_BOOKED', entryIds: ['gov', 'insp'], leaderIds: ['zhao', 'sun'] }]);
    expect(conflicts[0].message).toContain('赵敏、孙伟 同时安排了');
    expect(conflicts[0].message).toContain('赵敏, 孙伟 are booked twice');
  });

  it('does not report joint duplicates of one event, back-to-back events or different leaders', () => {
    const conflicts = detectConflicts(
      [
        entry({ id: 'a', leaderId: 'wang', title: '常委会', attendeeLeaderIds: ['chen'] }),
        entry({ id: 'b', leaderId: 'chen', title: '常委会 ', attendeeLeaderIds: ['wang'] }),
        entry({ id: 'c', leaderId: 'wang', title: '工作午餐', ...exact('2026-11-24', '12:00', '13:00') }),
        entry({ id: 'd', leaderId: 'li', title: '项目调度会', leadOfficeCode: 'GOVERNMENT' }),
      ],
      LEADERS,
    );
    expect(conflicts).toEqual([]);
  });

  it('treats a trip as a booking', () => {
    const conflicts = detectConflicts(
      [
        entry({ id: 'trip', leaderId: 'li', kind: 'TRIP', title: '赴省发改委汇报', slot: null }),
        entry({ id: 'mtg', leaderId: 'li', title: '政府常务会议', slot: 'AFTERNOON', leadOfficeCode: 'GOVERNMENT' }),
      ],
      LEADERS,
    );
    expect(summary(conflicts)).toEqual([{ kind: 'LEADER_DOUBLE_BOOKED', entryIds: ['mtg', 'trip'], leaderIds: ['li'] }]);
  });
});

describe('detectConflicts: LEADER_ON_LEAVE', () => {
  it('reports an owner on leave instead of a double booking', () => {
    const conflicts = detectConflicts(
      [
        entry({ id: 'leave', leaderId: 'wang', kind: 'LEAVE', title: '休假', slot: null, endDate: '2026-11-25' }),
        entry({ id: 'mtg', leaderId: 'wang', title: '常委会', date: '2026-11-25', slot: 'MORNING' }),
      ],
      LEADERS,
    );
    expect(summary(conflicts)).toEqual([{ kind: 'LEADER_ON_LEAVE', entryIds: ['leave', 'mtg'], leaderIds: ['wang'] }]);
    expect(conflicts[0].message).toBe(
      '王建国 请假期间(11月24日至11月25日 全天)被安排参加「常委会」(11月25日 上午) / ' +
        '王建国 is on leave (24 Nov to 25 Nov, all day) but listed for "常委会" (25 Nov morning)',
    );
  });

  it('reports an attendee on leave, and ignores events outside the leave', () => {
    const conflicts = detectConflicts(
      [
        entry({ id: 'leave', leaderId: 'chen', kind: 'LEAVE', title: '病假', slot: 'MORNING' }),
        entry({ id: 'am', leaderId: 'wang', title: '常委会', slot: 'MORNING', attendeeLeaderIds: ['chen', 'sun'] }),
        entry({ id: 'pm', leaderId: 'wang', title: '干部大会', slot: 'AFTERNOON', attendeeLeaderIds: ['chen'] }),
      ],
      LEADERS,
    );
    expect(summary(conflicts)).toEqual([{ kind: 'LEADER_ON_LEAVE', entryIds: ['am', 'leave'], leaderIds: ['chen'] }]);
  });
});

describe('detectConflicts: JOINT_EVENT_MISMATCH', () => {
  it('reports one conflict per group listing each differing value with who entered it', () => {
    const conflicts = detectConflicts(
      [
        entry({
          id: 'a',
          leaderId: 'wang',
          title: '常委会',
          slot: 'MORNING',
          place: '区委一号会议室',
          attendeeLeaderIds: ['chen', 'sun'],
        }),
        entry({
          id: 'b',
          leaderId: 'chen',
          title: '常委会',
          slot: 'AFTERNOON',
          place: '区委二号会议室',
          attendeeLeaderIds: ['wang'],
        }),
        entry({
          id: 'c',
          leaderId: 'sun',
          title: '常委会',
          slot: 'MORNING',
          place: ' 区委一号会议室',
          attendeeLeaderIds: ['wang'],
        }),
      ],
      LEADERS,
    );
    expect(summary(conflicts)).toEqual([{ kind: 'JOINT_EVENT_MISMATCH', entryIds: ['a', 'b', 'c'], leaderIds: ['wang', 'chen', 'sun'] }]);
    expect(conflicts[0].message).toBe(
      '联合活动「常委会」(11月24日) 各方登记不一致：' +
        '时间 11月24日 上午（王建国、孙伟） / 11月24日 下午（陈强）；地点 区委一号会议室（王建国、孙伟） / 区委二号会议室（陈强） / ' +
        'Joint event "常委会" (24 Nov) is entered inconsistently: ' +
        'time 24 Nov morning (王建国, 孙伟) / 24 Nov afternoon (陈强); place 区委一号会议室 (王建国, 孙伟) / 区委二号会议室 (陈强)',
    );
  });

  it('lists only the dimension that differs, including exact times', () => {
    const conflicts = detectConflicts(
      [
        entry({
          id: 'a',
          leaderId: 'wang',
          title: '全区经济工作会议',
          ...exact('2026-11-24', '09:00', '11:00'),
          attendeeLeaderIds: ['li'],
        }),
        entry({
          id: 'b',
          leaderId: 'li',
          title: '全区经济工作会议',
          ...exact('2026-11-24', '09:00', '11:30'),
          attendeeLeaderIds: ['wang'],
        }),
      ],
      LEADERS,
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].message).toContain('时间 11月24日 09:00–11:00（王建国） / 11月24日 09:00–11:30（李明）');
    expect(conflicts[0].message).not.toContain('地点');
  });

  it('ignores spacing and full-width punctuation in places, and an end date equal to the date', () => {
    const conflicts = detectConflicts(
      [
        entry({
          id: 'a',
          leaderId: 'wang',
          title: '常委会',
          place: '区委一号会议室（三楼）',
          attendeeLeaderIds: ['chen'],
        }),
        entry({
          id: 'b',
          leaderId: 'chen',
          title: '常委会',
          place: '区委一号会议室 (三楼)',
          endDate: '2026-11-24',
          attendeeLeaderIds: ['wang'],
        }),
      ],
      LEADERS,
    );
    expect(conflicts).toEqual([]);
  });
});

describe('detectConflicts: ALL_PRINCIPALS_AWAY', () => {
  it('reports the exact window where every principal is away, with only the entries covering it', () => {
    const conflicts = detectConflicts(
      [
        entry({
          id: 'wang-trip',
          leaderId: 'wang',
          kind: 'TRIP',
          title: '赴京汇报',
          slot: null,
          date: '2026-11-24',
          endDate: '2026-11-26',
        }),
        entry({ id: 'li-leave', leaderId: 'li', kind: 'LEAVE', title: '年休假', slot: null, date: '2026-11-25' }),
        entry({
          id: 'zhang-trip',
          leaderId: 'zhang',
          kind: 'TRIP',
          title: '外出考察',
          slot: null,
          startAt: at('2026-11-25', '10:00'),
          endAt: at('2026-11-27', '10:00'),
        }),
        // Two touching leaves are one continuous absence.
        entry({ id: 'liu-leave-1', leaderId: 'liu', kind: 'LEAVE', title: '事假', slot: null, date: '2026-11-24' }),
        entry({ id: 'liu-leave-2', leaderId: 'liu', kind: 'LEAVE', title: '事假', slot: null, date: '2026-11-25' }),
      ],
      LEADERS,
    );
    expect(summary(conflicts)).toEqual([
      {
        kind: 'ALL_PRINCIPALS_AWAY',
        entryIds: ['li-leave', 'liu-leave-2', 'wang-trip', 'zhang-trip'],
        leaderIds: ['wang', 'li', 'zhang', 'liu'],
      },
    ]);
    expect(conflicts[0].message).toBe(
      '主要领导（王建国、李明、张华、刘芳）11月25日 10:00 至 11月25日 24:00 均不在岗' +
        '（王建国：「赴京汇报」；李明：「年休假」；张华：「外出考察」；刘芳：「事假」） / ' +
        'All principal leaders (王建国, 李明, 张华, 刘芳) are away from 25 Nov 10:00 to 25 Nov 24:00 ' +
        '(王建国: "赴京汇报"; 李明: "年休假"; 张华: "外出考察"; 刘芳: "事假")',
    );
  });

  it('counts principals travelling as attendees and reports separate windows separately', () => {
    const trip = (id: string, date: string) =>
      entry({
        id,
        leaderId: 'li',
        kind: 'TRIP',
        title: '招商考察',
        slot: 'MORNING',
        date,
        attendeeLeaderIds: ['wang', 'zhang', 'liu'],
      });
    const conflicts = detectConflicts([trip('t1', '2026-11-24'), trip('t2', '2026-11-26')], LEADERS);
    expect(conflicts.filter((c) => c.kind === 'ALL_PRINCIPALS_AWAY').map((c) => c.entryIds)).toEqual([['t1'], ['t2']]);
  });

  it('needs every principal away at the same moment', () => {
    const away = (id: string, leaderId: string, slot: 'MORNING' | 'AFTERNOON') =>
      entry({ id, leaderId, kind: 'TRIP', title: '外出', slot });
    // Three of four away all morning; the fourth leaves only in the afternoon.
    expect(
      detectConflicts(
        [away('a', 'wang', 'MORNING'), away('b', 'li', 'MORNING'), away('c', 'zhang', 'MORNING'), away('d', 'liu', 'AFTERNOON')],
        LEADERS,
      ),
    ).toEqual([]);
  });

  it('treats one principal returning as another leaves as no overlap', () => {
    const two: LeaderInfo[] = LEADERS.map((l) => ({ ...l, isPrincipal: l.id === 'wang' || l.id === 'li' }));
    const conflicts = detectConflicts(
      [
        entry({ id: 'a', leaderId: 'wang', kind: 'TRIP', title: '外出', ...exact('2026-11-24', '08:00', '12:00') }),
        entry({ id: 'b', leaderId: 'li', kind: 'TRIP', title: '外出', ...exact('2026-11-24', '12:00', '18:00') }),
      ],
      two,
    );
    expect(conflicts).toEqual([]);
  });

  it('reports nothing when the district has no principals', () => {
    const none = LEADERS.map((l) => ({ ...l, isPrincipal: false }));
    expect(detectConflicts([entry({ id: 'a', leaderId: 'wang', kind: 'LEAVE', title: '休假', slot: null })], none)).toEqual([]);
  });
});

describe('detectConflicts: SESSION_CLASH', () => {
  const session = entry({
    id: 'sc',
    leaderId: 'wang',
    title: '区委常委会第45次会议',
    sessionOf: 'STANDING_COMMITTEE',
    attendeeLeaderIds: ['zhao', 'sun'],
  });

  it('reports a session against another body’s meeting sharing a leader, instead of a double booking', () => {
    const conflicts = detectConflicts(
      [
        session,
        entry({
          id: 'gov',
          leaderId: 'li',
          title: '政府常务会议',
          leadOfficeCode: 'GOVERNMENT',
          ...exact('2026-11-24', '10:00', '11:30'),
          attendeeLeaderIds: ['zhao'],
        }),
      ],
      LEADERS,
    );
    expect(summary(conflicts)).toEqual([{ kind: 'SESSION_CLASH', entryIds: ['gov', 'sc'], leaderIds: ['zhao'] }]);
    expect(conflicts[0].message).toBe(
      '会议冲突：赵敏 需出席区委常委会会议「区委常委会第45次会议」(11月24日 上午)，同时又安排了区政府的「政府常务会议」(11月24日 10:00–11:30) / ' +
        'Session clash: 赵敏 must attend the session of the Standing Committee "区委常委会第45次会议" (24 Nov morning) ' +
        'but is also listed for the Government\'s "政府常务会议" (24 Nov 10:00–11:30)',
    );
  });

  it('reports two sessions of different bodies sharing a leader', () => {
    const conflicts = detectConflicts(
      [
        entry({
          id: 'npc',
          leaderId: 'zhang',
          title: '人大常委会会议',
          sessionOf: 'CONGRESS',
          leadOfficeCode: 'CONGRESS',
          attendeeLeaderIds: ['wang'],
        }),
        entry({
          id: 'cppcc',
          leaderId: 'liu',
          title: '政协常委会议',
          sessionOf: 'CPPCC',
          leadOfficeCode: 'CPPCC',
          attendeeLeaderIds: ['wang'],
        }),
      ],
      LEADERS,
    );
    expect(summary(conflicts)).toEqual([{ kind: 'SESSION_CLASH', entryIds: ['cppcc', 'npc'], leaderIds: ['wang'] }]);
  });

  it.each([
    ['a meeting of the same body', { kind: 'MEETING', leadOfficeCode: 'PARTY' }],
    ['a reception-office meeting (no body)', { kind: 'MEETING', leadOfficeCode: 'RECEPTION' }],
    ['another body’s inspection (not a meeting)', { kind: 'INSPECTION', leadOfficeCode: 'GOVERNMENT' }],
  ] as const)('reports %s as a double booking', (_, other) => {
    const conflicts = detectConflicts([session, entry({ id: 'x', leaderId: 'sun', title: '座谈', ...other })], LEADERS);
    expect(summary(conflicts)).toEqual([{ kind: 'LEADER_DOUBLE_BOOKED', entryIds: ['sc', 'x'], leaderIds: ['sun'] }]);
  });

  it('needs a shared leader', () => {
    const conflicts = detectConflicts(
      [session, entry({ id: 'gov', leaderId: 'li', title: '政府常务会议', leadOfficeCode: 'GOVERNMENT' })],
      LEADERS,
    );
    expect(conflicts).toEqual([]);
  });
});

describe('detectConflicts: output', () => {
  const week = [
    entry({ id: 'w-leave', leaderId: 'wang', kind: 'LEAVE', title: '休假', slot: null, date: '2026-11-26' }),
    entry({ id: 'w-mtg', leaderId: 'wang', title: '专题会', date: '2026-11-26', slot: 'AFTERNOON' }),
    entry({
      id: 'sc',
      leaderId: 'wang',
      title: '常委会',
      sessionOf: 'STANDING_COMMITTEE',
      attendeeLeaderIds: ['zhao', 'chen'],
    }),
    entry({
      id: 'gov',
      leaderId: 'li',
      title: '政府常务会议',
      leadOfficeCode: 'GOVERNMENT',
      attendeeLeaderIds: ['zhao'],
    }),
    entry({ id: 'c-sc', leaderId: 'chen', title: '常委会', slot: 'AFTERNOON', attendeeLeaderIds: ['wang'] }),
    entry({ id: 'c-insp', leaderId: 'chen', title: '调研', kind: 'INSPECTION', slot: 'MORNING' }),
    ...['li', 'zhang', 'liu'].map((id) =>
      entry({ id: `${id}-trip`, leaderId: id, kind: 'TRIP', title: '出差', slot: null, date: '2026-11-26' }),
    ),
  ];

  it('is sorted by kind, then key, and covers every kind', () => {
    const conflicts = detectConflicts(week, LEADERS);
    expect(conflicts.map((c) => c.kind)).toEqual([
      'LEADER_DOUBLE_BOOKED',
      'JOINT_EVENT_MISMATCH',
      'ALL_PRINCIPALS_AWAY',
      'LEADER_ON_LEAVE',
      'SESSION_CLASH',
    ]);
    expect([...new Set(conflicts.map((c) => c.kind))]).toEqual(CONFLICT_KIND_ORDER);
  });

  it('gives the same keys whatever the order of unrelated entries', () => {
    const keys = (c: Conflict[]) => c.map((x) => [x.key, x.entryIds, x.leaderIds]);
    // Creation order within the joint group (sc before c-sc) decides its canonical timing, so
    // only that pair keeps its relative order.
    const shuffled = [8, 3, 0, 2, 6, 5, 1, 4, 7].map((i) => week[i]);
    expect(shuffled.map((e) => e.id).indexOf('sc')).toBeLessThan(shuffled.map((e) => e.id).indexOf('c-sc'));
    expect(keys(detectConflicts(shuffled, LEADERS))).toEqual(keys(detectConflicts(week, LEADERS)));
    expect(keys(detectConflicts(week, [...LEADERS].reverse()))).toEqual(keys(detectConflicts(week, LEADERS)));
  });

  it('times a joint event by its first-created entry', () => {
    // c-sc first: the joint 常委会 is now an afternoon event, clear of the morning bookings.
    const reordered = [week[4], ...week.filter((_, i) => i !== 4)];
    const kinds = detectConflicts(reordered, LEADERS).map((c) => c.kind);
    expect(kinds).not.toContain('SESSION_CLASH');
    expect(kinds).toContain('JOINT_EVENT_MISMATCH');
  });

  it('returns nothing for an empty week', () => {
    expect(detectConflicts([], LEADERS)).toEqual([]);
  });
});
