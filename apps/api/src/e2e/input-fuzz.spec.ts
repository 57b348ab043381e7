import { GraphQLSchemaHost } from '@nestjs/graphql';
import { databaseKinds, gql, GraphQLResponse } from '@siban/testing';
import {
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { startTestApp, TestApp } from '../test/test-app';

// The values of the issue, and a few of their kind: each to every String, ID and DateTime argument.
const NASTY: string[] = [
  'a\u0000b',
  'x\ud800',
  '\udc00',
  '   ',
  'a\u0007\u001b\u007fb',
  '+275760-09-13T00:00:00Z',
  '2026-12-08T03:00:00',
  '0000-W01',
  '9999-W52',
  '0000-01-01',
  'x'.repeat(30_000),
];

const TEXT_SCALARS = new Set(['String', 'ID', 'DateTime']);
const NO_LEADER = '00000000-0000-4000-8000-000000000000';

/** A plausible value for a field, so that the nasty one is the only thing wrong with a request. */
function plausible(type: GraphQLInputType, name: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [plausible(nullable.ofType, name)];
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = plausible(field.type, field.name);
    }
    return value;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0].name;
  switch (nullable.name) {
    case 'ID':
      return NO_LEADER;
    case 'DateTime':
      return '2026-11-23T09:00:00+08:00';
    case 'Int':
      return 1;
    case 'Boolean':
      return false;
  }
  if (name === 'week') return '2026-W48';
  if (name === 'date' || name === 'endDate') return '2026-11-23';
  if (/officeCode|^code$/i.test(name)) return 'PARTY';
  if (name === 'username') return 'fuzz.nobody';
  if (/password/i.test(name)) return 'Fuzz-Passw0rd!';
  return 'fuzz';
}

/** Paths to every String, ID and DateTime inside a type (the first item of a list). */
function textPaths(type: GraphQLInputType, path: (string | number)[] = []): (string | number)[][] {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return textPaths(nullable.ofType, [...path, 0]);
  if (isInputObjectType(nullable)) return Object.values(nullable.getFields()).flatMap((f) => textPaths(f.type, [...path, f.name]));
  return isScalarType(nullable) && TEXT_SCALARS.has(nullable.name) ? [path] : [];
}

/** `value` with `nasty` at `path`, creating plausible parents where the path goes through an omitted field. */
function withValueAt(type: GraphQLInputType, value: unknown, path: (string | number)[], nasty: string, name: string): unknown {
  if (path.length === 0) return nasty;
  const nullable = getNullableType(type);
  const [key, ...rest] = path;
  if (isListType(nullable)) {
    const list = Array.isArray(value) && value.length ? [...value] : [plausible(nullable.ofType, name)];
    list[0] = withValueAt(nullable.ofType, list[0], rest, nasty, name);
    return list;
  }
  if (!isInputObjectType(nullable)) throw new Error(`no field ${String(key)} in ${String(type)}`);
  const field = nullable.getFields()[key as string];
  const object = { ...((value as Record<string, unknown>) ?? plausible(nullable, name)) };
  object[field.name] = withValueAt(field.type, object[field.name], rest, nasty, field.name);
  return object;
}

interface Probe {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
  target: string;
}

