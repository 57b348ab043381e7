export * from './generated/prisma/client';
export * from './lib/data-dir-lock';
export * from './lib/database-handle';
export * from './lib/database.module';
export * from './lib/pglite-options';
export * from './lib/prisma-errors';
export * from './lib/prisma-migrate';
export * from './lib/prisma.service';
