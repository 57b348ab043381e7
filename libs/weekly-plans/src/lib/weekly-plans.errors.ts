import { badInput, conflict, DomainError, forbidden, notFound } from '@siban/graphql-core';

export const WeeklyPlanErrors = {
  badWeek: (value: string, field = 'week') =>
    badInput(field, `周次格式应为 2026-W48 / A week looks like 2026-W48: ${value.slice(0, 20)}`, 'BAD_WEEK'),
  notYourLeader: () => forbidden('只能编辑分配给您的领导的周计划 / You can only edit the plans of leaders assigned to you'),
  planNotFound: (what: string) => notFound('周计划 / weekly plan', what, 'leaderId'),
  entryNotFound: (id: string) => notFound('日程 / plan entry', id, 'id'),
  duplicateEntry: (field: string) => badInput(field, '同一条日程列出了两次 / The same entry is listed twice', 'DUPLICATE_ENTRY'),
  staleVersion: (expected: number, actual: number) =>
    conflict(
      `周计划已被修改（版本 ${actual}），请刷新后再保存 / The plan changed meanwhile (version ${actual}, you had ${expected}); reload and save again`,
      'expectedVersion',
      'STALE_VERSION',
    ),
  alreadySubmitted: () => conflict('该周计划已报送 / This plan is already submitted', 'leaderId', 'ALREADY_SUBMITTED'),
  targetNotEmpty: () =>
    conflict(
      '本周计划已有内容；如需覆盖请设置 replace: true / The plan already has entries; pass replace: true to overwrite',
      'replace',
      'PLAN_NOT_EMPTY',
    ),
  nothingToCopy: () => notFound('上周计划 / last week’s plan', 'previous week', 'week'),
  unacknowledgedConflicts: (keys: string[]) =>
    new DomainError(
      'BAD_USER_INPUT',
      `发布前须逐条确认冲突并填写说明 / Acknowledge every conflict with a note before publishing (${keys.length} open)`,
      'acknowledgements',
      keys.map((key) => ({ field: 'acknowledgements', message: key })),
      'UNACKNOWLEDGED_CONFLICTS',
    ),
  nothingToPublish: () => conflict('自上一版以来没有变化 / Nothing changed since the last revision', 'week', 'NO_CHANGES'),
  concurrentPublish: () =>
    conflict('另一位协调员刚刚发布了新版本，请刷新 / Another coordinator just published a revision; reload', 'week', 'CONCURRENT_PUBLISH'),
  revisionNotFound: (week: string, number: number) => notFound('日程版本 / schedule revision', `${week} #${number}`, 'number'),
};
