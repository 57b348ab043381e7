import { DomainError } from './domain-error';
import { MAX_STRING_LENGTH, sanitiseInput, sanitiseString } from './sanitise';

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a failure');
};

describe('sanitiseString', () => {
  it('normalises to NFC and trims, so emptiness and length checks see what is stored', () => {
    expect(sanitiseString('  Cafe\u0301 \u3000', 'title')).toBe('Café');
    expect(sanitiseString(' \t ', 'body')).toBe('');
    expect(sanitiseString('   ', 'title')).toBe('');
  });

  it('refuses control characters, allowing newline and tab in multi-line text only', () => {
    for (const bad of ['a\u0000b', 'a\nb', 'a\tb', 'a\u007fb', 'a\u0085b', 'a\u001bb']) {
      expect(failure(() => sanitiseString(bad, 'title'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title', reason: 'INVALID_TEXT' });
    }
    expect(sanitiseString('一\r\n二\t三\n', 'note')).toBe('一\n二\t三');
    expect(failure(() => sanitiseString('a\u0000b', 'entry.note'))).toMatchObject({ field: 'entry.note' });
  });

  it('refuses lone surrogates but keeps real pairs', () => {
    expect(failure(() => sanitiseString('x\ud800', 'title')).message).toMatch(/lone surrogate/);
    expect(failure(() => sanitiseString('\udc00x', 'title')).field).toBe('title');
    expect(sanitiseString('😀', 'title')).toBe('😀');
  });

  it('keeps passwords as typed, refusing only what cannot be typed', () => {
    expect(sanitiseString(' pa\u0301ss ', 'newPassword')).toBe(' pa\u0301ss ');
    expect(failure(() => sanitiseString('pass\u0000', 'password')).field).toBe('password');
  });

  it('refuses very long strings', () => {
    expect(sanitiseString('x'.repeat(MAX_STRING_LENGTH), 'body')).toHaveLength(MAX_STRING_LENGTH);
    expect(failure(() => sanitiseString('x'.repeat(MAX_STRING_LENGTH + 1), 'body')).field).toBe('body');
  });
});

describe('sanitiseInput', () => {
  it('walks input objects and lists, naming fields as class-validator does', () => {
    const date = new Date('2026-11-23T00:00:00Z');
    const input = Object.assign(Object.create(null), { title: ' a ', entries: [{ title: ' b ', startAt: date }], n: 3 });
    expect(sanitiseInput(input)).toEqual({ title: 'a', entries: [{ title: 'b', startAt: date }], n: 3 });
    expect(failure(() => sanitiseInput({ entries: [{ title: 'ok' }, { title: 'a\u0000' }] }))).toMatchObject({ field: 'entries.1.title' });
    expect(failure(() => sanitiseInput(['PARTY', 'x\u0000'], 'officeCodes')).field).toBe('officeCodes.1');
    expect(failure(() => sanitiseInput('x\u0000', 'code')).field).toBe('code');
  });
});
