import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_REQUEST_LIMITS } from '@siban/config';
import { estimateCost } from '@siban/graphql-core';
import { buildSchema, getNamedType, getNullableType, isLeafType, isListType, isObjectType, parse } from 'graphql';
import { MERGED, PUBLISH, REVISIONS } from '../test/weekly-plans';
import { LIST_SIZES } from './list-sizes';

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));

describe('list sizes of the cost estimate', () => {
  it('names every list of objects in the schema, and nothing else', () => {
    const lists = Object.values(schema.getTypeMap())
      .flatMap((type) =>
        isObjectType(type) && !type.name.startsWith('__') ? Object.values(type.getFields()).map((field) => ({ type, field })) : [],
      )
      .filter(({ field }) => isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type)))
      .map(({ type, field }) => `${type.name}.${field.name}`)
      .sort();
    expect(Object.keys(LIST_SIZES).sort()).toEqual(lists);
  });

  it("lets a client's heaviest queries through and refuses relation cycles", () => {
    const cost = (query: string, variables: Record<string, unknown>) =>
      estimateCost(schema, parse(query), LIST_SIZES, undefined, variables) as number;
    const week = { week: '2026-W48' };
    expect(cost(MERGED, week)).toBeLessThan(DEFAULT_REQUEST_LIMITS.maxCost);
    expect(cost(REVISIONS, week)).toBeLessThan(DEFAULT_REQUEST_LIMITS.maxCost);
    expect(cost(PUBLISH, { input: week })).toBeLessThan(DEFAULT_REQUEST_LIMITS.maxCost);
    const cycle = '{ leaders { secretaries { assignedLeaders { secretaries { assignedLeaders { id } } } } } }';
    expect(cost(cycle, {})).toBeGreaterThan(DEFAULT_REQUEST_LIMITS.maxCost);
  });
});
