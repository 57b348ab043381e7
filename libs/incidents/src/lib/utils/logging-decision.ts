import type { IncidentCategory, IncidentSeverity } from '../domain/types';

/** What a duty officer submits: category, place, time learned and a description are enough at first. */
export interface IncidentDraft {
  category: IncidentCategory;
  place: string;
  learnedAt: Date;
  description: string;
  severity?: IncidentSeverity;
  occurredAt?: Date | null;
  reporterName?: string;
  reporterPhone?: string | null;
  reportedVia?: string | null;
  casualties?: string;
  losses?: string;
  measures?: string;
}

export interface DraftProblem {
  field: keyof IncidentDraft | 'idempotencyKey';
  message: string;
}

/** Clocks of the officers' machines run a little ahead; more than this ahead is a typing error. */
const FUTURE_SKEW_MS = 5 * 60_000;
const KEY_RE = /^[\x21-\x7e]{1,200}$/;
const PHONE_RE = /^\+?[0-9][0-9 -]{2,30}[0-9]$/;

/** Problems of a draft, as the database's CHECKs would find them, so bad input writes nothing. */
export function draftProblems(draft: IncidentDraft, idempotencyKey: string, now: Date): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!KEY_RE.test(idempotencyKey))
    problems.push({
      field: 'idempotencyKey',
      message: '幂等键须为 1 到 200 个可见 ASCII 字符 / The idempotency key must be 1 to 200 printable ASCII characters',
    });
  if (draft.place.trim() === '') problems.push({ field: 'place', message: '请填写地点 / The place is required' });
  if (draft.description.trim() === '') problems.push({ field: 'description', message: '请填写事件简要情况 / A description is required' });
  if (draft.learnedAt.getTime() > now.getTime() + FUTURE_SKEW_MS)
    problems.push({ field: 'learnedAt', message: '获知时间不能晚于现在 / The time learned cannot be in the future' });
  if (draft.occurredAt && draft.occurredAt.getTime() > draft.learnedAt.getTime()) {
    problems.push({ field: 'occurredAt', message: '发生时间不能晚于获知时间 / It cannot have happened after the district learned of it' });
  }
  if (draft.reporterPhone && !PHONE_RE.test(draft.reporterPhone))
    problems.push({ field: 'reporterPhone', message: '电话号码格式不正确 / The phone number is not valid' });
  return problems;
}

/**
 * A canonical form of a draft: trimmed text, absent optional fields as their defaults, instants
 * as ISO strings, keys in a fixed order. Two submits of one key are the same logging when their
 * fingerprints are equal.
 */
export function draftFingerprint(draft: IncidentDraft): string {
  return JSON.stringify([
    draft.category,
    draft.severity ?? 'UNKNOWN',
    draft.place.trim(),
    draft.learnedAt.toISOString(),
    draft.occurredAt?.toISOString() ?? null,
    draft.description.trim(),
    (draft.reporterName ?? '').trim(),
    draft.reporterPhone?.trim() || null,
    draft.reportedVia ?? null,
    (draft.casualties ?? '').trim(),
    (draft.losses ?? '').trim(),
    (draft.measures ?? '').trim(),
  ]);
}

export type LoggingDecision<T> = { action: 'CREATE' } | { action: 'REPLAY'; incident: T } | { action: 'CONFLICT'; incident: T };

/**
 * What a submit does given the incident its creator already logged under the same key (the
 * unique key decides the race; the loser reads the winner's row and asks again). The same draft
 * again is a retry and gets the first incident back; a different draft under a used key is a
 * conflict, never a silent overwrite.
 */
export function decideLogging<T extends { submittedFingerprint: string }>(
  draft: IncidentDraft,
  existing: T | undefined,
): LoggingDecision<T> {
  if (!existing) return { action: 'CREATE' };
  return existing.submittedFingerprint === draftFingerprint(draft)
    ? { action: 'REPLAY', incident: existing }
    : { action: 'CONFLICT', incident: existing };
}
