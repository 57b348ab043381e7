// Parses the feed with ical.js, an independent RFC 5545 implementation, so the escaping and
// folding are checked against a real reader rather than against our own assumptions.
import { BUSY_SUMMARY, ICalEvent, escapeText, foldLine, renderICalendar } from './ical';

// ical.js ships ESM-only typings ("type": "module") and this repo compiles as CommonJS under
// node16 resolution, so a static `import ICAL from 'ical.js'` fails tsc with TS1479. A dynamic
// import type-checks; under Jest's swc transform it becomes a require() that resolves the
// package's "require" export (dist/ical.es5.cjs), natively it loads the ESM build. Same API.
const loadIcal = async () => (await import('ical.js')).default;
let ICAL: Awaited<ReturnType<typeof loadIcal>>;

beforeAll(async () => {
  ICAL = await loadIcal();
});

const STAMP = new Date('2026-11-20T09:30:00Z');

// Long enough to need several folds, with every character that TEXT escaping must handle.
const LONG_SUMMARY =
  '区委常委会会议：研究部署全区冬季安全生产、大气污染防治和民生保障工作；听取各街道、乡镇关于基层治理的汇报，审议《清河区关于进一步优化营商环境的若干措施》\\草案';
const LONG_LOCATION = '区委一号会议室（区行政中心主楼三层，东侧电梯上楼）';
const DESCRIPTION = '出席：王建国, 李明华；列席：各部门主要负责同志\n请提前十分钟到场\r\n会务联系人：张伟';

function event(overrides: Partial<ICalEvent> & Pick<ICalEvent, 'uid'>): ICalEvent {
  return {
    sequence: 2,
    stamp: STAMP,
    summary: '区委常委会会议',
    start: new Date('2026-11-24T00:00:00Z'),
    end: new Date('2026-11-24T02:30:00Z'),
    ...overrides,
  };
}

const EVENTS: ICalEvent[] = [
  event({
    uid: 'entry-1@siban',
    summary: LONG_SUMMARY,
    location: LONG_LOCATION,
    description: DESCRIPTION,
    categories: ['会议', '常委会, 扩大'],
  }),
  event({
    uid: 'entry-2@siban',
    sequence: 5,
    summary: '赴省城参加全省经济工作会议',
    location: '省委党校',
    // Deliberately odd instants: all-day events must ignore them.
    start: new Date('2000-01-01T00:00:00Z'),
    end: new Date('2000-01-01T00:00:00Z'),
    allDay: { startDate: '2026-11-25', endDateExclusive: '2026-11-27' },
  }),
  event({
    uid: 'entry-3@siban',
    summary: '约见干部谈话',
    location: '区委书记办公室',
    description: '涉及干部人事，不公开',
    categories: ['干部人事'],
    start: new Date('2026-11-26T06:00:00Z'),
    end: new Date('2026-11-26T07:00:00Z'),
    busyOnly: true,
  }),
];

function render(events: ICalEvent[] = EVENTS): string {
  return renderICalendar({
    calendarName: '王建国（区委书记）周工作安排',
    description: '清河区领导周工作安排；由四办协同系统生成',
    refreshInterval: 'PT1H',
    events,
  });
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = new Map(
    calendar.getAllSubcomponents('vevent').map((vevent) => {
      const parsed = new ICAL.Event(vevent);
      return [parsed.uid, { vevent, parsed }] as const;
    }),
  );
  return { calendar, events };
}

function get<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`missing ${String(key)}`);
  return value;
}

