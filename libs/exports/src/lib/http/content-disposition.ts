// RFC 6266 Content-Disposition for downloads with Chinese names ("领导周工作安排表.xlsx"): browsers
// read `filename*` (RFC 8187, UTF-8); older clients fall back to the ASCII `filename`.

/** RFC 8187 attr-char: everything else is percent-encoded. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

function encodeExtValue(value: string): string {
  let out = '';
  for (const char of value) {
    if (ATTR_CHAR.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Printable ASCII without the characters that end or escape a quoted string, or break a path. */
function asciiFallback(fileName: string): string {
  return fileName.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
}

/**
 * `attachment; filename="..."`, plus `filename*=UTF-8''...` when the name is not plain ASCII.
 * A name that is plain ASCII is sent as it is, with nothing extra for clients to reconcile.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  // Control characters and path separators never belong in a suggested file name.
  // eslint-disable-next-line no-control-regex
  const name = fileName.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[/\\]/g, '_');
  const fallback = asciiFallback(name);
  if (fallback === name) return `${disposition}; filename="${name}"`;
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