function probesOf(kind: 'query' | 'mutation', root: GraphQLObjectType): Probe[] {
  const fields: GraphQLField<unknown, unknown>[] = Object.values(root.getFields());
  return fields.flatMap((field) => {
    const definitions = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    const query = `${kind}${definitions ? ` (${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
    const base: Record<string, unknown> = {};
    for (const arg of field.args)
      if (isNonNullType(arg.type) && arg.defaultValue === undefined) base[arg.name] = plausible(arg.type, arg.name);
    return field.args.flatMap((arg) =>
      textPaths(arg.type).flatMap((path) =>
        NASTY.map((nasty) => ({
          operation: field.name,
          query,
          target: [arg.name, ...path].join('.'),
          variables: { ...base, [arg.name]: withValueAt(arg.type, base[arg.name], path, nasty, arg.name) },
        })),
      ),
    );
  });
}

// Sessions end last: a password change or a failed login must not cut the other probes short.
const LAST = new Set(['changePassword', 'resetPassword', 'login', 'updateUser']);

describe.each(databaseKinds())('nasty input on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('never answers INTERNAL_SERVER_ERROR, whatever text any argument gets', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const probes = [
      ...probesOf('query', schema.getQueryType() as GraphQLObjectType),
      ...probesOf('mutation', schema.getMutationType() as GraphQLObjectType),
    ].sort((a, b) => Number(LAST.has(a.operation)) - Number(LAST.has(b.operation)));
    expect(probes.length).toBeGreaterThan(300);
    const failures: string[] = [];
    for (const probe of probes) {
      const result: GraphQLResponse<unknown> = await gql(t.url, admin, probe.query, probe.variables);
      const codes = (result.errors ?? []).map((e) => e.extensions?.code);
      if (result.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
        failures.push(
          `${probe.operation} ${probe.target}: ${JSON.stringify(probe.variables).slice(0, 120)} -> ${result.status} ${JSON.stringify(result.errors)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('names the field of each input the issue measured, and stores text trimmed', async () => {
    const refusal = async (query: string, variables: Record<string, unknown>, token: string | undefined = admin) =>
      (await gql(t.url, token, query, variables)).errors?.[0].extensions;
    const bad = (field: string) => ({ code: 'BAD_USER_INPUT', field });
    const notice = 'mutation ($input: SendNoticeInput!) { sendNotice(input: $input) { id title body } }';
    const input = { title: '通知', body: '正文', officeCodes: ['PARTY'] };
    const director = await t.tokenFor('party.director');
    for (const title of ['a\u0000b', 'x\ud800', ' \u3000 ']) {
      expect(await refusal(notice, { input: { ...input, title } }, director)).toMatchObject(bad('title'));
    }
    expect(await refusal('query ($c: String!) { office(code: $c) { id } }', { c: 'P\u0000' })).toMatchObject(bad('code'));
    expect(await refusal('query ($c: String) { leaders(officeCode: $c) { id } }', { c: 'P\u0000' })).toMatchObject(bad('officeCode'));
    expect(await refusal('query ($a: String) { users(after: $a) { totalCount } }', { a: 'x\u0000' })).toMatchObject(bad('after'));
    const login = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
    expect(await refusal(login, { input: { username: 'admin\u0000', password: 'x' } }, undefined)).toMatchObject(bad('username'));
    const coordinator = await t.tokenFor('party.coord');
    for (const week of ['0000-W01', '9999-W52']) {
      expect(await refusal('query ($w: String!) { mergedSchedule(week: $w) { week } }', { w: week }, coordinator)).toMatchObject(
        bad('week'),
      );
    }
    const deadline = 'mutation ($input: SetPlanDeadlineInput!) { setPlanDeadline(input: $input) }';
    for (const at of ['+275760-09-13T00:00:00Z', '2026-12-04T03:00:00']) {
      expect(await refusal(deadline, { input: { week: '2026-W50', deadline: at } }, coordinator)).toMatchObject(bad('deadline'));
    }
    const leader = 'mutation ($input: CreateLeaderInput!) { createLeader(input: $input) { id } }';
    expect(
      await refusal(leader, { input: { name: '   ', title: '副区长', body: 'GOVERNMENT', officeCode: 'GOVERNMENT', rank: 50 } }),
    ).toMatchObject(bad('name'));

    const sent = (await gql(t.url, director, notice, { input: { ...input, title: '  周末值班\u3000', body: '第一行\r\n第二行\n' } }))
      .data as {
      sendNotice: { title: string; body: string };
    };
    expect(sent.sendNotice).toMatchObject({ title: '周末值班', body: '第一行\n第二行' });
  });
});
