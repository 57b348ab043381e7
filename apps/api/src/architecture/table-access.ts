// Who may query which table (table-ownership.json beside this file), and a scan of the libs'
// sources for queries that reach a table their lib does not own (table-ownership.spec.ts).
// Architecture checks only: excluded from the app's build.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface OwnershipMap {
  /** lib -> the Prisma models (tables) it owns. */
  models: Record<string, string[]>;
  /** lib -> the database schemas it owns outright (pg-boss's). */
  schemas: Record<string, string[]>;
  /** Libs that may touch any table (test helpers). */
  unrestricted: string[];
}

/** Each model's relation fields: model -> field -> the model it leads to. */
export type SchemaModels = Map<string, Map<string, string>>;

/** One place where source touches a table: a model, or a schema for raw SQL. */
export interface TableAccess {
  line: number;
  table: string;
  kind: 'model' | 'schema';
  /** What was seen, e.g. `tx.user.findMany`, `Leader.office`, `Prisma.UserWhereInput`, `"User" in SQL`. */
  via: string;
}

export interface Finding extends TableAccess {
  file: string;
  lib: string;
  owner: string | undefined;
}

export const ROOT = path.resolve(__dirname, '../../../..');

export function readOwnershipMap(file = path.join(__dirname, 'table-ownership.json')): OwnershipMap {
  const { models, schemas, unrestricted } = JSON.parse(fs.readFileSync(file, 'utf8')) as OwnershipMap;
  return { models, schemas, unrestricted };
}

/** The models of a Prisma schema with their relation fields (a field whose type is another model). */
export function readSchemaModels(schema: string): SchemaModels {
  const blocks = [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map((m) => ({ name: m[1], body: m[2] }));
  const names = new Set(blocks.map((b) => b.name));
  return new Map(
    blocks.map(({ name, body }) => {
      const relations = new Map<string, string>();
      for (const line of body.split('\n')) {
        const field = /^\s*(\w+)\s+(\w+)(\[\])?\??(\s|$)/.exec(line);
        if (field && names.has(field[2])) relations.set(field[1], field[2]);
      }
      return [name, relations];
    }),
  );
}

// The operations of a Prisma model delegate (`prisma.user.findMany`).
const DELEGATE_OPS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
]);

const RAW_TAGS = /(\$queryRaw|\$executeRaw|\bsql)$/;
const RAW_CALLS = new Set(['$queryRawUnsafe', '$executeRawUnsafe']);

/**
 * Every table a source file touches: a model delegate's operation (`tx.office.upsert`), a relation
 * followed inside that operation's arguments (`include: { office: ... }` on a Leader query, also
 * through local variables and spreads), a model's Prisma input type (`Prisma.UserWhereInput`), and
 * a quoted table or an owned schema in raw SQL (`$queryRaw`, `Prisma.sql`, `$queryRawUnsafe`).
 */
