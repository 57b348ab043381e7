// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the last committed schema (git HEAD) to the working prisma/schema.prisma.
//
// Why not `prisma migrate dev`: on PGlite it needs a shadow database, and with
// pglite-prisma-adapter 0.6.1 the WASM engine fails there ("PostgreSQL shadow DB must be
// provided through an external factory") once a second migration exists. `migrate diff` between
// two schema files needs no database; `npm run db:migrate` then applies the result with Migrate.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name_in_snake_case>');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'siban-migration-')), 'schema.prisma');
const committed = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: root, encoding: 'utf8' });
// The old schema is only read; keep its generator from pointing at the real client folder.
fs.writeFileSync(previous, committed.replace(/output\s*=\s*"[^"]*"/, `output = "${path.dirname(previous)}/client"`));
const sql = execFileSync(
  process.execPath,
  [
    path.join(root, 'node_modules/prisma/build/index.js'),
    'migrate',
    'diff',
    '--from-schema-datamodel',
    previous,
    '--to-schema-datamodel',
    'prisma/schema.prisma',
    '--script',
  ],
  { cwd: root, encoding: 'utf8' },
);
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.log('prisma/schema.prisma matches HEAD: no migration written');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(root, 'prisma', 'migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
