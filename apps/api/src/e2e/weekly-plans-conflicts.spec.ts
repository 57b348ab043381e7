import { ManualClock } from '@siban/clock';
import { databaseKinds, gqlError, gqlOk } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';
import { enterPlan, leaderIds, MERGED, savePlan, shanghai } from '../test/weekly-plans';

// Every conflict kind, entered over the API by the four offices' secretaries into one week
// (2026-W48: Mon 11-23 .. Sun 11-29), and a second week (W49) of near misses that are not conflicts.
const W48 = '2026-W48';
const W49 = '2026-W49';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe.each(databaseKinds())('conflicts in the merged weekly schedule on %s', (kind) => {
  let t: TestApp;
  let ids: Record<string, string>;
  let merged: any;
  /** Entry ids of W48 by title, and by "leader:title". */
  const entry: Record<string, string> = {};
  const clock = new ManualClock('2026-11-18T02:00:00Z');

  const byKind = (k: string) => merged.conflicts.filter((c: any) => c.kind === k);
  const keyOf = (k: string, titles: string[]) =>
    `${k}:${titles
      .map((title) => entry[title])
      .sort()
      .join('+')}`;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    ids = await leaderIds(t);
    const [party, gov, congress, cppcc] = await Promise.all(
      ['party.sec', 'gov.sec', 'congress.sec', 'cppcc.sec'].map((u) => t.tokenFor(u)),
    );
    const remember = (plan: any) =>
      plan.entries.forEach((e: any) => {
        entry[e.title] = e.id;
        entry[`${plan.leader.name}:${e.title}`] = e.id;
      });

    // Order matters for joint events: the first entry created is the canonical one.
    remember(
      await enterPlan(t, party, ids['王建国'], W48, [
        // A joint event that the government office enters with another place.
        {
          date: '2026-11-24',
          slot: 'AFTERNOON',
          kind: 'MEETING',
          title: '全区经济工作会议',
          place: '区会议中心一楼报告厅',
          leadOfficeCode: 'PARTY',
          attendeeLeaderIds: [ids['李明']],
        },
        { date: '2026-11-26', endDate: '2026-11-27', kind: 'TRIP', title: '赴省委党校学习', place: '省委党校', leadOfficeCode: 'PARTY' },
      ]),
    );
    remember(
      await enterPlan(t, party, ids['陈强'], W48, [
        // 赵敏 attends while on leave.
        {
          date: '2026-11-23',
          slot: 'MORNING',
          kind: 'MEETING',
          title: '安全生产工作调度会',
          place: '区应急指挥中心',
          leadOfficeCode: 'PARTY',
          attendeeLeaderIds: [ids['赵敏']],
        },
        // Booked twice on Wednesday morning.
        { date: '2026-11-25', slot: 'MORNING', kind: 'MEETING', title: '信访工作专题会', place: '区委二号会议室', leadOfficeCode: 'PARTY' },
        {
          date: '2026-11-25',
          startAt: shanghai('2026-11-25', '09:30'),
          endAt: shanghai('2026-11-25', '11:00'),
          kind: 'INSPECTION',
          title: '重点项目现场调研',
          place: '高新区',
          leadOfficeCode: 'PARTY',
        },
      ]),
    );
    remember(
      await enterPlan(t, party, ids['郑磊'], W48, [
        // A Party-led meeting that pulls 周静 away from the Congress session.
        {
          date: '2026-11-26',
          startAt: shanghai('2026-11-26', '09:00'),
          endAt: shanghai('2026-11-26', '11:00'),
          kind: 'MEETING',
          title: '全区政法工作会议',
          place: '区委一号会议室',
          leadOfficeCode: 'PARTY',
          attendeeLeaderIds: [ids['周静']],
        },
      ]),
    );
    remember(
      await enterPlan(t, gov, ids['李明'], W48, [
        // Same event as 王建国's, typed differently (spacing), at another place.
        {
          date: '2026-11-24',
          slot: 'AFTERNOON',
          kind: 'MEETING',
          title: '全区 经济工作会议',
          place: '区政府常务会议室',
          leadOfficeCode: 'PARTY',
          attendeeLeaderIds: [ids['王建国']],
        },
        { date: '2026-11-27', kind: 'LEAVE', title: '病假', leadOfficeCode: 'GOVERNMENT' },
      ]),
    );
    remember(
      await enterPlan(t, gov, ids['赵敏'], W48, [{ date: '2026-11-23', kind: 'LEAVE', title: '事假', leadOfficeCode: 'GOVERNMENT' }]),
    );
    remember(
      await enterPlan(t, congress, ids['张华'], W48, [
        {
          date: '2026-11-25',
          slot: 'MORNING',
          kind: 'INSPECTION',
          title: '视察民生实事项目',
          place: '清河街道',
          leadOfficeCode: 'CONGRESS',
          attendeeLeaderIds: [ids['刘芳']],
        },
        {
          date: '2026-11-27',
          slot: 'AFTERNOON',
          kind: 'TRIP',
          title: '赴市人大汇报工作',
          place: '市人大常委会',
          leadOfficeCode: 'CONGRESS',
        },
      ]),
    );
    remember(
      await enterPlan(t, congress, ids['周静'], W48, [
        {
          date: '2026-11-26',
          slot: 'MORNING',
          kind: 'MEETING',
          title: '区人大常委会第三十次会议',
          place: '区人大常委会会议室',
          leadOfficeCode: 'CONGRESS',
          sessionOf: 'CONGRESS',
        },
      ]),
    );
    remember(
      await enterPlan(t, cppcc, ids['刘芳'], W48, [
        // Same inspection as 张华's, entered for the afternoon.
        {
          date: '2026-11-25',
          slot: 'AFTERNOON',
          kind: 'INSPECTION',
          title: '视察民生实事项目',
          place: '清河街道',
          leadOfficeCode: 'CONGRESS',
          attendeeLeaderIds: [ids['张华']],
        },
        {
          date: '2026-11-27',
          startAt: shanghai('2026-11-27', '13:00'),
          endAt: shanghai('2026-11-27', '20:00'),
          kind: 'TRIP',
          title: '赴外区考察学习',
          place: '邻区',
          leadOfficeCode: 'CPPCC',
        },
      ]),
    );
    // A draft is not merged: its double booking is no conflict yet.
    await savePlan(t, cppcc, ids['吴涛'], W48, [
      { date: '2026-11-24', slot: 'MORNING', kind: 'MEETING', title: '政协主席会议', place: '区政协会议室', leadOfficeCode: 'CPPCC' },
      { date: '2026-11-24', slot: 'MORNING', kind: 'INSPECTION', title: '委员工作室调研', place: '南城街道', leadOfficeCode: 'CPPCC' },
    ]);

    merged = (await gqlOk(t.url, await t.tokenFor('party.coord'), MERGED, { week: W48 })).mergedSchedule;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds each kind of conflict, and nothing else', () => {
    expect(merged.conflicts.map((c: any) => c.kind)).toEqual([
      'LEADER_DOUBLE_BOOKED',
      'JOINT_EVENT_MISMATCH',
      'JOINT_EVENT_MISMATCH',
      'ALL_PRINCIPALS_AWAY',
      'LEADER_ON_LEAVE',
      'SESSION_CLASH',
    ]);
    for (const conflict of merged.conflicts) {
      // Readable: names and titles, never the ids behind them; no note before publication.
      expect(conflict.message).not.toMatch(UUID);
      expect(conflict.note).toBeNull();
      expect(conflict.key).toBe(`${conflict.kind}:${[...conflict.entryIds].sort().join('+')}`);
    }
    expect(JSON.stringify(merged)).not.toContain('政协主席会议');
  });

  it('LEADER_DOUBLE_BOOKED: one leader in two overlapping engagements', () => {
    const [conflict] = byKind('LEADER_DOUBLE_BOOKED');
    expect(conflict.key).toBe(keyOf('LEADER_DOUBLE_BOOKED', ['信访工作专题会', '重点项目现场调研']));
    expect(conflict.message).toContain('陈强');
    expect(conflict.message).toContain('「信访工作专题会」(11月25日 上午)');
    expect(conflict.message).toContain('「重点项目现场调研」(11月25日 09:30–11:00)');
  });

  it('JOINT_EVENT_MISMATCH: one event entered by two offices with a different place or time', () => {
    // Within a kind conflicts sort by key, i.e. by entry ids: pick them by entry.
    const mismatches = byKind('JOINT_EVENT_MISMATCH');
    const place = mismatches.find((c: any) => c.entryIds.includes(entry['全区经济工作会议']));
    const time = mismatches.find((c: any) => c.entryIds.includes(entry['张华:视察民生实事项目']));
    expect(place.key).toBe(keyOf('JOINT_EVENT_MISMATCH', ['全区经济工作会议', '全区 经济工作会议']));
    expect(place.message).toContain('联合活动「全区经济工作会议」(11月24日)');
    expect(place.message).toContain('地点 区会议中心一楼报告厅（王建国） / 区政府常务会议室（李明）');
    expect(place.message).not.toContain('时间');

    expect(time.key).toBe(keyOf('JOINT_EVENT_MISMATCH', ['张华:视察民生实事项目', '刘芳:视察民生实事项目']));
    expect(time.message).toContain('联合活动「视察民生实事项目」(11月25日)');
    expect(time.message).toContain('时间 11月25日 上午（张华） / 11月25日 下午（刘芳）');
    expect(time.message).not.toContain('地点');
  });

  it('merges a joint event into one event with all its leaders', () => {
    const economy = merged.events.filter((e: any) => e.entryIds.includes(entry['全区经济工作会议']));
    expect(economy).toHaveLength(1);
    expect(economy[0]).toMatchObject({
      id: entry['全区经济工作会议'],
      entryIds: [entry['全区经济工作会议'], entry['全区 经济工作会议']],
      leaders: [{ name: '王建国' }, { name: '李明' }],
      entry: { title: '全区经济工作会议', place: '区会议中心一楼报告厅', leader: { name: '王建国' } },
      startsAt: shanghai('2026-11-24', '14:00'),
      endsAt: shanghai('2026-11-24', '18:00'),
    });
    expect(merged.events.filter((e: any) => e.entryIds.includes(entry['全区 经济工作会议']))).toHaveLength(1);
    const inspection = merged.events.filter((e: any) => e.entry.title === '视察民生实事项目');
    expect(inspection).toHaveLength(1);
    expect(inspection[0].leaders).toEqual([{ name: '张华' }, { name: '刘芳' }]);
    expect(inspection[0].entryIds).toEqual([entry['张华:视察民生实事项目'], entry['刘芳:视察民生实事项目']]);
    // 14 submitted entries, two pairs of them joint; the draft is not there.
    expect(merged.events).toHaveLength(12);
    const tuesday = merged.days.find((d: any) => d.date === '2026-11-24');
    const afternoon = tuesday.slots.find((s: any) => s.slot === 'AFTERNOON');
    expect(afternoon.events.map((e: any) => e.entry.title)).toEqual(['全区经济工作会议']);
    // A multi-day trip is a whole-day event on each of its days.
    for (const date of ['2026-11-26', '2026-11-27']) {
      const day = merged.days.find((d: any) => d.date === date);
      expect(day.allDay.map((e: any) => e.entry.title)).toContain('赴省委党校学习');
    }
  });

  it('ALL_PRINCIPALS_AWAY: the four principal leaders all on trips or leave at once', () => {
    const [conflict] = byKind('ALL_PRINCIPALS_AWAY');
    expect(conflict.key).toBe(keyOf('ALL_PRINCIPALS_AWAY', ['赴省委党校学习', '病假', '赴市人大汇报工作', '赴外区考察学习']));
    // Only Friday 14:00-18:00 has all four away (张华's afternoon trip is the shortest).
    expect(conflict.message).toContain('主要领导（王建国、李明、张华、刘芳）11月27日 14:00 至 11月27日 18:00 均不在岗');
    for (const reason of ['王建国：「赴省委党校学习」', '李明：「病假」', '张华：「赴市人大汇报工作」', '刘芳：「赴外区考察学习」']) {
      expect(conflict.message).toContain(reason);
    }
  });

  it('LEADER_ON_LEAVE: a leader on leave is listed for an event', () => {
    const [conflict] = byKind('LEADER_ON_LEAVE');
    expect(conflict.key).toBe(keyOf('LEADER_ON_LEAVE', ['事假', '安全生产工作调度会']));
    expect(conflict.message).toContain('赵敏 请假期间(11月23日 全天)被安排参加「安全生产工作调度会」(11月23日 上午)');
  });

  it('SESSION_CLASH: a Congress session and a Party-led meeting share a leader', () => {
    const [conflict] = byKind('SESSION_CLASH');
    expect(conflict.key).toBe(keyOf('SESSION_CLASH', ['区人大常委会第三十次会议', '全区政法工作会议']));
    expect(conflict.message).toContain('周静 需出席区人大常委会会议「区人大常委会第三十次会议」(11月26日 上午)');
    expect(conflict.message).toContain('区委常委会的「全区政法工作会议」(11月26日 09:00–11:00)');
    // Not also reported as a plain double booking.
    expect(byKind('LEADER_DOUBLE_BOOKED').some((c: any) => c.entryIds.includes(entry['全区政法工作会议']))).toBe(false);
  });

  it('gives the same keys on every reading, and the merged schedule only to coordinators', async () => {
    const again = (await gqlOk(t.url, await t.tokenFor('party.coord'), MERGED, { week: W48 })).mergedSchedule;
    expect(again.conflicts).toEqual(merged.conflicts);
    for (const username of ['party.sec', 'gov.sec', 'party.director', 'reception.staff', 'leader.wang']) {
      expect((await gqlError(t.url, await t.tokenFor(username), MERGED, { week: W48 })).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await gqlError(t.url, await t.tokenFor('party.coord'), MERGED, { week: '2026-48' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'week',
    });
  });

  it('reports no conflict for near misses', async () => {
    const [party, gov, congress] = await Promise.all(['party.sec', 'gov.sec', 'congress.sec'].map((u) => t.tokenFor(u)));
    await enterPlan(t, party, ids['王建国'], W49, [
      // Joint with 陈强's entry below, typed with other spacing and full-width punctuation: consistent.
      {
        date: '2026-11-30',
        slot: 'MORNING',
        kind: 'MEETING',
        title: '区委常委会（扩大）会议',
        place: '区委一号会议室（A座）',
        leadOfficeCode: 'PARTY',
        attendeeLeaderIds: [ids['陈强']],
      },
      { date: '2026-12-04', kind: 'TRIP', title: '赴京汇报', place: '北京', leadOfficeCode: 'PARTY' },
    ]);
    await enterPlan(t, party, ids['陈强'], W49, [
      {
        date: '2026-11-30',
        slot: 'MORNING',
        kind: 'MEETING',
        title: '区委常委会 (扩大) 会议',
        place: '区委一号会议室 (A座)',
        leadOfficeCode: 'PARTY',
      },
      // Back to back is not double booked.
      {
        date: '2026-11-30',
        startAt: shanghai('2026-11-30', '14:00'),
        endAt: shanghai('2026-11-30', '15:30'),
        kind: 'RECEPTION',
        title: '会见客商',
        place: '区委会客厅',
        leadOfficeCode: 'PARTY',
      },
      {
        date: '2026-11-30',
        startAt: shanghai('2026-11-30', '15:30'),
        endAt: shanghai('2026-11-30', '17:00'),
        kind: 'MEETING',
        title: '听取工作汇报',
        place: '区委二号会议室',
        leadOfficeCode: 'PARTY',
      },
    ]);
    await enterPlan(t, gov, ids['李明'], W49, [
      // Same title and day as 赵敏's, but no leader in common: two events, not one inconsistent one.
      { date: '2026-12-01', slot: 'MORNING', kind: 'INSPECTION', title: '企业走访', place: '经开区', leadOfficeCode: 'GOVERNMENT' },
      { date: '2026-12-04', kind: 'TRIP', title: '赴省政府汇报', place: '省政府', leadOfficeCode: 'GOVERNMENT' },
    ]);
    await enterPlan(t, gov, ids['赵敏'], W49, [
      { date: '2026-12-01', slot: 'MORNING', kind: 'INSPECTION', title: '企业走访', place: '高新区', leadOfficeCode: 'GOVERNMENT' },
      // Leave the day before an engagement is no clash.
      { date: '2026-12-02', kind: 'LEAVE', title: '年休假', leadOfficeCode: 'GOVERNMENT' },
      {
        date: '2026-12-03',
        slot: 'MORNING',
        kind: 'MEETING',
        title: '安全生产委员会会议',
        place: '区政府常务会议室',
        leadOfficeCode: 'GOVERNMENT',
      },
    ]);
    // Three of four principals away on Friday: 刘芳 is in.
    await enterPlan(t, congress, ids['张华'], W49, [{ date: '2026-12-04', kind: 'LEAVE', title: '病假', leadOfficeCode: 'CONGRESS' }]);
    // A session and a meeting of the same body, for different leaders.
    await enterPlan(t, congress, ids['周静'], W49, [
      {
        date: '2026-12-03',
        slot: 'MORNING',
        kind: 'MEETING',
        title: '区人大常委会第三十一次会议',
        place: '区人大常委会会议室',
        leadOfficeCode: 'CONGRESS',
        sessionOf: 'CONGRESS',
      },
    ]);

    const week = (await gqlOk(t.url, await t.tokenFor('party.coord'), MERGED, { week: W49 })).mergedSchedule;
    expect(week.conflicts).toEqual([]);
    const standing = week.events.filter(
      (e: any) => e.leaders.some((l: any) => l.name === '陈强') && e.leaders.some((l: any) => l.name === '王建国'),
    );
    expect(standing).toHaveLength(1);
    expect(standing[0].entryIds).toHaveLength(2);
    expect(week.events.filter((e: any) => e.entry.title === '企业走访')).toHaveLength(2);
    expect(week.events).toHaveLength(11);
  });
});
