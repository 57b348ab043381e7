import { badInput } from './domain-error';

/** Free text that may span lines: newlines and tabs stay (`\r\n` becomes `\n`). `summary` and `calls`: a duty handover log. */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['body', 'note', 'description', 'summary', 'calls']);

/** Secrets compared as typed: never trimmed or normalised, only refused when unprintable. */
export const VERBATIM_FIELDS: ReadonlySet<string> = new Set(['password', 'currentPassword', 'newPassword']);

/** No argument needs more; the fields that have a smaller limit check it after trimming. */
export const MAX_STRING_LENGTH = 10_000;

// C0 and C1 control characters and DEL; tab and newline are allowed back in multi-line text.
// Matching control characters is the point of these two.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_TAB_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * One string from a client, made safe to store and compare: no lone surrogates (they cannot be
 * encoded) and no control characters (PostgreSQL refuses NUL), then NFC so that the same text
 * typed on two systems is the same string, then trimmed so that length and emptiness checks see
 * what will be stored.
 */
export function sanitiseString(value: string, field: string): string {
  const name = field.slice(field.lastIndexOf('.') + 1);
  if (value.length > MAX_STRING_LENGTH * 2) throw tooLong(field);
  if (LONE_SURROGATE.test(value)) {
    throw badInput(field, '含有无效的 Unicode 字符 / Contains an invalid Unicode character (a lone surrogate)', 'INVALID_TEXT');
  }
  if (VERBATIM_FIELDS.has(name)) {
    if (CONTROL.test(value)) throw controlCharacter(field);
    return value;
  }
  const multiline = MULTILINE_FIELDS.has(name);
  const text = multiline ? value.replace(/\r\n?/g, '\n') : value;
  if ((multiline ? CONTROL_BUT_TAB_NEWLINE : CONTROL).test(text)) throw controlCharacter(field);
  const clean = text.normalize('NFC').trim();
  if (clean.length > MAX_STRING_LENGTH) throw tooLong(field);
  return clean;
}

const controlCharacter = (field: string) =>
  badInput(field, '含有不允许的控制字符 / Contains a control character that is not allowed here', 'INVALID_TEXT');

const tooLong = (field: string) =>
  badInput(field, `过长（最多 ${MAX_STRING_LENGTH} 个字符） / Too long (at most ${MAX_STRING_LENGTH} characters)`);

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Every string inside an argument, input objects and lists included, sanitised; `field` is the
 * argument's name, or empty for an input object whose fields are named on their own (as
 * class-validator names them: `entries.0.title`).
 */
export function sanitiseInput(value: unknown, field = ''): unknown {
  if (typeof value === 'string') return sanitiseString(value, field || 'input');
  if (Array.isArray(value)) return value.map((item, i) => sanitiseInput(item, field ? `${field}.${i}` : String(i)));
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const clean: Record<string, unknown> = Object.create(Object.getPrototypeOf(value));
    for (const [key, item] of Object.entries(value)) clean[key] = sanitiseInput(item, field ? `${field}.${key}` : key);
    return clean;
  }
  return value;
}
