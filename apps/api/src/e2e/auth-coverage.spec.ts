import { GraphQLSchemaHost } from '@nestjs/graphql';
import { gql } from '@siban/testing';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { startTestApp, TestApp } from '../test/test-app';

// Every operation but `login` must refuse a caller without a token. Rather than list them by
// hand (and forget the next one), this walks the schema and calls each with placeholder input.
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, placeholder(f.type)]),
    );
  }
  if (isScalarType(type)) {
    return (
      { ID: '00000000-0000-4000-8000-000000000000', Int: 1, Float: 1, Boolean: false, DateTime: '2026-11-23T00:00:00.000Z' }[type.name] ??
      'x'
    );
  }
  return null;
}

function operation(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>) {
  const args = field.args.filter((a) => isNonNullType(a.type));
  const variables = Object.fromEntries(args.map((a) => [a.name, placeholder(a.type)]));
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    text: `${kind}${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables,
  };
}

describe('authentication on every operation', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    schema = t.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(async () => t?.close());

  it('refuses every query and mutation except login without a token', async () => {
    const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ];
    const checked: string[] = [];
    for (const [kind, root] of roots) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        if (field.name === 'login') continue;
        const { text, variables } = operation(kind, field);
        const result = await gql(t.url, undefined, text, variables);
        expect({ field: field.name, code: result.errors?.[0]?.extensions?.code }).toEqual({ field: field.name, code: 'UNAUTHENTICATED' });
        checked.push(field.name);
      }
    }
    expect(checked.length).toBeGreaterThan(30);
  });
});
