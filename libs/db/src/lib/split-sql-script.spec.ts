import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { splitSqlScript } from './split-sql-script';

const MIGRATIONS = path.resolve(__dirname, '../../../../prisma/migrations');

describe('splitSqlScript', () => {
  it('splits plain statements and drops empty ones', () => {
    expect(splitSqlScript('SELECT 1;\n\n SELECT 2 ;;\n')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('keeps a PL/pgSQL body with semicolons in $$ or $tag$ quoting whole', () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION 'no';\n  RETURN NULL;\nEND;\n$$`;
    const tagged = `DO $body$ BEGIN PERFORM 1; PERFORM $$x;$$; END $body$`;
    expect(splitSqlScript(`${fn};\n${tagged};\nSELECT 3`)).toEqual([fn, tagged, 'SELECT 3']);
  });

  it('ignores semicolons in strings, quoted identifiers and comments', () => {
    const script = [
      `-- a comment; with a semicolon`,
      `INSERT INTO "a;b" VALUES ('it''s; fine', E'back\\'slash;')`,
      `/* block; /* nested; */ still comment; */ SELECT 'x'`,
    ].join('\n');
    expect(splitSqlScript(`${script};`)).toEqual([script]);
    expect(splitSqlScript(`SELECT 1; -- trailing; comment only\n`)).toEqual(['SELECT 1']);
  });

  it('does not take a positional parameter or an identifier with $ for dollar quoting', () => {
    expect(splitSqlScript('SELECT $1; SELECT a$b$ FROM t; SELECT 2')).toEqual(['SELECT $1', 'SELECT a$b$ FROM t', 'SELECT 2']);
  });

  it('keeps a comment-only script as no statement at all', () => {
    expect(splitSqlScript('-- nothing; here\n/* nor; here */')).toEqual([]);
  });

  // Statements built from the pieces that hide a semicolon, joined by real ones: they come back
  // one for one, whatever the mix.
  it('splits at exactly the semicolons between statements', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'SELECT 1',
        'x',
        '"a;b"',
        `'it''s; here'`,
        `E'\\';'`,
        '$$ a; b $$',
        '$fn$ $$; $fn$',
        '/* c; /* d; */ */ 1',
        '-- e;\n2',
      ),
      fc.stringMatching(/^[a-z ]{1,8}$/),
    );
    const statement = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => `SELECT ${parts.join(' ')}`);
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), (statements) => {
        expect(splitSqlScript(statements.join(';\n'))).toEqual(statements.map((s) => s.trim()));
      }),
    );
  });

  it('splits every migration without dollar quoting exactly as the naive split did', () => {
    const meaningful = (chunk: string) => chunk.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--'));
    for (const name of fs.readdirSync(MIGRATIONS).filter((n) => fs.existsSync(path.join(MIGRATIONS, n, 'migration.sql')))) {
      const script = fs.readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8');
      if (script.includes('$$')) continue;
      const naive = script
        .split(';')
        .map((chunk) => chunk.trim())
        .filter(meaningful);
      expect(splitSqlScript(script)).toEqual(naive);
    }
  });
});
