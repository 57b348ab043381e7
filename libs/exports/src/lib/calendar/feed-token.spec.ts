import { calendarEtag } from './calendar-feed.service';
import { feedPath, feedTokenOf, hashFeedToken, newFeedToken } from './feed-token';

describe('feed tokens', () => {
  it('are URL-safe, unguessable and stored only as a hash', () => {
    const [a, b] = [newFeedToken(), newFeedToken()];
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a).not.toBe(b);
    expect(hashFeedToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashFeedToken(a)).toBe(hashFeedToken(a));
    expect(hashFeedToken(a)).not.toContain(a);
  });

  it('round-trip through the URL path', () => {
    expect(feedTokenOf(feedPath('abc_-1').split('/')[1])).toBe('abc_-1');
    expect(feedTokenOf('abc.txt')).toBeUndefined();
    expect(feedTokenOf('.ics')).toBeUndefined();
  });
});

describe('calendarEtag', () => {
  const calendar = {
    name: '王建国工作安排',
    events: [
      {
        uid: 'e1@siban',
        sequence: 2,
        stamp: new Date('2026-11-20T09:30:00Z'),
        summary: '常委会',
        start: new Date('2026-11-24T00:00:00Z'),
        end: new Date('2026-11-24T04:00:00Z'),
      },
    ],
  };

  it('is a weak validator that changes with the events, not with time', () => {
    const tag = calendarEtag(calendar, '清河区四办协同 Siban');
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(calendarEtag(structuredClone(calendar), '清河区四办协同 Siban')).toBe(tag);
    const moved = { ...calendar, events: [{ ...calendar.events[0], sequence: 3, summary: '常委会（改期）' }] };
    expect(calendarEtag(moved, '清河区四办协同 Siban')).not.toBe(tag);
  });
});