export function tableAccesses(fileName: string, text: string, models: SchemaModels, schemas: string[] = []): TableAccess[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const delegates = new Map([...models.keys()].map((m) => [m[0].toLowerCase() + m.slice(1), m]));
  const byLength = [...models.keys()].sort((a, b) => b.length - a.length);
  const accesses: TableAccess[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const add = (node: ts.Node, table: string, via: string, kind: TableAccess['kind'] = 'model') =>
    accesses.push({ line: lineOf(node), table, kind, via });

  // Follows a query argument: relation fields switch to the related model.
  const walk = (node: ts.Node, model: string, seen: Set<ts.Node>): void => {
    if (seen.has(node)) return;
    seen.add(node);
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (ts.isSpreadAssignment(property)) {
          walk(property.expression, model, seen);
          continue;
        }
        if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
        const name = property.name.getText(source);
        const related = models.get(model)?.get(name);
        if (related) add(property, related, `${model}.${name}`);
        const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
        walk(value, related ?? model, seen);
      }
    } else if (ts.isArrayLiteralExpression(node)) {
      node.elements.forEach((e) => walk(e, model, seen));
    } else if (ts.isConditionalExpression(node)) {
      walk(node.whenTrue, model, seen);
      walk(node.whenFalse, model, seen);
    } else if (ts.isBinaryExpression(node)) {
      walk(node.left, model, seen);
      walk(node.right, model, seen);
    } else if (
      ts.isParenthesizedExpression(node) ||
      ts.isAsExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      ts.isNonNullExpression(node) ||
      ts.isSpreadElement(node)
    ) {
      walk(node.expression, model, seen);
    } else if (ts.isIdentifier(node)) {
      const initializer = localInitializer(node, source);
      if (initializer) walk(initializer, model, seen);
    }
  };

  const modelOfPrismaType = (name: string) => byLength.find((m) => name.startsWith(m) && /^[A-Z]/.test(name.slice(m.length)));

  const rawText = (node: ts.Node): string | undefined => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    return undefined;
  };
  const scanSql = (node: ts.Node, sql: string | undefined) => {
    if (!sql) return;
    for (const [, table] of sql.matchAll(/"(\w+)"/g)) if (models.has(table)) add(node, table, `"${table}" in SQL`);
    for (const schema of schemas) if (new RegExp(`\\b${schema}\\.`).test(sql)) add(node, schema, `${schema}. in SQL`, 'schema');
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const op = node.expression.name.text;
      const target = node.expression.expression;
      if (DELEGATE_OPS.has(op) && ts.isPropertyAccessExpression(target) && delegates.has(target.name.text)) {
        const model = delegates.get(target.name.text) as string;
        add(node, model, `${target.getText(source)}.${op}`.replace(/\s+/g, ''));
        node.arguments.forEach((arg) => walk(arg, model, new Set()));
      }
      if (RAW_CALLS.has(op) && node.arguments[0]) scanSql(node, rawText(node.arguments[0]));
    }
    if (ts.isTaggedTemplateExpression(node) && RAW_TAGS.test(node.tag.getText(source))) scanSql(node, rawText(node.template));
    if (ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && node.typeName.left.getText(source) === 'Prisma') {
      const model = modelOfPrismaType(node.typeName.right.text);
      if (model) {
        add(node, model, `Prisma.${node.typeName.right.text}`);
        // A query argument built apart: `const where: Prisma.LeaderWhereInput = { office: ... }`.
        const declaration = node.parent;
        if (ts.isVariableDeclaration(declaration) && declaration.initializer) walk(declaration.initializer, model, new Set());
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // An object literal reached twice (its type annotation, then its use in a query) counts once.
  return accesses.filter((a, i) => accesses.findIndex((b) => b.line === a.line && b.table === a.table && b.via === a.via) === i);
}

/** The initializer of the local `const`/`let` an identifier names, in the nearest scope that declares it. */
function localInitializer(identifier: ts.Identifier, source: ts.SourceFile): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement) || statement.getStart(source) > identifier.getStart(source)) continue;
      const declaration = statement.declarationList.declarations.find((d) => d.name.getText(source) === identifier.text);
      if (declaration?.initializer) return declaration.initializer;
    }
  }
  return undefined;
}

/** The lib a workspace path belongs to (`libs/<lib>/src/...`), if any. */
export function libOf(file: string): string | undefined {
  return /^libs\/([^/]+)\/src\//.exec(file.split(path.sep).join('/'))?.[1];
}

/** The accesses of one lib file that reach a table its lib does not own. */
export function findingsIn(file: string, text: string, map: OwnershipMap, models: SchemaModels): Finding[] {
  const lib = libOf(file);
  if (!lib || map.unrestricted.includes(lib)) return [];
  const ownerOf = (access: TableAccess) =>
    Object.entries(access.kind === 'model' ? map.models : map.schemas).find(([, tables]) => tables.includes(access.table))?.[0];
  return tableAccesses(file, text, models, Object.values(map.schemas).flat())
    .map((access) => ({ ...access, file, lib, owner: ownerOf(access) }))
    .filter((finding) => finding.owner !== lib);
}

/** The lib sources the rule applies to: `libs/<lib>/src/**\/*.ts`, without specs and generated code. */
export function libSources(root = ROOT): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'generated' && entry.name !== 'node_modules') visit(rel);
      else if (entry.isFile() && rel.endsWith('.ts') && !rel.endsWith('.spec.ts')) files.push(rel);
    }
  };
  for (const lib of fs.readdirSync(path.join(root, 'libs'))) {
    if (fs.existsSync(path.join(root, 'libs', lib, 'src'))) visit(`libs/${lib}/src`);
  }
  return files.sort();
}

export const describeFinding = (f: Finding) => `${f.file}:${f.line} ${f.via}: ${f.table} belongs to ${f.owner ?? 'no lib'}, not ${f.lib}`;
