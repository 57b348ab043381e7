import type { DutySeat } from '@siban/duty-roster';
import { onDutyAt, OnDutySeat } from './on-duty-at';

// 25 Nov 2026: one 24-hour shift from 08:30 Shanghai (00:30 UTC) to the next day's 08:30.
const start = new Date('2026-11-25T00:30:00Z');
const end = new Date('2026-11-26T00:30:00Z');
const seat = (code: string, person: OnDutySeat['person'], over: Partial<OnDutySeat> = {}): OnDutySeat => ({
  post: { code },
  person,
  published: true,
  startsAt: start,
  endsAt: end,
  ...over,
});

const seats: OnDutySeat[] = [
  seat('LEADER', { kind: 'LEADER', leaderId: 'leader-wang', userId: null }),
  seat('OFFICER', { kind: 'STAFF', leaderId: null, userId: 'officer-chen' }),
  seat('DRIVER', { kind: 'STAFF', leaderId: null, userId: 'driver-liu' }),
  seat('OFFICER', null),
  // The day before and the day after: someone else.
  seat('OFFICER', { kind: 'STAFF', leaderId: null, userId: 'officer-zhao' }, { startsAt: new Date('2026-11-24T00:30:00Z'), endsAt: start }),
  seat('OFFICER', { kind: 'STAFF', leaderId: null, userId: 'officer-zhou' }, { startsAt: end, endsAt: new Date('2026-11-27T00:30:00Z') }),
];
const accounts = new Map([['leader-wang', 'user-wang']]);

describe('onDutyAt', () => {
  it('finds the leader (through their account) and the officers whose shift covers the time learned', () => {
    expect(onDutyAt(seats, new Date('2026-11-25T14:00:00Z'), accounts)).toEqual({
      onDutyLeaders: ['user-wang'],
      onDutyOfficers: ['officer-chen', 'driver-liu'],
    });
    expect(onDutyAt(seats, new Date('2026-11-25T14:00:00Z'), accounts, new Set(['OFFICER'])).onDutyOfficers).toEqual(['officer-chen']);
  });

  it('hands over at the shift boundary: the start is in, the end is out', () => {
    expect(onDutyAt(seats, start, accounts, new Set(['OFFICER'])).onDutyOfficers).toEqual(['officer-chen']);
    expect(onDutyAt(seats, end, accounts, new Set(['OFFICER'])).onDutyOfficers).toEqual(['officer-zhou']);
  });

  it('leaves out unpublished rosters and leaders without an account', () => {
    const draft = seats.map((s) => ({ ...s, published: false }));
    expect(onDutyAt(draft, new Date('2026-11-25T14:00:00Z'), accounts)).toEqual({ onDutyLeaders: [], onDutyOfficers: [] });
    expect(onDutyAt(seats, new Date('2026-11-25T14:00:00Z'), new Map()).onDutyLeaders).toEqual([]);
  });

  // The roster's own seats (its on-duty lookup's answer) go in as they are: this stops compiling
  // if the two drift apart.
  it("takes the roster's seats as they are", () => {
    const rosterSeat: DutySeat = {
      id: 'a1',
      month: '2026-11',
      date: '2026-11-25',
      templateId: 't1',
      templateName: '全天班',
      post: { id: 'p1', code: 'OFFICER', name: '值班员', position: 1 },
      seat: 1,
      person: { id: 'd1', kind: 'STAFF', leaderId: null, userId: 'officer-chen', phone: null },
      published: true,
      version: 0,
      updatedAt: start,
      startsAt: start,
      endsAt: end,
    };
    expect(onDutyAt([rosterSeat], start, accounts).onDutyOfficers).toEqual(['officer-chen']);
  });
});
