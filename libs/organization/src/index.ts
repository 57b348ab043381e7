export * from './lib/dto/leader.inputs';
export * from './lib/dto/leader.model';
export * from './lib/leader-order';
export * from './lib/leader.service';
export * from './lib/organization.errors';
export * from './lib/organization.module';
export * from './lib/seed/district-seed';
export * from './lib/seed/seed-data-problems';
