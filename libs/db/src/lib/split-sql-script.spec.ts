import { splitSqlScript } from './split-sql-script';

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
});
