import { ManualClock } from '@siban/clock';
import { databaseKinds, gqlError, gqlOk } from '@siban/testing';
import ExcelJS from 'exceljs';
import { startTestApp, TestApp } from '../test/test-app';
import { enterPlan, EntryFixture, leaderIds, MERGED, PUBLISH, REMOVE, shanghai, UPDATE } from '../test/weekly-plans';

// ical.js is ESM-only; a dynamic import type-checks under this repo's CommonJS settings (see
// libs/exports/src/lib/calendar/ical.spec.ts).
const loadIcal = async () => (await import('ical.js')).default;
type Ical = Awaited<ReturnType<typeof loadIcal>>;

const W48 = '2026-W48'; // Mon 2026-11-23 .. Sun 2026-11-29
const CREATE_FEED =
  'mutation ($input: CreateCalendarFeedInput!) { createCalendarFeed(input: $input) { url feed { id leaderId officeCode createdAt revokedAt } } }';
const REVOKE_FEED = 'mutation ($id: ID!) { revokeCalendarFeed(id: $id) { id revokedAt } }';
const MY_FEEDS = '{ myCalendarFeeds { id leaderId officeCode revokedAt } }';
const SECRET = { title: '市委巡视组反馈会', place: '区委三楼保密会议室' };
/** Both revisions are published at the clock's start; DTSTAMP is that, not the time of reading. */
const PUBLISHED = '2026-11-18T02:00:00Z';

interface FeedEvent {
  uid: string;
  sequence: number;
  summary: string;
  location: string | null;
  description: string | null;
  start: string;
  end: string;
  allDay: boolean;
  class: string | null;
  stamp: string;
  categories: string[];
  status: string | null;
}

