import crypto from 'node:crypto';

/** A new feed secret: 192 random bits, URL-safe. */
export function newFeedToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Only this hash is stored: the URL is shown once, and a leaked database does not leak feeds. */
export function hashFeedToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The path of a feed's URL, `calendar/<secret>.ics`. */
export function feedPath(token: string): string {
  return `calendar/${token}.ics`;
}

/** The secret in the last segment of a feed URL (`<secret>.ics`), or undefined for anything else. */
export function feedTokenOf(fileName: string): string | undefined {
  return fileName.endsWith('.ics') && fileName.length > 4 ? fileName.slice(0, -4) : undefined;
}
