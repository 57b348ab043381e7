import { buildSchema, parse } from 'graphql';
import { estimateCost, measureShape, queryLimitError } from './query-limits';

const schema = buildSchema(`
  type Query { leaders: [Leader!]! leader(id: ID!): Leader page(first: Int = 50): LeaderPage! }
  type LeaderPage { nodes: [Leader!]! total: Int! }
  type Leader { id: ID! name: String! tags: [String!]! office: Office! secretaries: [User!]! }
  type User { id: ID! leaders: [Leader!]! }
  type Office { code: String! }
`);
const sizes = { 'Query.leaders': 10, 'Leader.secretaries': 2, 'User.leaders': 3, 'LeaderPage.nodes': 1 };
const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, parse(query), sizes, undefined, variables);

describe('query limits', () => {
  it('costs 1 per object and 0 per scalar, lists multiplied by their size, pages by first', () => {
    expect(cost('{ leader(id: "x") { id name tags } }')).toBe(1);
    expect(cost('{ leader(id: "x") { office { code } } }')).toBe(2);
    expect(cost('{ leaders { id office { code } } }')).toBe(10 * 2);
    expect(cost('{ leaders { secretaries { leaders { id } } } }')).toBe(10 * (1 + 2 * (1 + 3)));
    expect(cost('{ page { nodes { id } total } }')).toBe(1 + 50 * 1);
    expect(cost('query ($n: Int) { page(first: $n) { nodes { office { code } } } }', { n: 200 })).toBe(1 + 200 * 2);
  });

  it('leaves a request whose variables do not fit to execution, which refuses them', () => {
    expect(cost('query ($n: Int!) { page(first: $n) { total } }', { n: 'many' })).toBeUndefined();
  });

  it('measures depth through fragments, without introspection, and counts aliases once per document', () => {
    const query = parse(`
      query { a: leaders { ...L } b: leaders { id } __schema { types { fields { type { ofType { ofType { name } } } } } } }
      fragment L on Leader { secretaries { leaders { ... on Leader { office { code } } } } }
    `);
    expect(measureShape(query)).toEqual({ depth: 5, aliases: 2 });
    expect(measureShape(parse('{ leaders: leaders { id } }')).aliases).toBe(0);
  });

  it('refuses with the figure and the limit, depth first', () => {
    const limits = { maxDepth: 4, maxCost: 100, maxAliases: 2 };
    expect(queryLimitError({ depth: 4, aliases: 2, cost: 100 }, limits)).toBeUndefined();
    expect(queryLimitError({ depth: 5, aliases: 3, cost: 101 }, limits)?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      depth: 5,
      maxDepth: 4,
    });
    expect(queryLimitError({ depth: 1, aliases: 3, cost: 101 }, limits)?.extensions).toMatchObject({ aliases: 3, maxAliases: 2 });
    const tooCostly = queryLimitError({ depth: 1, aliases: 0, cost: 101 }, limits);
    expect(tooCostly?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 101, maxCost: 100 });
    expect(tooCostly?.message).toMatch(/^查询过于复杂.* \/ Query too complex: cost 101, limit 100$/);
  });
});
