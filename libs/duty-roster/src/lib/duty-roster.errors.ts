import { badInput, conflict, DomainError, FieldProblem, forbidden, notFound } from '@siban/graphql-core';
import type { RuleViolation } from './domain/types';
import { CHANGE_ERROR_CODE } from './utils/change-rules';

const isViolation = (value: unknown): value is RuleViolation =>
  typeof value === 'object' && value !== null && typeof (value as RuleViolation).message === 'string';

export const DutyRosterErrors = {
  badDate: (field: string, value: string) =>
    badInput(
      field,
      `日期应为 2000–2100 年间的 YYYY-MM-DD / must be a date YYYY-MM-DD between 2000 and 2100: ${String(value).slice(0, 20)}`,
    ),
  badMonth: (field: string, value: string) =>
    badInput(field, `月份应为 YYYY-MM，如 2026-10 / A month looks like 2026-10: ${String(value).slice(0, 20)}`),
  rangeReversed: (field: string) => badInput(field, '结束日期早于开始日期 / The range ends before it starts', 'RANGE_REVERSED'),
  rangeTooLong: (field: string) => badInput(field, '日期范围不能超过一年 / The range may span at most a year', 'RANGE_TOO_LONG'),
  noCalendar: (field: string, years: number[]) =>
    badInput(
      field,
      `尚未导入 ${years.join('、')} 年的节假日安排，请先导入 / No holiday calendar is loaded for ${years.join(', ')}: load it first`,
      'NO_HOLIDAY_CALENDAR',
    ),
  badCalendar: (problems: FieldProblem[]) =>
    new DomainError(
      'BAD_USER_INPUT',
      `节假日文件有误（${problems.length} 处） / The holiday file has ${problems.length} problem(s)`,
      'json',
      problems
        .filter((p) => typeof p?.message === 'string')
        .map((p) => ({ field: p.field ? `json.${p.field}` : 'json', message: p.message })),
      'BAD_HOLIDAY_CALENDAR',
    ),
  periodPublished: (month: string) =>
    conflict(
      `值班表 ${month} 已发布，不能重新生成 / The roster of ${month} is published: it cannot be regenerated`,
      'from',
      'PERIOD_PUBLISHED',
    ),
  periodNotFound: (month: string) => notFound('值班表 / duty roster', String(month), 'month'),
  alreadyPublished: (month: string) =>
    conflict(`值班表 ${month} 已经发布 / The roster of ${month} is already published`, 'month', 'ALREADY_PUBLISHED'),
  postNotFound: (id: string) => notFound('值班岗位 / duty post', String(id), 'postId'),
  shiftNotFound: (id: string, field: string) => notFound('班次 / duty shift', String(id), field),
  changeNotFound: (id: string) => notFound('班次变更记录 / shift change', String(id), 'changeId'),
  notASwap: () => badInput('changeId', '只能撤销换班记录 / Only a swap can be undone', 'NOT_A_SWAP'),
  alreadyUndone: () => conflict('该换班已撤销 / This swap is already undone', 'changeId', 'ALREADY_UNDONE'),
  swapRequestNotFound: (id: string) => notFound('换班申请 / swap request', String(id), 'requestId'),
  unknownPerson: (field: string, id: string) =>
    badInput(field, `未找到该人员，或其类型与岗位不符 / No such person for this post: ${String(id).slice(0, 60)}`, 'UNKNOWN_PERSON'),
  inactivePerson: (field: string, id: string) =>
    badInput(field, `该人员已停用 / This person is no longer active: ${String(id).slice(0, 60)}`, 'INACTIVE_PERSON'),
  duplicatePerson: (field: string) => badInput(field, '同一人员列出了两次 / The same person is listed twice', 'DUPLICATE_PERSON'),
  notYourShift: () => forbidden('只能为自己的班次申请换班 / You can only ask to swap a shift you hold'),
  notYourRequest: () => forbidden('只有被请求换班的人员可以答复 / Only the person asked can answer this swap request'),
  notYourPerson: () => forbidden('只能为自己登记，或由总值班协调人登记 / Only for yourself, or by a duty coordinator'),
  notPublished: (field: string) =>
    conflict('值班表发布后才能换班 / Shifts can be swapped once their roster is published', field, 'NOT_PUBLISHED'),
  swapRequestOpen: () =>
    conflict(
      '这两个班次之一已有待处理的换班申请 / One of these shifts already has an open swap request',
      'otherShiftId',
      'SWAP_REQUEST_OPEN',
    ),
  swapRequestClosed: (status: string) =>
    conflict(`换班申请已处理（${status}） / The swap request is no longer open (${status})`, 'requestId', 'SWAP_REQUEST_CLOSED'),
  swapStale: () =>
    conflict('申请之后班次已有变动，请重新申请 / The shifts changed since the request: ask again', 'requestId', 'SWAP_REQUEST_STALE'),
  /**
   * A change the roster rules refuse (change-rules.ts), every broken rule listed: BAD_USER_INPUT
   * when the request itself is wrong (a swap across posts), CONFLICT when the roster as it stands
   * refuses it (consecutive shifts); `reason` is the first rule's code.
   */
  changeRefused: (violations: readonly RuleViolation[], field: string) => {
    const broken = violations
      .filter(isViolation)
      .sort((a, b) => Number(CHANGE_ERROR_CODE[a.code] !== 'BAD_USER_INPUT') - Number(CHANGE_ERROR_CODE[b.code] !== 'BAD_USER_INPUT'));
    const half = (i: number) => broken.map((v) => v.message.split(' / ')[i] ?? v.message).join(i === 0 ? '；' : '; ');
    return new DomainError(
      broken[0] ? CHANGE_ERROR_CODE[broken[0].code] : 'CONFLICT',
      `不能执行：${half(0)} / Refused: ${half(1)}`,
      String(field),
      broken.map((v) => ({ field: String(field), message: v.message })),
      broken[0]?.code,
    );
  },
};
