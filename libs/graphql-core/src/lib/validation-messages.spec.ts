import { IsUUID, MaxLength } from 'class-validator';
import { DomainError } from './domain-error';
import { createValidationPipe } from './validation';
import { bilingualValidationMessage } from './validation-messages';

class Sample {
  @MaxLength(200)
  title!: string;

  @IsUUID('all', { each: true })
  attendeeLeaderIds!: string[];
}

describe('bilingualValidationMessage', () => {
  it('puts Chinese before class-validator’s English, with the number it names', () => {
    expect(bilingualValidationMessage('maxLength', 'title must be shorter than or equal to 200 characters')).toBe(
      '长度不能超过 200 个字符 / title must be shorter than or equal to 200 characters',
    );
    expect(bilingualValidationMessage('isUuid', 'each value in attendeeLeaderIds must be a UUID')).toBe(
      '每一项都须为 UUID / each value in attendeeLeaderIds must be a UUID',
    );
  });

  it('keeps a message that is bilingual already, and never leaves one English only', () => {
    expect(bilingualValidationMessage('matches', '须为日期 YYYY-MM-DD / must be a date YYYY-MM-DD')).toBe(
      '须为日期 YYYY-MM-DD / must be a date YYYY-MM-DD',
    );
    expect(bilingualValidationMessage('someNewConstraint', 'x is odd')).toBe('输入不符合要求 / x is odd');
  });

  it('is what the validation pipe reports', async () => {
    const error = await createValidationPipe()
      .transform({ title: '长'.repeat(201), attendeeLeaderIds: ['x'], extra: 1 }, { type: 'body', metatype: Sample })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).problems).toEqual([
      { field: 'extra', message: '没有这个字段 / property extra should not exist' },
      { field: 'title', message: '长度不能超过 200 个字符 / title must be shorter than or equal to 200 characters' },
      { field: 'attendeeLeaderIds', message: '每一项都须为 UUID / each value in attendeeLeaderIds must be a UUID' },
    ]);
    expect((error as DomainError).message).toMatch(/^输入有误 \/ Invalid input: extra 没有这个字段/);
  });
});
