import { passwordProblem } from './password-policy';

const ctx = { username: 'party.sec' };
// The demo accounts' password (README), which must stay acceptable.
const DEMO_PASSWORD = 'Siban@2026';

describe('password policy', () => {
  it('accepts the demo password and ordinary strong ones', () => {
    expect(passwordProblem(DEMO_PASSWORD, ctx)).toBeUndefined();
    expect(passwordProblem('a-new-password', ctx)).toBeUndefined();
    expect(passwordProblem('周报提交2026', ctx)).toBeUndefined();
  });

  it('wants eight characters, counting characters rather than bytes', () => {
    expect(passwordProblem('Ab1!x', ctx)).toMatch(/^密码至少 8 个字符 \/ .*at least 8/);
    expect(passwordProblem('周报提交周报提交', ctx)).toMatch(/两类/);
  });

  it('refuses the username, also inside the password and in another case', () => {
    expect(passwordProblem('party.sec', ctx)).toMatch(/^密码不能包含用户名/);
    expect(passwordProblem('Party.Sec2026', ctx)).toMatch(/用户名/);
  });

  it('refuses the current password as the new one', () => {
    expect(passwordProblem('Kept#Secret9', { ...ctx, currentPassword: 'Kept#Secret9' })).toMatch(/^新密码不能与当前密码相同/);
    expect(passwordProblem('Kept#Secret9', { ...ctx, currentPassword: 'Other#Secret9' })).toBeUndefined();
  });

  it('wants two character classes', () => {
    for (const weak of ['abcdefghij', 'ABCDEFGHIJ', '1357924680', '!@#$%^&*()']) {
      expect(passwordProblem(weak, ctx)).toMatch(/小写字母、大写字母、数字、其他字符/);
    }
    expect(passwordProblem('abcdefghi9', ctx)).toBeUndefined();
  });

  it('refuses common passwords from the shipped list, whatever their case', () => {
    for (const common of ['woaini1314', 'qwerty123', 'Password1', 'P@ssw0rd', 'abc123456', '1qaz2wsx', 'Admin@123']) {
      expect({ common, problem: passwordProblem(common, ctx) }).toEqual({ common, problem: expect.stringMatching(/过于常见/) });
    }
  });
});
