// Prisma CLI configuration: Migrate runs on Prisma's WASM schema engine through a driver
// adapter, so no native engine is ever downloaded (see docs/prisma-binary-free.md).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './libs/db/src/lib/migration-adapter';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: () => migrationAdapter(process.env),
});
