import type { LeaderInfo } from '../domain/types';
import type { ViewedEvent } from '../schedule/schedule-view';
import { involvesOffice, placeName } from './schedule-feed-source';

describe('placeName', () => {
  it('does not double the character the district ends with and the office starts with', () => {
    expect(placeName('清河区', '区委办')).toBe('清河区委办');
    expect(placeName('清河区', '区政府办')).toBe('清河区政府办');
    expect(placeName('清河区', '接待办')).toBe('清河区接待办');
    expect(placeName('长丰县', '县委办')).toBe('长丰县委办');
    expect(placeName('清河区', 'RECEPTION')).toBe('清河区RECEPTION');
  });
});

describe('involvesOffice', () => {
  const leaders = new Map<string, LeaderInfo>([
    ['L1', { id: 'L1', name: '赵敏', title: '副区长', body: 'GOVERNMENT', officeCode: 'GOVERNMENT', rank: 1, isPrincipal: false, active: true }],
  ]);
  const event = (leadOfficeCode: string, leaderIds: string[]) => ({ leaderIds, entry: { leadOfficeCode } }) as unknown as ViewedEvent;

  it('takes what the office leads and where its leaders take part', () => {
    expect(involvesOffice(event('RECEPTION', ['L1']), 'RECEPTION', leaders)).toBe(true);
    expect(involvesOffice(event('RECEPTION', ['L1']), 'GOVERNMENT', leaders)).toBe(true);
    expect(involvesOffice(event('PARTY', ['L1']), 'RECEPTION', leaders)).toBe(false);
    // A busy block's leading office is blanked: it never matches an office by that.
    expect(involvesOffice(event('', []), 'RECEPTION', leaders)).toBe(false);
  });
});
