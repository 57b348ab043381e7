// Shared pieces of the duty roster e2e suites: the operations as a client sends them, and the
// checks a generated roster must pass (no one on two shifts in a row, counts within one).

export const PERSON_FIELDS = 'id name kind officeCode officeName active';
export const SHIFT_FIELDS = `id date month status startsAt endsAt seat dayKind holiday adjustedFor version post { id code name kind } person { ${PERSON_FIELDS} }`;
export const COUNTS = 'total weekend holiday';
export const TALLY_FIELDS = `person { ${PERSON_FIELDS} } range { ${COUNTS} } allTime { ${COUNTS} }`;
export const CHANGE_FIELDS = `id shiftId kind reason actorName relatedShiftId swapRequestId undoesId undoneById warnings from { ${PERSON_FIELDS} } to { ${PERSON_FIELDS} }`;
export const REQUEST_FIELDS = `id status note fromShift { ${SHIFT_FIELDS} } toShift { ${SHIFT_FIELDS} } requester { id name } counterpart { id name }`;

export const POSTS = `{ dutyPosts { id code name kind pool { ${PERSON_FIELDS} } } }`;
export const DAY_KINDS = 'query ($from: String!, $to: String!) { dutyDayKinds(from: $from, to: $to) { date kind holiday adjustedFor } }';
export const GENERATE = `mutation ($from: String!, $to: String!) { generateDutyRoster(from: $from, to: $to) { from to shiftCount periods { month status shiftCount gapCount } gaps { reason message shift { ${SHIFT_FIELDS} } } tallies { ${TALLY_FIELDS} } } }`;
export const PUBLISH =
  'mutation ($month: String!) { publishDutyRoster(month: $month) { month status publishedAt version shiftCount gapCount } }';
export const ROSTER = `query ($from: String!, $to: String!) { dutyRoster(from: $from, to: $to) { from to missingYears warnings days { date kind holiday } periods { month status } shifts { ${SHIFT_FIELDS} } } }`;
export const SHIFTS = `query ($from: String!, $to: String!, $officeCode: String, $personId: ID) { dutyShifts(from: $from, to: $to, officeCode: $officeCode, personId: $personId) { ${SHIFT_FIELDS} } }`;
export const MY_SHIFTS = `query ($from: String, $to: String) { myDutyShifts(from: $from, to: $to) { ${SHIFT_FIELDS} } }`;
export const ON_DUTY = `query ($at: DateTime!) { onDuty(at: $at) { ${SHIFT_FIELDS} } }`;
export const TALLIES = `query ($from: String, $to: String) { dutyTallies(from: $from, to: $to) { ${TALLY_FIELDS} } }`;
export const HISTORY = `query ($shiftId: ID!) { dutyShiftHistory(shiftId: $shiftId) { ${CHANGE_FIELDS} } }`;
export const GAPS = `query ($from: String, $to: String) { dutyGaps(from: $from, to: $to) { reason message shift { ${SHIFT_FIELDS} } } }`;
export const SET_POOL = `mutation ($postId: ID!, $personIds: [ID!]!) { setDutyPool(postId: $postId, personIds: $personIds) { id code pool { ${PERSON_FIELDS} } } }`;
export const REQUEST_SWAP = `mutation ($myShiftId: ID!, $otherShiftId: ID!, $note: String) { requestDutySwap(myShiftId: $myShiftId, otherShiftId: $otherShiftId, note: $note) { ${REQUEST_FIELDS} } }`;
export const RESPOND_SWAP = `mutation ($requestId: ID!, $accept: Boolean!) { respondDutySwap(requestId: $requestId, accept: $accept) { ${REQUEST_FIELDS} } }`;
export const APPROVE_SWAP = `mutation ($requestId: ID!, $approve: Boolean!) { approveDutySwap(requestId: $requestId, approve: $approve) { ${REQUEST_FIELDS} } }`;
export const SWAP = `mutation ($shiftId: ID!, $otherShiftId: ID!, $reason: String) { swapDutyShifts(shiftId: $shiftId, otherShiftId: $otherShiftId, reason: $reason) { shifts { ${SHIFT_FIELDS} } changes { ${CHANGE_FIELDS} } } }`;
export const UNDO = `mutation ($changeId: ID!) { undoDutySwap(changeId: $changeId) { shifts { ${SHIFT_FIELDS} } changes { ${CHANGE_FIELDS} } } }`;
export const OVERRIDE = `mutation ($shiftId: ID!, $personId: ID, $reason: String!) { overrideDutyShift(shiftId: $shiftId, personId: $personId, reason: $reason) { ${SHIFT_FIELDS} } }`;
export const DECLARE = `mutation ($personId: ID!, $from: String!, $to: String!, $reason: String!) { declareDutyUnavailability(personId: $personId, from: $from, to: $to, reason: $reason) { id from to reason person { ${PERSON_FIELDS} } emptiedShifts { ${SHIFT_FIELDS} } } }`;
export const LOAD_CALENDAR =
  'mutation ($json: String!) { loadHolidayCalendar(json: $json) { year source holidays { name from to } adjustedWorkdays { date for } } }';

export interface Shift {
  id: string;
  date: string;
  post: { code: string };
  person: { id: string; name: string } | null;
  dayKind: string;
}

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/** Whether `personId` could take a shift of `date` in the post, given the post's shifts, leaving out `ignoring`. */
export function canTake(shifts: Shift[], personId: string, date: string, ignoring: string[] = []): boolean {
  return shifts.every((s) => s.person?.id !== personId || ignoring.includes(s.id) || Math.abs(dayNumber(s.date) - dayNumber(date)) > 1);
}

/** Pairs of shifts of one post whose holders may swap (neither left with shifts on adjacent days). */
export function swappablePairs(shifts: Shift[]): [Shift, Shift][] {
  const pairs: [Shift, Shift][] = [];
  for (const a of shifts) {
    for (const b of shifts) {
      if (a.id >= b.id || !a.person || !b.person || a.person.id === b.person.id || a.post.code !== b.post.code) continue;
      if (canTake(shifts, a.person.id, b.date, [a.id]) && canTake(shifts, b.person.id, a.date, [b.id])) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** Spread (max - min) of each count across a set of tallies. */
export function spreads(tallies: { range: Record<string, number> }[]): { total: number; weekend: number; holiday: number } {
  const spread = (key: string) => Math.max(...tallies.map((t) => t.range[key])) - Math.min(...tallies.map((t) => t.range[key]));
  return { total: spread('total'), weekend: spread('weekend'), holiday: spread('holiday') };
}

/** Shifts of one post, by date, held twice in a row by one person (none in a good roster). */
export function consecutive(shifts: Shift[]): string[] {
  const byPost = new Map<string, Shift[]>();
  for (const s of shifts) byPost.set(s.post.code, [...(byPost.get(s.post.code) ?? []), s]);
  const found: string[] = [];
  for (const list of byPost.values()) {
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
    sorted.forEach((s, i) => {
      const next = sorted[i + 1];
      if (next && s.person && next.person?.id === s.person.id && dayNumber(next.date) - dayNumber(s.date) === 1) {
        found.push(`${s.post.code} ${s.date}/${next.date} ${s.person.name}`);
      }
    });
  }
  return found;
}
