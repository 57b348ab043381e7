import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 8;

const COMMON = new Set(COMMON_PASSWORDS);

const CHARACTER_CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

export interface PasswordContext {
  /** The account's username: a password containing it is refused. */
  username: string;
  /** The password being replaced, when the user changes their own. */
  currentPassword?: string;
}

/**
 * Why a new password is refused (a message shown to the user, Chinese first), or undefined when
 * it is acceptable: 8+ characters, two of lowercase / uppercase / digits / other characters, not
 * the username or containing it, not the current password, not a commonly used password.
 */
export function passwordProblem(password: string, context: PasswordContext): string | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符 / The password must have at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  const lower = password.toLowerCase();
  const username = context.username.trim().toLowerCase();
  if (username && lower.includes(username)) {
    return '密码不能包含用户名 / The password must not contain the username';
  }
  if (context.currentPassword !== undefined && password === context.currentPassword) {
    return '新密码不能与当前密码相同 / The new password must differ from the current one';
  }
  if (CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length < 2) {
    return '密码须包含以下至少两类：小写字母、大写字母、数字、其他字符 / The password needs two of: lowercase, uppercase, digits, other characters';
  }
  if (COMMON.has(lower)) {
    return '该密码过于常见，请换一个 / This password is too common; choose another';
  }
  return undefined;
}
