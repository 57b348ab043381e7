import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from './domain-error';
import { bilingualProblem } from './validation-messages';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(bilingualProblem(field));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Inputs are checked at the edge with class-validator; the first problem names the field, and
 * `extensions.problems` lists them all, so a form can mark every wrong field at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const first = problems[0] ?? { field: 'input', message: 'invalid input' };
      return new DomainError('BAD_USER_INPUT', `输入有误 / Invalid input: ${first.field} ${first.message}`, first.field, problems);
    },
  });
}
