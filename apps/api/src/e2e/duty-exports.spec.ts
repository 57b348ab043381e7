import { ManualClock } from '@siban/clock';
import { databaseKinds, gqlError, gqlOk, Scenario, scenario } from '@siban/testing';
import ExcelJS from 'exceljs';
import { dutyFixture, DutyFixture, rosterMonth } from '../test/duty-operations';
import { startTestApp, TestApp } from '../test/test-app';

// ical.js is ESM-only; a dynamic import type-checks under this repo's CommonJS settings.
const loadIcal = async () => (await import('ical.js')).default;

const CREATE_FEED =
  'mutation ($input: CreateCalendarFeedInput!) { createCalendarFeed(input: $input) { url feed { kind leaderId officeCode } } }';

// October 2026 (国庆节 1–7, Saturday 10 worked instead): 王建国 and officer.a hold the odd days,
// 李明 and officer.b the even ones, except the 20th whose officer seat is empty.
//   odd days:  16 shifts: 4 holiday (1, 3, 5, 7), 4 weekend (11, 17, 25, 31), 8 workday
//   even days: 15 shifts: 3 holiday (2, 4, 6), 2 weekend (18, 24; the 10th is a workday), 10 workday
describe.each(databaseKinds())('duty exports and calendar feeds on %s', (kind) => {
  let t: TestApp;
  let s: Scenario;
  let fixture: DutyFixture;
  let seat: Record<string, string>;
  const clock = new ManualClock('2026-10-15T02:00:00Z');

  const download = async (username: string, path: string) => {
    const response = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${await s.token(username)}` } });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const sheetOf = async (bytes: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook.worksheets[0];
  };
  const rowTexts = (sheet: ExcelJS.Worksheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = Array.from({ length: sheet.columnCount }, (_, c) => {
        const value = row.getCell(c + 1).value;
        return value === null || value === undefined ? '' : String(value);
      });
    });
    return rows;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    s = await scenario(t, { clock })
      .user('officer.a', { office: 'PARTY', roles: ['DUTY_OFFICER'], displayName: '张三' })
      .user('officer.b', { office: 'GOVERNMENT', roles: ['SECRETARY'], displayName: '白露' })
      .build();
    const leaders = s.leaderIds();
    fixture = await dutyFixture(t.prisma, {
      users: { 'officer.a': s.userId('officer.a'), 'officer.b': s.userId('officer.b') },
      leaders: { 王建国: leaders['王建国'], 李明: leaders['李明'] },
    });
    const odd = (date: string) => Number(date.slice(8)) % 2 === 1;
    seat = await rosterMonth(
      t.prisma,
      fixture,
      '2026-10',
      (date) =>
        odd(date) ? { leader: '王建国', officer: 'officer.a' } : { leader: '李明', officer: date === '2026-10-20' ? null : 'officer.b' },
      { publishedById: s.userId('admin') },
    );
    await t.prisma.dutyPerson.update({ where: { id: fixture.person['officer.a'] }, data: { phone: '138 0000 0001' } });
    await rosterMonth(t.prisma, fixture, '2026-11', () => ({ leader: '王建国', officer: 'officer.a' }), { draft: true, days: 1 });
    // Published, but 2027 has no holiday calendar loaded.
    await rosterMonth(t.prisma, fixture, '2027-01', () => ({ leader: '王建国', officer: 'officer.a' }), {
      publishedById: s.userId('admin'),
      days: 1,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the allowance sheet as CSV that Excel on a Chinese Windows opens: BOM, CRLF, totals per person', async () => {
    const { response, bytes } = await download('duty.coord', '/exports/duty-allowance/2026-10.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${'_'}2026${'_'}10${'_'}.csv"; filename*=UTF-8''${encodeURIComponent('清河区总值班补贴统计表（2026年10月）.csv')}`,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toEqual([
      '序号,姓名,单位,岗位,值班总数,工作日,周末,节假日',
      '1,李明,区政府办,带班领导,15,10,2,3',
      '2,王建国,区委办,带班领导,16,8,4,4',
      '3,白露,区政府办,值班员,14,9,2,3',
      '4,张三,区委办,值班员,16,8,4,4',
      '合计,,,,61,35,12,14',
    ]);
  });

  it('gives the same table as a printable xlsx, to coordinators, directors and admins only', async () => {
    const { response, bytes } = await download('gov.director', '/exports/duty-allowance/2026-10.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await sheetOf(bytes);
    const rows = rowTexts(sheet);
    expect(rows[0][0]).toBe('清河区总值班补贴统计表');
    expect(rows[1][0]).toContain('节假日：国庆节 10月1日—10月7日');
    expect(rows[2]).toEqual(['序号', '姓名', '单位', '岗位', '值班总数', '工作日', '周末', '节假日']);
    expect(rows[6]).toEqual(['4', '张三', '区委办', '值班员', '16', '8', '4', '4']);
    expect(rows[7]).toEqual(['合计', '', '', '', '61', '35', '12', '14']);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', printTitlesRow: '3:3' });

    for (const username of ['officer.a', 'party.sec']) {
      const refused = await download(username, '/exports/duty-allowance/2026-10.xlsx');
      expect(refused.response.status).toBe(403);
      expect(JSON.parse(refused.bytes.toString())).toMatchObject({ code: 'FORBIDDEN' });
    }
    const draft = await download('duty.coord', '/exports/duty-allowance/2026-11.csv');
    expect(draft.response.status).toBe(409);
    expect(JSON.parse(draft.bytes.toString())).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PUBLISHED' });
    for (const file of ['2026-13.csv', '2026-10.pdf', '1999-12.xlsx']) {
      const bad = await download('duty.coord', `/exports/duty-allowance/${file}`);
      expect({ file, status: bad.response.status }).toEqual({ file, status: 400 });
    }
  });

  it('refuses a month whose year has no holiday calendar loaded, never guessing', async () => {
    const { response, bytes } = await download('duty.coord', '/exports/duty-roster/2027-01.xlsx');
    expect(response.status).toBe(409);
    expect(JSON.parse(bytes.toString())).toMatchObject({ code: 'CONFLICT', reason: 'NO_CALENDAR' });
  });

  it('prints the monthly roster: dates down, posts across with contact numbers, holidays and 调休 marked', async () => {
    const { response, bytes } = await download('party.sec', '/exports/duty-roster/2026-10.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('清河区总值班表（2026年10月）.xlsx'));
    const sheet = await sheetOf(bytes);
    const rows = rowTexts(sheet);
    expect(rows[0][0]).toBe('清河区总值班表');
    expect(rows[2]).toEqual(['日期', '星期', '节假日', '带班领导', '带班领导', '值班员', '值班员']);
    expect(rows[3]).toEqual(['日期', '星期', '节假日', '姓名', '联系电话', '姓名', '联系电话']);
    expect(rows[4]).toEqual(['10月1日', '星期四', '国庆节', '王建国', '', '张三', '138 0000 0001']);
    expect(rows[13]).toEqual(['10月10日', '星期六', '调休上班（国庆节）', '李明', '', '白露', '']);
    expect(rows[14].slice(0, 3)).toEqual(['10月11日', '星期日', '']);
    expect(rows[23]).toEqual(['10月20日', '星期二', '', '李明', '', '（空缺）', '']);
    expect(rows).toHaveLength(4 + 31 + 1);
    expect(rows[35][0]).toContain('全天班 08:30 起 24 小时');
    // Holiday rows are shaded for the wall.
    expect((sheet.getCell(5, 4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE9E7');
    expect(sheet.getCell(3, 4).isMerged && sheet.getCell(3, 5).isMerged).toBe(true);

    expect((await download('party.sec', '/exports/duty-roster/2026-10.csv')).response.status).toBe(400);
    expect((await download('party.sec', '/exports/duty-roster/2026-11.xlsx')).response.status).toBe(409);
  });

  it('serves a person’s shifts as an iCalendar feed a real parser reads, and a leader’s to their secretary', async () => {
    const ICAL = await loadIcal();
    const read = async (url: string) => {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      return {
        name: String(calendar.getFirstPropertyValue('x-wr-calname')),
        events: calendar
          .getAllSubcomponents('vevent')
          .map((v) => new ICAL.Event(v))
          .map((e) => ({
            uid: e.uid,
            summary: e.summary,
            description: e.description,
            start: e.startDate.toJSDate().toISOString(),
            end: e.endDate.toJSDate().toISOString(),
          }))
          .sort((a, b) => a.start.localeCompare(b.start)),
      };
    };

    const own = (await gqlOk(t.url, await s.token('officer.a'), CREATE_FEED, { input: { kind: 'DUTY' } })).createCalendarFeed;
    expect(own.feed).toEqual({ kind: 'DUTY', leaderId: null, officeCode: null });
    const mine = await read(own.url);
    expect(mine.name).toBe('张三值班安排');
    // The sixteen odd days of October and 1 January (published above); the draft November day is not shown.
    expect(mine.events).toHaveLength(17);
    expect(mine.events.at(-1)?.start).toBe('2027-01-01T00:30:00.000Z');
    expect(mine.events[0]).toEqual({
      uid: `duty-${seat['2026-10-01:officer']}@siban`,
      summary: '值班：值班员',
      description: '带班领导：王建国',
      start: '2026-10-01T00:30:00.000Z',
      end: '2026-10-02T00:30:00.000Z',
    });

    const leaderId = s.leaderIds()['王建国'];
    const wang = (await gqlOk(t.url, await s.token('party.sec'), CREATE_FEED, { input: { kind: 'DUTY', leaderId } })).createCalendarFeed;
    const leaderFeed = await read(wang.url);
    expect(leaderFeed.name).toBe('王建国值班安排');
    expect(leaderFeed.events.map((e) => e.start)).toEqual(mine.events.map((e) => e.start));
    expect(leaderFeed.events[0]).toMatchObject({ summary: '值班：带班领导', description: '值班员：张三' });

    const forbidden = await gqlError(t.url, await s.token('gov.sec'), CREATE_FEED, { input: { kind: 'DUTY', leaderId } });
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');
    const office = await gqlError(t.url, await s.token('officer.a'), CREATE_FEED, { input: { kind: 'DUTY', officeCode: 'PARTY' } });
    expect(office.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });
});
