import type { PGlite } from '@electric-sql/pglite';
import type PgBoss from 'pg-boss';

/**
 * pg-boss's custom `db` executor for PGlite (docs/pg-boss-on-pglite.md): statements with
 * parameters go through `query` (one statement), plain text through `exec` (pg-boss sends
 * several statements at once when it installs its schema). A failed multi-statement `exec`
 * leaves PGlite's one session inside an aborted transaction; ROLLBACK gives it back.
 */
export function pgliteBossDb(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      if (values.length > 0) {
        const result = await pglite.query(text, values);
        return { rows: result.rows };
      }
      try {
        const results = await pglite.exec(text);
        return { rows: results.length ? results[results.length - 1].rows : [] };
      } catch (error) {
        await pglite.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
}
