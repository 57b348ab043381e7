export * from './lib/graphql-client';
export * from './lib/scenario';
export * from './lib/test-database';
export * from './lib/wait-for';
export * from './lib/raw-database';
