import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

// PGlite's defaults, with two changes measured here:
// - no "-F": PGlite turns fsync off by default, and emergency records must survive a power cut;
// - log_startup_progress_interval=0: otherwise PGlite keeps re-arming a 10 s timer, and a process
//   that opened it (the Prisma CLI, which never closes its adapter) does not exit.
export const PGLITE_START_PARAMS = [
  '--single',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'io_method=sync',
  '-c',
  'max_parallel_maintenance_workers=0',
  '-c',
  'log_startup_progress_interval=0',
];

export async function openPGlite(dataDir: string): Promise<PGlite> {
  fs.mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir, { startParams: PGLITE_START_PARAMS });
}
