import type { FieldProblem } from './domain-error';

// class-validator writes its messages in English only ("title must be shorter than or equal to
// 200 characters"). Every message the API shows is Chinese first, then English, so each
// constraint has a Chinese template here, put before the English message it explains. `{n}`
// stands for the first number in the English message (a length, a bound, a count).

/** Chinese for each class-validator constraint name the DTOs use (and the pipe's own checks). */
export const VALIDATION_MESSAGES_ZH: Readonly<Record<string, string>> = Object.freeze({
  isString: '须为文本',
  isBoolean: '须为 true 或 false',
  isInt: '须为整数',
  isNumber: '须为数字',
  isDate: '须为日期时间',
  isDateString: '须为 ISO 8601 日期时间',
  isISO8601: '须为 ISO 8601 日期时间',
  isEnum: '不是可选的值',
  isIn: '不是可选的值',
  isUuid: '须为 UUID',
  // Edge range checks (input-range.ts): their own messages are bilingual already; these cover a
  // DTO that overrides the message in English.
  isIsoWeek: '须为 2000–2100 年间的 ISO 周，如 2026-W48',
  isDistrictDate: '须为 2000–2100 年间的日期 YYYY-MM-DD',
  isEmail: '须为电子邮箱地址',
  isUrl: '须为网址',
  isNotEmpty: '不能为空',
  isDefined: '必须填写',
  minLength: '长度不能少于 {n} 个字符',
  maxLength: '长度不能超过 {n} 个字符',
  min: '不能小于 {n}',
  max: '不能大于 {n}',
  isPositive: '须为正数',
  arrayUnique: '各项不能重复',
  arrayMinSize: '至少 {n} 项',
  arrayMaxSize: '最多 {n} 项',
  arrayNotEmpty: '不能为空列表',
  isArray: '须为列表',
  isObject: '须为对象',
  matches: '格式不正确',
  nestedValidation: '须为对象或列表',
  whitelistValidation: '没有这个字段',
});

const GENERIC_ZH = '输入不符合要求';
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * The message of a failed constraint, Chinese first then English. A message that already has
 * Chinese (a DTO's own bilingual message) is kept as it is; a constraint without a template gets
 * a general Chinese phrase, so no message is ever English only.
 */
export function bilingualValidationMessage(constraint: string, english: string): string {
  if (HAS_CHINESE.test(english)) return english;
  const template = VALIDATION_MESSAGES_ZH[constraint] ?? GENERIC_ZH;
  const n = /\d+/.exec(english)?.[0] ?? '';
  // `each: true` checks every element of a list ("each value in attendeeLeaderIds must be a UUID").
  const each = english.startsWith('each value in ') ? '每一项都' : '';
  return `${each}${template.replace('{n}', n)} / ${english}`;
}

/** A failed constraint of `field` (an entry of class-validator's `constraints`) as a problem to show. */
export const bilingualProblem =
  (field: string) =>
  ([constraint, message]: [string, string]): FieldProblem => ({ field, message: bilingualValidationMessage(constraint, message) });