describe.each(databaseKinds())('calendar feeds and the printable table on %s', (kind) => {
  let t: TestApp;
  let ICAL: Ical;
  let ids: Record<string, string>;
  const entry: Record<string, any> = {};
  // Between the first publication and the feeds: the feeds show the weeks around "now".
  const clock = new ManualClock('2026-11-18T02:00:00Z');

  const wangWeek = (): EntryFixture[] => [
    { date: '2026-11-23', slot: 'MORNING', kind: 'MEETING', title: '区委常委会会议', place: '区委一号会议室', leadOfficeCode: 'PARTY' },
    {
      date: '2026-11-23',
      slot: 'AFTERNOON',
      kind: 'MEETING',
      title: '全区经济工作会议',
      place: '区会议中心',
      leadOfficeCode: 'PARTY',
      attendeeLeaderIds: [ids['李明']],
    },
    // Commas and semicolons must survive iCalendar escaping.
    {
      date: '2026-11-24',
      startAt: shanghai('2026-11-24', '14:30'),
      endAt: shanghai('2026-11-24', '16:00'),
      kind: 'INSPECTION',
      title: '听取汇报：科技创新, 产业升级; 人才',
      place: '高新区管委会',
      leadOfficeCode: 'PARTY',
    },
    { date: '2026-11-25', slot: 'AFTERNOON', kind: 'MEETING', ...SECRET, leadOfficeCode: 'PARTY', confidentiality: 'RESTRICTED' },
    { date: '2026-11-26', endDate: '2026-11-27', kind: 'TRIP', title: '赴省委党校学习', place: '省委党校', leadOfficeCode: 'PARTY' },
  ];

  async function readFeed(url: string): Promise<{ text: string; name: string; events: FeedEvent[] }> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: event.sequence,
        summary: event.summary,
        location: event.location ?? null,
        description: event.description ?? null,
        start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
        end: event.endDate.isDate ? event.endDate.toString() : event.endDate.toJSDate().toISOString(),
        allDay: event.startDate.isDate,
        class: (vevent.getFirstPropertyValue('class') as string | null) ?? null,
        stamp: String(vevent.getFirstPropertyValue('dtstamp')),
        categories: (vevent.getFirstProperty('categories')?.getValues() as string[] | undefined) ?? [],
        status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      };
    });
    return {
      text,
      name: String(calendar.getFirstPropertyValue('x-wr-calname')),
      events: events.sort((a, b) => a.start.localeCompare(b.start)),
    };
  }

  async function createFeed(username: string, input: Record<string, unknown>) {
    return (await gqlOk(t.url, await t.tokenFor(username), CREATE_FEED, { input })).createCalendarFeed;
  }

  beforeAll(async () => {
    ICAL = await loadIcal();
    t = await startTestApp(kind, { clock });
    ids = await leaderIds(t);
    const party = await t.tokenFor('party.sec');
    const gov = await t.tokenFor('gov.sec');
    const coord = await t.tokenFor('party.coord');
    const remember = (plan: any) => plan.entries.forEach((e: any) => (entry[`${plan.leader.name}:${e.title}`] = e));
    remember(await enterPlan(t, party, ids['王建国'], W48, wangWeek()));
    remember(
      await enterPlan(t, gov, ids['李明'], W48, [
        {
          date: '2026-11-23',
          slot: 'AFTERNOON',
          kind: 'MEETING',
          title: '全区经济工作会议',
          place: '区会议中心',
          leadOfficeCode: 'PARTY',
          attendeeLeaderIds: [ids['王建国']],
        },
        {
          date: '2026-11-24',
          slot: 'MORNING',
          kind: 'MEETING',
          title: '区政府常务会议',
          place: '区政府常务会议室',
          leadOfficeCode: 'GOVERNMENT',
        },
        { date: '2026-11-28', endDate: '2026-11-29', kind: 'LEAVE', title: '休假', leadOfficeCode: 'GOVERNMENT' },
      ]),
    );
    remember(
      await enterPlan(t, gov, ids['赵敏'], W48, [
        {
          date: '2026-11-25',
          startAt: shanghai('2026-11-25', '09:00'),
          endAt: shanghai('2026-11-25', '11:30'),
          kind: 'INSPECTION',
          title: '安全生产检查',
          place: '化工园区',
          leadOfficeCode: 'GOVERNMENT',
        },
        // The reception office leads this one; no leader of its own takes part.
        {
          date: '2026-11-27',
          slot: 'MORNING',
          kind: 'RECEPTION',
          title: '接待省考察团',
          place: '区迎宾馆',
          leadOfficeCode: 'RECEPTION',
        },
      ]),
    );
    expect((await gqlOk(t.url, coord, MERGED, { week: W48 })).mergedSchedule.conflicts).toEqual([]);
    await gqlOk(t.url, coord, PUBLISH, { input: { week: W48, note: '第一版' } });
    // Revision 2 moves the standing committee to another room.
    await gqlOk(t.url, party, UPDATE, {
      input: { id: entry['王建国:区委常委会会议'].id, entry: { ...wangWeek()[0], place: '区委二号会议室' } },
    });
    await gqlOk(t.url, coord, PUBLISH, { input: { week: W48, note: '调整会议室' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('iCalendar feeds', () => {
    it('gives a leader’s published schedule, as the latest revision, at a URL that needs no sign-in', async () => {
      const created = await createFeed('party.sec', { leaderId: ids['王建国'] });
      expect(created.feed).toMatchObject({ leaderId: ids['王建国'], officeCode: null, revokedAt: null });
      expect(created.url).toMatch(new RegExp(`^${t.url}/calendar/[A-Za-z0-9_-]{20,}\\.ics$`));

      const feed = await readFeed(created.url);
      expect(feed.name).toBe('王建国工作安排');
      const uid = (key: string) => `${entry[key].id}@siban`;
      expect(feed.events).toEqual([
        {
          uid: uid('王建国:区委常委会会议'),
          sequence: 2,
          summary: '区委常委会会议',
          location: '区委二号会议室',
          description: '参加领导：王建国',
          start: '2026-11-23T00:00:00.000Z',
          end: '2026-11-23T04:00:00.000Z',
          allDay: false,
          class: null,
          stamp: PUBLISHED,
          categories: ['会议'],
          status: null,
        },
        // The joint event once, with both leaders.
        {
          uid: uid('王建国:全区经济工作会议'),
          sequence: 2,
          summary: '全区经济工作会议',
          location: '区会议中心',
          description: '参加领导：王建国、李明',
          start: '2026-11-23T06:00:00.000Z',
          end: '2026-11-23T10:00:00.000Z',
          allDay: false,
          class: null,
          stamp: PUBLISHED,
          categories: ['会议'],
          status: null,
        },
        {
          uid: uid('王建国:听取汇报：科技创新, 产业升级; 人才'),
          sequence: 2,
          summary: '听取汇报：科技创新, 产业升级; 人才',
          location: '高新区管委会',
          description: '参加领导：王建国',
          start: '2026-11-24T06:30:00.000Z',
          end: '2026-11-24T08:00:00.000Z',
          allDay: false,
          class: null,
          stamp: PUBLISHED,
          categories: ['调研'],
          status: null,
        },
        // Same office as the leader: the restricted entry in full.
        {
          uid: uid(`王建国:${SECRET.title}`),
          sequence: 2,
          summary: SECRET.title,
          location: SECRET.place,
          description: '参加领导：王建国',
          start: '2026-11-25T06:00:00.000Z',
          end: '2026-11-25T10:00:00.000Z',
          allDay: false,
          class: null,
          stamp: PUBLISHED,
          categories: ['会议'],
          status: null,
        },
        {
          uid: uid('王建国:赴省委党校学习'),
          sequence: 2,
          summary: '赴省委党校学习',
          location: '省委党校',
          description: '参加领导：王建国',
          start: '2026-11-26',
          end: '2026-11-28',
          allDay: true,
          class: null,
          stamp: PUBLISHED,
          categories: ['出差'],
          status: null,
        },
      ]);
    });

    it('shows restricted entries as busy in a feed created by another office', async () => {
      const created = await createFeed('gov.sec', { leaderId: ids['王建国'] });
      const feed = await readFeed(created.url);
      expect(feed.events).toHaveLength(5);
      const busy = feed.events.find((e) => e.uid === `${entry[`王建国:${SECRET.title}`].id}@siban`);
      expect(busy).toEqual({
        uid: busy?.uid,
        sequence: 2,
        summary: '忙碌 / Busy',
        location: null,
        description: null,
        start: '2026-11-25T06:00:00.000Z',
        end: '2026-11-25T10:00:00.000Z',
        allDay: false,
        class: 'CONFIDENTIAL',
        stamp: PUBLISHED,
        categories: [],
        status: null,
      });
      expect(feed.text).not.toContain(SECRET.title);
      expect(feed.text).not.toContain(SECRET.place);
      expect(feed.events.map((e) => e.summary)).toContain('区委常委会会议');
    });

    it('gives an office’s feed with every leader the office handles, names in each summary', async () => {
      const created = await createFeed('gov.sec', { officeCode: 'GOVERNMENT' });
      expect(created.feed).toMatchObject({ leaderId: null, officeCode: 'GOVERNMENT' });
      const feed = await readFeed(created.url);
      // 清河区 + 区政府办 reads 清河区政府办, without the doubled 区.
      expect(feed.name).toBe('清河区政府办领导工作安排');
      expect(feed.events.map((e) => [e.summary, e.location, e.start, e.end, e.categories])).toEqual([
        ['王建国、李明：全区经济工作会议', '区会议中心', '2026-11-23T06:00:00.000Z', '2026-11-23T10:00:00.000Z', ['会议']],
        ['李明：区政府常务会议', '区政府常务会议室', '2026-11-24T00:00:00.000Z', '2026-11-24T04:00:00.000Z', ['会议']],
        ['赵敏：安全生产检查', '化工园区', '2026-11-25T01:00:00.000Z', '2026-11-25T03:30:00.000Z', ['调研']],
        ['赵敏：接待省考察团', '区迎宾馆', '2026-11-27T00:00:00.000Z', '2026-11-27T04:00:00.000Z', ['接待']],
        ['李明：休假', null, '2026-11-28', '2026-11-30', ['请假']],
      ]);
      // Leave is nobody's meeting: no "参加领导" line.
      expect(feed.events.find((e) => e.summary === '李明：休假')?.description).toBeNull();

      // Only your own office, unless you coordinate; and a coordinator sees restricted entries.
      const other = await gqlError(t.url, await t.tokenFor('gov.sec'), CREATE_FEED, { input: { officeCode: 'PARTY' } });
      expect(other.extensions?.code).toBe('FORBIDDEN');
      const party = await readFeed((await createFeed('party.coord', { officeCode: 'PARTY' })).url);
      expect(party.events.map((e) => e.summary)).toEqual([
        '王建国：区委常委会会议',
        '王建国、李明：全区经济工作会议',
        '王建国：听取汇报：科技创新, 产业升级; 人才',
        `王建国：${SECRET.title}`,
        '王建国：赴省委党校学习',
      ]);
    });

    it('gives an office the events it leads, even with none of its own leaders taking part', async () => {
      const created = await createFeed('reception.staff', { officeCode: 'RECEPTION' });
      const feed = await readFeed(created.url);
      expect(feed.name).toBe('清河区接待办领导工作安排');
      expect(feed.events.map((e) => [e.summary, e.location, e.categories, e.description])).toEqual([
        ['赵敏：接待省考察团', '区迎宾馆', ['接待'], '参加领导：赵敏'],
      ]);
    });

    it('keeps its bytes while nothing changes: DTSTAMP is the publish time, refreshed hourly', async () => {
      const created = await createFeed('gov.sec', { leaderId: ids['李明'] });
      const first = await fetch(created.url);
      const body = await first.text();
      expect(body).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
      expect(body).toContain('\r\nX-PUBLISHED-TTL:PT1H\r\n');
      clock.advance(7 * 60_000);
      try {
        const again = await fetch(created.url);
        expect(await again.text()).toBe(body);
        expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
        expect((await readFeed(created.url)).events.every((e) => e.stamp === PUBLISHED)).toBe(true);
      } finally {
        clock.advance(-7 * 60_000);
      }
    });

    it('hands out feed URLs with the scheme a trusted proxy received', async () => {
      const create = async () => {
        const response = await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${await t.tokenFor('gov.sec')}`,
            'x-forwarded-proto': 'https',
          },
          body: JSON.stringify({ query: CREATE_FEED, variables: { input: { leaderId: ids['赵敏'] } } }),
        });
        return ((await response.json()) as any).data.createCalendarFeed.url as string;
      };
      const express = t.app.getHttpAdapter().getInstance();
      const configured = express.get('trust proxy');
      try {
        // The proxy in front (here: loopback, trusted as TRUST_PROXY=loopback would) received HTTPS.
        express.set('trust proxy', 'loopback');
        expect(await create()).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/calendar\//);
        // Not from a trusted proxy: a client cannot choose the scheme.
        express.set('trust proxy', false);
        expect(await create()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\//);
      } finally {
        express.set('trust proxy', configured);
      }
    });

    it('checks what a feed is for', async () => {
      const gov = await t.tokenFor('gov.sec');
      const before = await t.prisma.calendarFeed.count();
      expect((await gqlError(t.url, gov, CREATE_FEED, { input: {} })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
      expect(
        (await gqlError(t.url, gov, CREATE_FEED, { input: { leaderId: ids['李明'], officeCode: 'GOVERNMENT' } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
      expect(
        (await gqlError(t.url, gov, CREATE_FEED, { input: { leaderId: '00000000-0000-4000-8000-000000000000' } })).extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'leaderId' });
      expect((await gqlError(t.url, gov, CREATE_FEED, { input: { officeCode: 'MARS' } })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'officeCode',
      });
      expect(await t.prisma.calendarFeed.count()).toBe(before);
    });

    it('takes the kind of feed explicitly, and answers an unchanged feed with 304', async () => {
      const gov = await t.tokenFor('gov.sec');
      const created = (
        await gqlOk(
          t.url,
          gov,
          'mutation ($input: CreateCalendarFeedInput!) { createCalendarFeed(input: $input) { url feed { kind officeCode } } }',
          {
            input: { kind: 'OFFICE', officeCode: 'GOVERNMENT' },
          },
        )
      ).createCalendarFeed;
      expect(created.feed).toEqual({ kind: 'OFFICE', officeCode: 'GOVERNMENT' });
      expect((await gqlError(t.url, gov, CREATE_FEED, { input: { kind: 'LEADER', officeCode: 'GOVERNMENT' } })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input',
      });

      const first = await fetch(created.url);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/".+"$/);
      expect(first.headers.get('cache-control')).toBe('private, no-cache');
      const again = await fetch(created.url, { headers: { 'if-none-match': etag as string } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect((await fetch(created.url, { headers: { 'if-none-match': 'W/"stale"' } })).status).toBe(200);
    });

    it('ends a feed on revocation, by its owner only', async () => {
      const gov = await t.tokenFor('gov.sec');
      const created = await createFeed('gov.sec', { leaderId: ids['赵敏'] });
      const feeds = (await gqlOk(t.url, gov, MY_FEEDS)).myCalendarFeeds;
      expect(feeds.map((f: any) => f.id)).toContain(created.feed.id);
      expect(feeds.every((f: any) => f.leaderId !== null || f.officeCode === 'GOVERNMENT')).toBe(true);
      expect((await gqlOk(t.url, await t.tokenFor('party.sec'), MY_FEEDS)).myCalendarFeeds.map((f: any) => f.id)).not.toContain(
        created.feed.id,
      );

      // Someone else cannot revoke it, nor learn that it exists.
      const stranger = await gqlError(t.url, await t.tokenFor('party.sec'), REVOKE_FEED, { id: created.feed.id });
      expect(stranger.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect((await fetch(created.url)).status).toBe(200);

      const revoked = (await gqlOk(t.url, gov, REVOKE_FEED, { id: created.feed.id })).revokeCalendarFeed;
      expect(revoked).toEqual({ id: created.feed.id, revokedAt: '2026-11-18T02:00:00.000Z' });
      const gone = await fetch(created.url);
      expect(gone.status).toBe(404);
      expect(await gone.text()).not.toContain('BEGIN:VCALENDAR');
      expect((await gqlOk(t.url, gov, MY_FEEDS)).myCalendarFeeds.find((f: any) => f.id === created.feed.id).revokedAt).toBe(
        '2026-11-18T02:00:00.000Z',
      );
      // Other feeds keep working; unknown secrets are not found either.
      expect((await fetch(`${t.url}/calendar/not-a-real-secret.ics`)).status).toBe(404);
      expect((await fetch(created.url.replace(/\.ics$/, '.txt'))).status).toBe(404);
      expect((await gqlError(t.url, gov, REVOKE_FEED, { id: '00000000-0000-4000-8000-000000000000' })).extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('printable weekly table (xlsx)', () => {
    const download = (token: string | undefined, query = '', week = W48) =>
      fetch(`${t.url}/exports/weekly-schedule/${week}.xlsx${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    async function openTable(response: Response): Promise<ExcelJS.Worksheet> {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet('周工作安排');
      if (!sheet) throw new Error('no sheet 周工作安排');
      return sheet;
    }

    function text(c: ExcelJS.Cell): string {
      const value = c.master.value;
      if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
      return value === null || value === undefined ? '' : String(value);
    }

    /** The text at a leader's half-day on a day, found by its labels as a reader would. */
    function cell(sheet: ExcelJS.Worksheet, day: string, slot: '上午' | '下午' | '晚上', leader: string): string | null {
      let top: number | undefined;
      sheet.getColumn(2).eachCell((c, row) => {
        if (top === undefined && text(c).split('\n')[0] === leader) top = row;
      });
      let col: number | undefined;
      sheet.getRow(3).eachCell((c, n) => {
        if (text(c).startsWith(`${day}\n`)) col = n;
      });
      if (top === undefined || col === undefined) throw new Error(`no cell for ${day} ${slot} ${leader}`);
      return text(sheet.getCell(top + ['上午', '下午', '晚上'].indexOf(slot), col)) || null;
    }

    /** Leaders down the side, top to bottom. */
    function leaderRows(sheet: ExcelJS.Worksheet): string[] {
      const names: string[] = [];
      sheet.getColumn(2).eachCell((c, row) => {
        if (row > 3 && c.master === c && text(c)) names.push(text(c).split('\n')[0]);
      });
      return names;
    }

    function allText(sheet: ExcelJS.Worksheet): string {
      const texts: string[] = [];
      sheet.eachRow((r) => r.eachCell((c) => texts.push(text(c))));
      return texts.join('\n');
    }

    it('needs a signed-in user', async () => {
      const anonymous = await download(undefined);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await download('not-a-token')).status).toBe(401);
    });

    it('lays out the latest revision with leaders down the side and days across, named in Chinese', async () => {
      const response = await download(await t.tokenFor('gov.sec'));
      const fileName = '清河区领导周工作安排表（2026年第48周·第2版）.xlsx';
      // RFC 6266: the UTF-8 name for browsers, an ASCII stand-in for older clients.
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="_2026_48_2_.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      const sheet = await openTable(response);
      expect(text(sheet.getCell(1, 1))).toBe('清河区领导周工作安排表');
      expect(text(sheet.getCell(2, 1))).toContain('2026年第48周（11月23日—11月29日）\u3000第2版');
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 100, printTitlesRow: '1:3' });
      const header: string[] = [];
      sheet.getRow(3).eachCell((c) => header.push(text(c)));
      expect(header.slice(0, 4)).toEqual(['单位', '领导', '时段', '11月23日\n星期一']);
      // By body (区委, 人大, 政府, 政协, 法院, 检察院), protocol order within each.
      expect(leaderRows(sheet)).toEqual(['王建国', '陈强', '赵敏', '孙伟', '张华', '周静', '李明', '刘芳', '吴涛', '郑磊', '冯雪']);

      expect(cell(sheet, '11月23日', '上午', '王建国')).toBe('【改】区委常委会会议（区委二号会议室）');
      // The joint event in each of its leaders' rows.
      expect(cell(sheet, '11月23日', '下午', '王建国')).toBe('全区经济工作会议（区会议中心）');
      expect(cell(sheet, '11月23日', '下午', '李明')).toBe('全区经济工作会议（区会议中心）');
      expect(cell(sheet, '11月24日', '下午', '王建国')).toBe('14:30-16:00 听取汇报：科技创新, 产业升级; 人才（高新区管委会）');
      expect(cell(sheet, '11月24日', '上午', '李明')).toBe('区政府常务会议（区政府常务会议室）');
      expect(cell(sheet, '11月25日', '上午', '赵敏')).toBe('09:00-11:30 安全生产检查（化工园区）');
      // The two-day trip fills every half-day of both days, not only the mornings.
      for (const day of ['11月26日', '11月27日']) {
        for (const slot of ['上午', '下午', '晚上'] as const) expect(cell(sheet, day, slot, '王建国')).toBe('赴省委党校学习（省委党校）');
      }
      expect(cell(sheet, '11月28日', '上午', '王建国')).toBeNull();
      expect(cell(sheet, '11月23日', '上午', '李明')).toBeNull();
      // Leaders whose plans were never submitted say so instead of looking free.
      expect(cell(sheet, '11月23日', '上午', '张华')).toBe('未报');
      expect(cell(sheet, '11月29日', '晚上', '张华')).toBe('未报');
      expect(cell(sheet, '11月23日', '上午', '陈强')).toBe('未报');
      // Restricted: a busy mark for another office, and its details nowhere in the file.
      expect(cell(sheet, '11月25日', '下午', '王建国')).toBe('忙碌');
      expect(allText(sheet)).not.toContain(SECRET.title);
      expect(allText(sheet)).not.toContain(SECRET.place);
      expect(allText(sheet)).toContain('说明：【新】本版新增\u3000【改】本版变更');
    });

    it('gives an earlier revision on request, and restricted details to the leader’s office', async () => {
      const firstResponse = await download(await t.tokenFor('gov.sec'), '?revision=1');
      expect(firstResponse.headers.get('content-disposition')).toContain(encodeURIComponent('（2026年第48周·第1版）.xlsx'));
      const first = await openTable(firstResponse);
      expect(text(first.getCell(2, 1))).toContain('第1版');
      // A first revision marks nothing as new.
      expect(cell(first, '11月23日', '上午', '王建国')).toBe('区委常委会会议（区委一号会议室）');

      const party = await openTable(await download(await t.tokenFor('party.sec')));
      expect(cell(party, '11月25日', '下午', '王建国')).toBe(`${SECRET.title}（${SECRET.place}）`);
    });

    it('answers bad requests with HTTP errors', async () => {
      const token = await t.tokenFor('gov.sec');
      for (const query of ['?revision=abc', '?revision=0', '?revision=1.5']) {
        const response = await download(token, query);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
      }
      expect((await download(token, '?revision=9')).status).toBe(404);
      // A week with nothing published.
      expect((await download(token, '', '2026-W49')).status).toBe(404);
      const badWeek = await download(token, '', '2026-48');
      expect(badWeek.status).toBe(400);
      expect(await badWeek.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'week' });
    });
  });

  describe('entries removed by a revision', () => {
    it('are sent once as cancelled, with a higher SEQUENCE, then dropped', async () => {
      const gov = await t.tokenFor('gov.sec');
      const coord = await t.tokenFor('party.coord');
      const feedUrl = (await createFeed('gov.sec', { leaderId: ids['李明'] })).url;
      const meeting = entry['李明:区政府常务会议'];
      await gqlOk(t.url, gov, REMOVE, { id: meeting.id });
      await gqlOk(t.url, coord, PUBLISH, { input: { week: W48, note: '取消常务会议' } });

      const cancelled = (await readFeed(feedUrl)).events.find((e) => e.uid === `${meeting.id}@siban`);
      expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 3, summary: '区政府常务会议', start: '2026-11-24T00:00:00.000Z' });
      const events = (await readFeed(feedUrl)).events;
      expect(events.filter((e) => e.status === 'CANCELLED')).toHaveLength(1);
      expect(events.filter((e) => e.status === null).every((e) => e.sequence === 3)).toBe(true);

      // The next revision no longer mentions it.
      await gqlOk(t.url, gov, UPDATE, {
        input: {
          id: entry['赵敏:安全生产检查'].id,
          entry: {
            date: '2026-11-25',
            startAt: shanghai('2026-11-25', '09:00'),
            endAt: shanghai('2026-11-25', '11:30'),
            kind: 'INSPECTION',
            title: '安全生产检查',
            place: '化工园区二期',
            leadOfficeCode: 'GOVERNMENT',
          },
        },
      });
      await gqlOk(t.url, coord, PUBLISH, { input: { week: W48, note: '调整检查地点' } });
      const later = (await readFeed(feedUrl)).events;
      expect(later.map((e) => e.uid)).not.toContain(`${meeting.id}@siban`);
      expect(later.every((e) => e.status === null && e.sequence === 4)).toBe(true);
    });
  });
});
