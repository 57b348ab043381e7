export * from './lib/domain-error';
export * from './lib/format-error';
export * from './lib/pagination';
export * from './lib/validation';
export * from './lib/validation-messages';
export * from './lib/request-context';
export * from './lib/id-pipe';
export * from './lib/graphql-exception.filter';
