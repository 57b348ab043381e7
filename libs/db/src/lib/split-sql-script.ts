/**
 * Splits a SQL script into its statements at the semicolons PostgreSQL itself would end a
 * statement at: not inside '...' strings (E'' escapes included), "..." identifiers,
 * $tag$...$tag$ dollar quoting (PL/pgSQL bodies), -- line comments or nested /* *\/ comments.
 * @prisma/adapter-pg 6.19's executeScript splits at every `;`, which breaks function bodies and
 * comments that contain one. Comments are kept with the statement that follows them; statements
 * that hold nothing but comments and whitespace are dropped.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let meaningful = false;
  let i = 0;
  const push = (end: number) => {
    const text = script.slice(start, end).trim();
    if (meaningful && text.length > 0) statements.push(text);
    start = end + 1;
    meaningful = false;
  };
  while (i < script.length) {
    const c = script[i];
    const next = script[i + 1];
    if (c === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < script.length && depth > 0) {
        if (script[i] === '/' && script[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (script[i] === '*' && script[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'" || c === '"') {
      // A doubled quote is an escaped quote; in E'' strings a backslash escapes the next character.
      const escapes = c === "'" && /[eE]/.test(script[i - 1] ?? '') && !/[\w$]/.test(script[i - 2] ?? '');
      meaningful = true;
      i++;
      while (i < script.length) {
        if (escapes && script[i] === '\\') i += 2;
        else if (script[i] === c && script[i + 1] === c) i += 2;
        else if (script[i] === c) break;
        else i++;
      }
      i++;
    } else if (c === '$' && !/[\w$]/.test(script[i - 1] ?? '')) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i))?.[0];
      meaningful = true;
      if (tag === undefined) {
        i++;
      } else {
        const end = script.indexOf(tag, i + tag.length);
        i = end === -1 ? script.length : end + tag.length;
      }
    } else if (c === ';') {
      push(i);
      i++;
    } else {
      if (!/\s/.test(c)) meaningful = true;
      i++;
    }
  }
  push(script.length);
  return statements;
}
