import crypto from 'node:crypto';

// Fixed forever: changing it would change every keyed job's id, and a key queued before the
// change would be queued once more after it.
const SIBAN_JOBS_NAMESPACE = '86266eaf-f93a-44a4-8644-2362745f2821';

/** RFC 9562 UUID version 5 (SHA-1 of the namespace's bytes and the name). */
export function uuidV5(namespace: string, name: string): string {
  const bytes = crypto
    .createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the job of `queue` keyed `key`: the same pair always gives the same id, so a second
 * insert of it conflicts on pg-boss's primary key (name, id) and is ignored.
 */
export function keyedJobId(queue: string, key: string): string {
  return uuidV5(SIBAN_JOBS_NAMESPACE, JSON.stringify([queue, key]));
}
