export * from './lib/graphql-client';
export * from './lib/test-database';
