// RFC 5545 calendars for subscription in phone and desktop calendars, from generic events (a
// leader's schedule, a duty roster, a meeting series). Pure: the caller passes every instant
// (including DTSTAMP), so the same input always yields the same bytes.

export interface ICalEvent {
  /** Stable across revisions (e.g. `${entryId}@siban`) so clients update instead of duplicating. */
  uid: string;
  /** Grows with each published change (e.g. the revision number); clients ignore an update whose SEQUENCE did not grow. */
  sequence: number;
  /**
   * DTSTAMP: when this version of the event was published (e.g. its revision's publish time).
   * Never the time of rendering: the feed's bytes, and so its ETag, stay the same until it changes.
   */
  stamp: Date;
  summary: string;
  location?: string;
  description?: string;
  /** UTC instants of a timed event; ignored when `allDay` is set. */
  start?: Date;
  end?: Date;
  /** District-local dates ("YYYY-MM-DD"), end exclusive as RFC 5545 requires for DATE values. */
  allDay?: { startDate: string; endDateExclusive: string };
  /** Shown as busy time without details (restricted entries): TRANSP:OPAQUE, CLASS:CONFIDENTIAL */
  busyOnly?: boolean;
  categories?: string[];
  /** STATUS; absent means confirmed. A cancelled event stays in the feed so clients remove it. */
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

export interface ICalendarInput {
  calendarName: string;
  description?: string;
  /**
   * How often subscribers should fetch the feed again, as an RFC 5545 duration (e.g. "PT1H"):
   * REFRESH-INTERVAL (RFC 7986) and Outlook's X-PUBLISHED-TTL. Without it clients pick their own,
   * Outlook as rarely as once a week.
   */
  refreshInterval?: string;
  events: ICalEvent[];
}

/** What a restricted entry shows instead of its title; bilingual because feeds get shared. */
export const BUSY_SUMMARY = '忙碌 / Busy';

const CRLF = '\r\n';
/** RFC 5545 §3.1 counts octets, not characters: one Chinese character is three of them. */
const MAX_LINE_OCTETS = 75;

export function renderICalendar(input: ICalendarInput): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Siban//Calendar Feeds//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.calendarName)}`,
    // Apple and Google Calendar read these X- properties for the feed's name and default zone;
    // our times are UTC anyway, so the zone only steers how clients present all-day events.
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  if (input.description) lines.push(`X-WR-CALDESC:${escapeText(input.description)}`);
  if (input.refreshInterval !== undefined) {
    if (!/^P(?!$)(\d+W|(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?)$/.test(input.refreshInterval)) {
      throw new RangeError(`Refresh interval must be an RFC 5545 duration, got "${input.refreshInterval}"`);
    }
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${input.refreshInterval}`, `X-PUBLISHED-TTL:${input.refreshInterval}`);
  }

  for (const event of input.events) lines.push(...renderEvent(event));

  lines.push('END:VCALENDAR');
  // Every content line, including the last, is terminated by CRLF (RFC 5545 §3.1).
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function renderEvent(event: ICalEvent): string[] {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`SEQUENCE must be a non-negative integer, got ${event.sequence} (${event.uid})`);
  }
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(event.stamp, `DTSTAMP of ${event.uid}`)}`,
    `SEQUENCE:${event.sequence}`,
  ];

  if (event.allDay) {
    const start = formatDate(event.allDay.startDate, event.uid);
    const end = formatDate(event.allDay.endDateExclusive, event.uid);
    // Same-length digit strings compare like the dates they encode.
    if (end <= start) throw new RangeError(`All-day event ${event.uid} must end after it starts`);
    lines.push(`DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`);
  } else {
    if (!event.start || !event.end) throw new RangeError(`Event ${event.uid} needs start and end, or allDay`);
    if (event.end.getTime() < event.start.getTime()) {
      throw new RangeError(`Event ${event.uid} ends before it starts`);
    }
    lines.push(`DTSTART:${formatUtc(event.start, event.uid)}`, `DTEND:${formatUtc(event.end, event.uid)}`);
  }

  if (event.busyOnly) {
    // Categories are dropped too: a category such as "常委会" would reveal what the slot is.
    lines.push(`SUMMARY:${escapeText(BUSY_SUMMARY)}`, 'CLASS:CONFIDENTIAL', 'TRANSP:OPAQUE');
  } else {
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    const categories = (event.categories ?? []).filter((c) => c.length > 0);
    // One property with a comma-separated list; commas inside a value are escaped below.
    if (categories.length > 0) lines.push(`CATEGORIES:${categories.map(escapeText).join(',')}`);
  }

  if (event.status) lines.push(`STATUS:${event.status}`);
  lines.push('END:VEVENT');
  return lines;
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return (
    value
      // Backslash first, or the escapes added below would be doubled.
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT at all (HTAB is).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
  );
}

/**
 * Splits a content line into physical lines of at most 75 octets (without the CRLF). A
 * continuation line begins with one space, which counts toward its 75. Splitting only between
 * code points keeps every multi-byte UTF-8 sequence (and surrogate pair) whole.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const char of line) {
    const octets = Buffer.byteLength(char, 'utf8');
    if (currentOctets + octets > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      currentOctets = 1;
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function formatUtc(date: Date, what: string): string {
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date for ${what}`);
  // toISOString is always UTC: "2026-11-24T00:00:00.000Z" -> "20261124T000000Z".
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function formatDate(localDate: string, uid: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new RangeError(`All-day date must be YYYY-MM-DD, got "${localDate}" (${uid})`);
  const [, y, m, d] = match;
  // Reject dates like 2026-02-30 that clients would silently roll into March.
  const probe = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (probe.getUTCFullYear() !== Number(y) || probe.getUTCMonth() !== Number(m) - 1 || probe.getUTCDate() !== Number(d)) {
    throw new RangeError(`No such date "${localDate}" (${uid})`);
  }
  return `${y}${m}${d}`;
}
