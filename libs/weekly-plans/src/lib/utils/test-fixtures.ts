// Test-only fixtures shared by the utils specs (the demo district's leaders, and an entry builder
// whose defaults are the least surprising values, so each spec states only what matters to it).
import type { LeaderInfo, PlanEntryData } from '../domain/types';

export const LEADERS: LeaderInfo[] = [
  {
    id: 'wang',
    name: '王建国',
    title: '区委书记',
    body: 'STANDING_COMMITTEE',
    officeCode: 'PARTY',
    rank: 1,
    isPrincipal: true,
    active: true,
  },
  {
    id: 'li',
    name: '李明',
    title: '区委副书记、区长',
    body: 'GOVERNMENT',
    officeCode: 'GOVERNMENT',
    rank: 2,
    isPrincipal: true,
    active: true,
  },
  {
    id: 'zhang',
    name: '张华',
    title: '区人大常委会主任',
    body: 'CONGRESS',
    officeCode: 'CONGRESS',
    rank: 3,
    isPrincipal: true,
    active: true,
  },
  { id: 'liu', name: '刘芳', title: '区政协主席', body: 'CPPCC', officeCode: 'CPPCC', rank: 4, isPrincipal: true, active: true },
  {
    id: 'chen',
    name: '陈强',
    title: '区委副书记',
    body: 'STANDING_COMMITTEE',
    officeCode: 'PARTY',
    rank: 5,
    isPrincipal: false,
    active: true,
  },
  {
    id: 'zhao',
    name: '赵敏',
    title: '区委常委、常务副区长',
    body: 'STANDING_COMMITTEE',
    officeCode: 'GOVERNMENT',
    rank: 6,
    isPrincipal: false,
    active: true,
  },
  {
    id: 'sun',
    name: '孙伟',
    title: '区委常委、组织部部长',
    body: 'STANDING_COMMITTEE',
    officeCode: 'PARTY',
    rank: 7,
    isPrincipal: false,
    active: true,
  },
  {
    id: 'zhou',
    name: '周静',
    title: '区人大常委会副主任',
    body: 'CONGRESS',
    officeCode: 'CONGRESS',
    rank: 8,
    isPrincipal: false,
    active: true,
  },
];

export const LEADERS_BY_ID = new Map(LEADERS.map((l) => [l.id, l]));

export function entry(overrides: Partial<PlanEntryData> & Pick<PlanEntryData, 'id'>): PlanEntryData {
  return {
    leaderId: 'wang',
    date: '2026-11-24',
    endDate: null,
    slot: 'MORNING',
    startAt: null,
    endAt: null,
    kind: 'MEETING',
    title: '常委会',
    place: '区委一号会议室',
    leadOfficeCode: 'PARTY',
    attendeeLeaderIds: [],
    confidentiality: 'OPEN',
    sessionOf: null,
    note: '',
    ...overrides,
  };
}

/** Shanghai wall time on a date, as the UTC instant the entry would store. */
export function at(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}
