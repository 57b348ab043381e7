// Shared pieces of the weekly-plan e2e suites (apps/api/src/e2e/weekly-plans-*.spec.ts):
// the operations as a client sends them, entry fixtures, and small lookups.
import type { Clock } from '@siban/clock';
import { DEMO_PASSWORD } from '@siban/organization';
import { gqlOk, login } from '@siban/testing';
import type { TestApp } from './test-app';

export const ENTRY_FIELDS =
  'id date endDate slot startAt endAt kind title place leadOfficeCode confidentiality sessionOf note busy leader { name } attendees { name }';
export const PLAN_FIELDS = `id week status late submittedAt version leader { name } entries { ${ENTRY_FIELDS} }`;

export const WEEKLY_PLAN = `query ($leaderId: ID!, $week: String!) { weeklyPlan(leaderId: $leaderId, week: $week) { ${PLAN_FIELDS} } }`;
export const SAVE = `mutation ($input: SaveWeeklyPlanInput!) { saveWeeklyPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const ADD = `mutation ($input: AddPlanEntryInput!) { addPlanEntry(input: $input) { ${PLAN_FIELDS} } }`;
export const UPDATE = `mutation ($input: UpdatePlanEntryInput!) { updatePlanEntry(input: $input) { ${PLAN_FIELDS} } }`;
export const REMOVE = `mutation ($id: ID!) { removePlanEntry(id: $id) { ${PLAN_FIELDS} } }`;
export const COPY = `mutation ($input: CopyPreviousWeekInput!) { copyPreviousWeekPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const SUBMIT = `mutation ($input: PlanRefInput!) { submitWeeklyPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const SET_DEADLINE = 'mutation ($input: SetPlanDeadlineInput!) { setPlanDeadline(input: $input) }';
export const SUBMISSIONS =
  'query ($week: String!) { planSubmissions(week: $week) { week deadline leaders { leader { name } state submittedAt entryCount } } }';

export const EVENT_FIELDS = `id entryIds startsAt endsAt leaders { name } entry { ${ENTRY_FIELDS} }`;
export const DAYS_FIELDS = `days { date allDay { ${EVENT_FIELDS} } slots { slot events { ${EVENT_FIELDS} } } }`;
export const CHANGES_FIELDS = `added { ${ENTRY_FIELDS} } removed { ${ENTRY_FIELDS} } changed { entryId fields before { ${ENTRY_FIELDS} } after { ${ENTRY_FIELDS} } }`;
export const CONFLICT_FIELDS = 'key kind message entryIds note';
export const MERGED = `query ($week: String!) { mergedSchedule(week: $week) { week deadline latestRevisionNumber conflicts { ${CONFLICT_FIELDS} } events { ${EVENT_FIELDS} } ${DAYS_FIELDS} pendingChanges { ${CHANGES_FIELDS} } } }`;
export const REVISION_FIELDS = `id week number note publishedAt publishedById publishedBy { displayName } events { ${EVENT_FIELDS} } ${DAYS_FIELDS} changes { ${CHANGES_FIELDS} } acknowledgements { ${CONFLICT_FIELDS} }`;
export const PUBLISH = `mutation ($input: PublishScheduleInput!) { publishSchedule(input: $input) { ${REVISION_FIELDS} } }`;
export const REVISIONS = `query ($week: String!) { scheduleRevisions(week: $week) { ${REVISION_FIELDS} } }`;
export const REVISION = `query ($week: String!, $number: Int) { scheduleRevision(week: $week, number: $number) { ${REVISION_FIELDS} } }`;

/** What a test writes for one plan entry; GraphQL fills the rest with its defaults. */
export interface EntryFixture {
  id?: string;
  date: string;
  endDate?: string;
  slot?: 'MORNING' | 'AFTERNOON' | 'EVENING';
  startAt?: string;
  endAt?: string;
  kind: 'MEETING' | 'INSPECTION' | 'RECEPTION' | 'CONFERENCE' | 'TRIP' | 'LEAVE' | 'OTHER';
  title: string;
  place?: string;
  leadOfficeCode: string;
  attendeeLeaderIds?: string[];
  confidentiality?: 'OPEN' | 'RESTRICTED';
  sessionOf?: string;
  note?: string;
}

/** The UTC instant (ISO, as the API prints it) at which Shanghai clocks show `hhmm` on `date`. */
export function shanghai(date: string, hhmm: string): string {
  return new Date(`${date}T${hhmm}:00+08:00`).toISOString();
}

/** The demo leaders' ids by their Chinese names (王建国, 李明, ...). */
export async function leaderIds(t: TestApp): Promise<Record<string, string>> {
  const { leaders } = await gqlOk(t.url, await t.tokenFor('admin'), '{ leaders { id name } }');
  return Object.fromEntries(leaders.map((l: { id: string; name: string }) => [l.name, l.id]));
}

export async function savePlan(t: TestApp, token: string, leaderId: string, week: string, entries: EntryFixture[]): Promise<any> {
  return (await gqlOk(t.url, token, SAVE, { input: { leaderId, week, entries } })).saveWeeklyPlan;
}

export async function submitPlan(t: TestApp, token: string, leaderId: string, week: string): Promise<any> {
  return (await gqlOk(t.url, token, SUBMIT, { input: { leaderId, week } })).submitWeeklyPlan;
}

/** Saves and submits; returns the submitted plan. */
export async function enterPlan(t: TestApp, token: string, leaderId: string, week: string, entries: EntryFixture[]): Promise<any> {
  await savePlan(t, token, leaderId, week, entries);
  return submitPlan(t, token, leaderId, week);
}

/**
 * Tokens for suites that move a ManualClock: the service checks a token's expiry by its own
 * clock, so a token is signed in again whenever the clock has moved since it was issued.
 */
export function clockedTokens(t: TestApp, clock: Clock): (username: string) => Promise<string> {
  const issued = new Map<string, { at: number; token: string }>();
  return async (username) => {
    const now = clock.now().getTime();
    const cached = issued.get(username);
    if (cached && cached.at === now) return cached.token;
    const token = await login(t.url, username, DEMO_PASSWORD);
    issued.set(username, { at: now, token });
    return token;
  };
}

/** The saved entry with this title (titles are unique within the fixtures). */
export function entryTitled(entries: any[], title: string): any {
  const found = entries.filter((e) => e.title === title);
  if (found.length !== 1) throw new Error(`expected one entry titled ${title}, found ${found.length}`);
  return found[0];
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
