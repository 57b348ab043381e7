import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { PUBLIC_KEY } from '@siban/identity';
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

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
}

const joinPath = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');

// Every handler of every controller Nest knows, with its method, full path and @Public mark.
function nestRoutes(modules: ModulesContainer): Route[] {
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!controller) continue;
      const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const isPublic = Boolean(Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller));
        routes.push({ method, path: joinPath(prefix, path), isPublic });
      }
    }
  }
  return routes;
}

// What Express really serves (GraphQL aside), so a route added outside a controller is seen too.
function expressRoutes(app: TestApp['app']): string[] {
  const router = (
    app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }
  ).router;
  return (
    router.stack
      .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route?.path}`) : []))
      // Nest's own catch-all 404 handlers ({/*splat}) answer every method and path last.
      .filter((route) => !route.endsWith(' /graphql') && !route.endsWith(' {/*splat}'))
  );
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

  it('refuses every HTTP route not marked @Public without a valid token', async () => {
    const routes = nestRoutes(t.app.get(ModulesContainer));
    expect(expressRoutes(t.app).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    // Opening a route to everyone is a decision this list records.
    expect(routes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /healthz', 'GET /readyz', 'GET /calendar/:file']),
    );
    expect(routes.filter((r) => r.isPublic)).toHaveLength(3);

    const guarded = routes.filter((r) => !r.isPublic);
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const url = t.url + route.path.replace(/:\w+/g, 'x');
      for (const authorization of [undefined, 'Bearer not-a-token']) {
        const response = await fetch(url, { method: route.method, headers: authorization ? { authorization } : {} });
        const body = (await response.json()) as { code?: string };
        expect({ route: route.path, authorization, status: response.status, code: body.code }).toEqual({
          route: route.path,
          authorization,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    }
  });
});
