import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from './domain-error';
import { sanitiseInput } from './sanitise';
import { bilingualProblem } from './validation-messages';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(bilingualProblem(field));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// GraphQL arguments reach pipes as 'body'; REST routes add 'query' and 'param'. Custom
// decorators (the signed-in user) and the context are ours, not the client's.
const CLIENT_INPUT = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

/**
 * The one input layer at the edge: every string a client sends, in every argument (plain
 * `@Args('code')` strings as well as input objects), is sanitised first (see sanitiseInput), then
 * argument classes are checked with class-validator.
 */
export class EdgeValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata) {
    if (!CLIENT_INPUT.has(metadata.type)) return super.transform(value, metadata);
    const named = typeof value !== 'object' || value === null || Array.isArray(value);
    return super.transform(sanitiseInput(value, named ? (metadata.data ?? '') : ''), metadata);
  }
}

/**
 * Inputs are checked at the edge with class-validator; the first problem names the field, and
 * `extensions.problems` lists them all, so a form can mark every wrong field at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
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
