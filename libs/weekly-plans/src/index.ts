export * from './lib/domain/types';
