import './module-aliases';
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAppConfig } from '@siban/config';
import { openDatabase } from '@siban/db';
import { createApp, SCHEMA_FILE, schemaSdl } from './app/bootstrap';

// `npm run schema`: writes apps/api/schema.graphql from the code, on a throwaway database.
async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siban-schema-'));
  const config = loadAppConfig({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const database = await openDatabase(config.database, { migrate: true });
  const app = await createApp({ config, database, runJobWorkers: false });
  fs.writeFileSync(SCHEMA_FILE, schemaSdl(app));
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`wrote ${SCHEMA_FILE}`);
}

void main();
