// Shared pieces of the weekly-plan e2e suites (apps/api/src/e2e/weekly-plans-*.spec.ts):
// the operations as a client sends them, entry fixtures, and plan steps. Users, leaders, tokens
// and assignments come from `scenario()` in @siban/testing.
import { gqlOk, ScenarioApp, scenario } from '@siban/testing';

/** Where the plan steps send their operations: a TestApp or a built Scenario. */
type Service = { url: string };

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
export async function leaderIds(t: ScenarioApp): Promise<Record<string, string>> {
  return (await scenario(t).build()).leaderIds();
}

export async function savePlan(t: Service, token: string, leaderId: string, week: string, entries: EntryFixture[]): Promise<any> {
  return (await gqlOk(t.url, token, SAVE, { input: { leaderId, week, entries } })).saveWeeklyPlan;
}

export async function submitPlan(t: Service, token: string, leaderId: string, week: string): Promise<any> {
  return (await gqlOk(t.url, token, SUBMIT, { input: { leaderId, week } })).submitWeeklyPlan;
}

/** Saves and submits; returns the submitted plan. */
export async function enterPlan(t: Service, token: string, leaderId: string, week: string, entries: EntryFixture[]): Promise<any> {
  await savePlan(t, token, leaderId, week, entries);
  return submitPlan(t, token, leaderId, week);
}

/** The saved entry with this title (titles are unique within the fixtures). */
export function entryTitled(entries: any[], title: string): any {
  const found = entries.filter((e) => e.title === title);
  if (found.length !== 1) throw new Error(`expected one entry titled ${title}, found ${found.length}`);
  return found[0];
}
