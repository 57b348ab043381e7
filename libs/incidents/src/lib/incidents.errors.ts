import { badInput, conflict, notFound } from '@siban/graphql-core';
import type { DraftProblem } from './utils/logging-decision';

const isProblem = (value: unknown): value is DraftProblem =>
  typeof value === 'object' && value !== null && typeof (value as DraftProblem).message === 'string';

export const IncidentErrors = {
  // The core's problems are already worded Chinese first, then English (utils/logging-decision).
  badDraft: (problem: DraftProblem) =>
    isProblem(problem) ? badInput(problem.field, problem.message) : badInput('input', '报送内容有误 / The incident draft is not valid'),
  keyReused: () =>
    conflict(
      '该幂等键已用于另一份不同的报送 / This idempotency key was already used for a different incident',
      'idempotencyKey',
      'IDEMPOTENCY_KEY_REUSED',
    ),
  incidentNotFound: (id: string) => notFound('突发事件 / incident', id, 'id'),
  entryNotFound: (id: string) => notFound('时间线记录 / timeline entry', id, 'entryId'),
  staleVersion: () =>
    conflict('事件已被他人更新，请刷新后重试 / The incident has changed since you read it: reload and retry', 'version', 'STALE_VERSION'),
  closed: () => conflict('事件已结案，不能再修改 / The incident is closed: it can no longer change', 'id', 'INCIDENT_CLOSED'),
  emptyText: (field: string) => badInput(field, '内容不能为空 / The text is required'),
};