describe('renderICalendar', () => {
  it('writes the calendar properties', () => {
    const { calendar } = parse(render());
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Siban//Calendar Feeds//ZH');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('王建国（区委书记）周工作安排');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe('清河区领导周工作安排；由四办协同系统生成');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(3);
  });

  it('round-trips long Chinese text with commas, semicolons, backslashes and newlines', () => {
    const { events } = parse(render());
    const { parsed, vevent } = get(events, 'entry-1@siban');
    expect(parsed.summary).toBe(LONG_SUMMARY);
    expect(parsed.location).toBe(LONG_LOCATION);
    // CRLF inside a value comes back as a plain newline: TEXT has only "\n".
    expect(parsed.description).toBe(DESCRIPTION.replace(/\r\n/g, '\n'));
    expect(vevent.getFirstProperty('categories')?.getValues()).toEqual(['会议', '常委会, 扩大']);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
  });

  it('writes timed events in UTC', () => {
    const text = render();
    expect(text).toContain('\r\nDTSTART:20261124T000000Z\r\n');
    expect(text).toContain('\r\nDTEND:20261124T023000Z\r\n');
    expect(text).toContain('\r\nDTSTAMP:20261120T093000Z\r\n');

    const { parsed, vevent } = get(parse(text).events, 'entry-1@siban');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2026-11-24T02:30:00.000Z');
    expect(parsed.startDate.isDate).toBe(false);
    // ical.js prints a UTC DATE-TIME value as ISO 8601 with a trailing Z.
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-11-20T09:30:00Z');
  });

  it('writes all-day events as DATE values with an exclusive end', () => {
    const text = render();
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261125\r\n');
    expect(text).toContain('\r\nDTEND;VALUE=DATE:20261127\r\n');

    const { parsed, vevent } = get(parse(text).events, 'entry-2@siban');
    expect(parsed.startDate.isDate).toBe(true);
    expect(parsed.startDate.toString()).toBe('2026-11-25');
    expect(parsed.endDate.toString()).toBe('2026-11-27');
    expect(parsed.summary).toBe('赴省城参加全省经济工作会议');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(5);
  });

  it('hides the details of busy-only events', () => {
    const text = render();
    const { parsed, vevent } = get(parse(text).events, 'entry-3@siban');
    expect(parsed.summary).toBe(BUSY_SUMMARY);
    expect(parsed.location).toBeNull();
    expect(parsed.description).toBeNull();
    expect(vevent.getFirstPropertyValue('class')).toBe('CONFIDENTIAL');
    expect(vevent.getFirstPropertyValue('transp')).toBe('OPAQUE');
    expect(vevent.getFirstProperty('categories')).toBeNull();
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-11-26T06:00:00.000Z');
    for (const secret of ['约见干部谈话', '区委书记办公室', '干部人事']) expect(text).not.toContain(secret);
  });

  it('ends every line with CRLF and folds at 75 octets without splitting characters', () => {
    const text = render();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // No bare CR or LF anywhere once the CRLF pairs are removed.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const bytes = Buffer.from(text, 'utf8');
    const physicalLines: Buffer[] = [];
    for (let from = 0; from < bytes.length; ) {
      const at = bytes.indexOf('\r\n', from);
      physicalLines.push(bytes.subarray(from, at));
      from = at + 2;
    }
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let folded = 0;
    for (const line of physicalLines) {
      expect(line.length).toBeLessThanOrEqual(75);
      // Throws if a multi-byte sequence was cut at the fold.
      const decoded = decoder.decode(line);
      if (decoded.startsWith(' ')) {
        folded++;
        expect(decoded.startsWith('  ')).toBe(false);
      }
    }
    expect(folded).toBeGreaterThan(3);
  });

  it('folds 4-byte characters and mixed scripts within the octet limit', () => {
    const line = `SUMMARY:${'a😀区'.repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SUMMARY:短')).toBe('SUMMARY:短');
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('会议\u0007室\t一')).toBe('会议室\t一');
  });

  it('is deterministic and takes no time from the clock', () => {
    expect(render()).toBe(render());
  });

  it('rejects malformed input instead of publishing it', () => {
    expect(() => render([event({ uid: 'x', sequence: -1 })])).toThrow(RangeError);
    expect(() => render([event({ uid: 'x', start: new Date('2026-11-24T02:00:00Z'), end: new Date('2026-11-24T01:00:00Z') })])).toThrow(
      RangeError,
    );
    expect(() => render([event({ uid: 'x', start: new Date('invalid') })])).toThrow(RangeError);
    expect(() => render([event({ uid: 'x', allDay: { startDate: '2026-02-30', endDateExclusive: '2026-03-01' } })])).toThrow(RangeError);
    expect(() => render([event({ uid: 'x', allDay: { startDate: '2026-11-25', endDateExclusive: '2026-11-25' } })])).toThrow(RangeError);
    expect(() => render([event({ uid: 'x', start: undefined })])).toThrow(/needs start and end, or allDay/);
  });

  it('asks subscribers to refresh hourly, in the standard property and in Outlook’s', () => {
    const text = render();
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    const { calendar } = parse(text);
    const refresh = calendar.getFirstProperty('refresh-interval');
    expect(refresh?.type).toBe('duration');
    expect(String(refresh?.getFirstValue())).toBe('PT1H');
    expect(String(calendar.getFirstPropertyValue('x-published-ttl'))).toBe('PT1H');
    expect(renderICalendar({ calendarName: 'x', events: [] })).not.toContain('REFRESH-INTERVAL');
    expect(() => renderICalendar({ calendarName: 'x', refreshInterval: '1 hour', events: [] })).toThrow(RangeError);
  });

  it('stamps each event with its own publish time, so the bytes change only with the events', () => {
    const earlier = new Date('2026-11-13T08:00:00Z');
    const text = render([event({ uid: 'old@siban', stamp: earlier }), event({ uid: 'new@siban' })]);
    const stamps = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((v) => [v.getFirstPropertyValue('uid'), String(v.getFirstPropertyValue('dtstamp'))]);
    expect(stamps).toEqual([
      ['old@siban', '2026-11-13T08:00:00Z'],
      ['new@siban', '2026-11-20T09:30:00Z'],
    ]);
    expect(() => render([event({ uid: 'x', stamp: new Date('invalid') })])).toThrow(RangeError);
  });

  it('writes an event status, and none for an event without one', () => {
    const text = render([event({ uid: 'cancelled@siban', status: 'CANCELLED' }), event({ uid: 'plain@siban' })]);
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(vevents.map((v) => v.getFirstPropertyValue('status'))).toEqual(['CANCELLED', null]);
  });
});
