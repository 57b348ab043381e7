import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  getVariableValues,
  isLeafType,
  isListType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  validate,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

/**
 * How many items a list field is expected to hold at most, by `Type.field`. The cost of a field
 * is 1 for an object (0 for a scalar) plus its children, times this size for a list; a field with
 * a `first` argument (a page) multiplies its children by `first` instead.
 */
export type ListSizes = Readonly<Record<string, number>>;

/** Lists not named in the table are assumed this long. */
const UNKNOWN_LIST_SIZE = 100;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

export function costEstimator(listSizes: ListSizes): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // Introspection is answered from the schema in memory, without resolvers.
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
    const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
    if (typeof args['first'] === 'number') return own + args['first'] * childComplexity;
    if (isListType(getNullableType(field.type))) {
      return (listSizes[`${type.name}.${field.name}`] ?? UNKNOWN_LIST_SIZE) * (own + childComplexity);
    }
    return own + childComplexity;
  };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

// Introspection root fields nest deeply by design (ofType { ofType { ... } }) and read no data.
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

function depthOf(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (INTROSPECTION_ROOTS.has(selection.name.value)) continue;
      deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, fragments, seen) : 0));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const fragment = fragments.get(selection.name.value);
      // A fragment spread inside itself is refused by validation; stop here all the same.
      if (!fragment || seen.has(fragment.name.value)) continue;
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set(seen).add(fragment.name.value)));
    }
  }
  return deepest;
}

function aliasesOf(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): number {
  let count = 0;
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias && selection.alias.value !== selection.name.value) count++;
        if (selection.selectionSet) walk(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return count;
}

function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

/** How deep an operation nests and how many aliases it uses (a validated document). */
export function measureShape(document: DocumentNode, operationName?: string | null): { depth: number; aliases: number } {
  const operation = operationOf(document, operationName);
  if (!operation) return { depth: 0, aliases: 0 };
  const fragments = fragmentsOf(document);
  return { depth: depthOf(operation.selectionSet, fragments, new Set()), aliases: aliasesOf(operation, fragments) };
}

/** Past this many fields (fragments expanded) the estimate itself stops and the query is refused. */
export const MAX_QUERY_NODES = 10_000;

/**
 * The estimated cost of the operation a request runs, or undefined when its variables do not fit
 * it (execution refuses those before any resolver runs).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  listSizes: ListSizes,
  operationName?: string | null,
  variables?: Record<string, unknown> | null,
): number | undefined {
  const operation = operationOf(document, operationName);
  if (!operation) return undefined;
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return undefined;
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [costEstimator(listSizes)],
      maxQueryNodes: MAX_QUERY_NODES,
    });
  } catch {
    // Only the node limit is left to fail here: the document is valid and so are its variables.
    return Number.POSITIVE_INFINITY;
  }
}

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

function tooComplex(message: string, figures: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: QUERY_TOO_COMPLEX, ...figures, http: { status: 400 } } });
}

/** The refusal for an operation beyond the limits, naming the figure and the limit; none when within. */
export function queryLimitError(measure: OperationMeasure, limits: QueryLimits): GraphQLError | undefined {
  if (measure.cost === Number.POSITIVE_INFINITY) {
    return tooComplex(`查询过大（超过 ${MAX_QUERY_NODES} 个字段） / Query too large: more than ${MAX_QUERY_NODES} fields`, {
      maxCost: limits.maxCost,
    });
  }
  if (measure.depth > limits.maxDepth) {
    return tooComplex(
      `查询嵌套过深（${measure.depth} 层，上限 ${limits.maxDepth}） / Query too deep: depth ${measure.depth}, limit ${limits.maxDepth}`,
      {
        depth: measure.depth,
        maxDepth: limits.maxDepth,
      },
    );
  }
  if (measure.aliases > limits.maxAliases) {
    return tooComplex(
      `查询别名过多（${measure.aliases} 个，上限 ${limits.maxAliases}） / Too many aliases: ${measure.aliases}, limit ${limits.maxAliases}`,
      { aliases: measure.aliases, maxAliases: limits.maxAliases },
    );
  }
  if (measure.cost > limits.maxCost) {
    return tooComplex(
      `查询过于复杂（代价 ${measure.cost}，上限 ${limits.maxCost}） / Query too complex: cost ${measure.cost}, limit ${limits.maxCost}`,
      {
        cost: measure.cost,
        maxCost: limits.maxCost,
      },
    );
  }
  return undefined;
}

/**
 * Refuses operations beyond the limits before they run, over HTTP (an Apollo plugin, after
 * validation, when variables are known) and over graphql-ws (`onSubscribe`, which shares the
 * schema the plugin saw at start).
 */
export class QueryLimitGuard {
  private schema?: GraphQLSchema;

  constructor(
    private readonly limits: QueryLimits,
    private readonly listSizes: ListSizes,
  ) {}

  check(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null) {
    const shape = measureShape(document, operationName);
    // Depth and aliases first: they need no variables and are cheaper to tell than the cost.
    const shapeError = queryLimitError({ ...shape, cost: 0 }, this.limits);
    if (shapeError) return shapeError;
    const cost = estimateCost(schema, document, this.listSizes, operationName, variables);
    return cost === undefined ? undefined : queryLimitError({ ...shape, cost }, this.limits);
  }

  plugin(): ApolloServerPlugin {
    return {
      serverWillStart: async ({ schema }) => {
        this.schema = schema;
      },
      requestDidStart: async () => ({
        didResolveOperation: async ({ schema, document, request }) => {
          const error = this.check(schema, document, request.operationName, request.variables);
          if (error) throw error;
        },
      }),
    };
  }

  /**
   * For graphql-ws `onSubscribe`: the errors refusing the operation, or nothing to let graphql-ws
   * go on (it reports syntax and validation errors itself).
   */
  onSubscribe(payload: {
    query: string;
    operationName?: string | null;
    variables?: Record<string, unknown> | null;
  }): GraphQLError[] | void {
    if (!this.schema) return;
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch {
      return;
    }
    if (validate(this.schema, document).length > 0) return;
    const error = this.check(this.schema, document, payload.operationName, payload.variables);
    if (!error) return;
    const { http: _http, ...extensions } = error.extensions;
    return [new GraphQLError(error.message, { extensions })];
  }
}
