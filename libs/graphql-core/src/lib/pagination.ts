import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from './domain-error';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'At most 200.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  first: number = 50;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A `{ nodes, pageInfo, totalCount }` GraphQL type for a list that can grow. */
export function Paginated<T>(node: Type<T>): Type<Connection<T>> {
  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements Connection<T> {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType as unknown as Type<Connection<T>>;
}

// Cursors are opaque to clients: a sort key and the id that breaks ties, base64url-encoded.
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { sortKey: string; id: string } {
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof sortKey === 'string' && typeof id === 'string') return { sortKey, id };
  } catch {
    // Fall through to the error below.
  }
  throw badInput('after', '分页游标无效 / Invalid cursor');
}

/**
 * The rows after a cursor in a newest-first list ordered by (`field` desc, id asc), for a Prisma
 * `where`; nothing to add without a cursor.
 */
export function newestFirstAfter<F extends string>(field: F, after: string | undefined): Record<string, unknown> {
  if (!after) return {};
  const { sortKey, id } = decodeCursor(after);
  const at = new Date(sortKey);
  if (Number.isNaN(at.getTime())) throw badInput('after', '分页游标无效 / Invalid cursor');
  return { OR: [{ [field]: { lt: at } }, { [field]: at, id: { gt: id } }] };
}

/** Builds a page from rows fetched with `take: first + 1`. */
export function toConnection<T extends { id: string }>(
  rows: T[],
  first: number,
  totalCount: number,
  sortKey: (row: T) => string,
): Connection<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(sortKey(last), last.id) : null },
  };
}
