import { ConfigError } from '@siban/config';
import { DataDirLockedError, MigrateError } from '@siban/db';

const REASONS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a file is in the way where a folder is expected',
  EISDIR: 'a folder is in the way where a file is expected',
  ENOENT: 'it does not exist',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
  EADDRINUSE: 'the address is already in use (another service listens there)',
  EADDRNOTAVAIL: 'the address is not one of this machine',
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name is unknown',
};

const VERBS: Record<string, string> = {
  open: 'open',
  mkdir: 'create the folder',
  write: 'write',
  rename: 'rename',
  link: 'create',
  unlink: 'remove',
  scandir: 'read the folder',
  listen: 'listen on',
  connect: 'connect to',
  getaddrinfo: 'resolve',
};

interface SystemError {
  message: string;
  code: string;
  syscall?: string;
  path?: string;
  address?: string;
  port?: number;
  hostname?: string;
}

// Duck-typed: errors made by Node's core can come from another realm (a test's VM context).
function isSystemError(error: unknown): error is SystemError {
  const code = (error as Partial<SystemError> | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/**
 * The one line a failed start prints: what failed and where, no stack. Errors whose message was
 * written for this purpose are printed as they are; system errors (a read-only or full disk, a
 * port in use) are told in words with the file or address they concern.
 */
export function startFailureLine(error: unknown): string {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof MigrateError) {
    return `siban: ${error.message}`;
  }
  if (isSystemError(error)) {
    const where =
      error.path ?? (error.address !== undefined ? `${error.address}${error.port !== undefined ? `:${error.port}` : ''}` : error.hostname);
    const verb = (error.syscall && VERBS[error.syscall]) ?? error.syscall ?? 'use';
    const reason = REASONS[error.code] ?? error.message.split('\n')[0];
    return `siban: cannot ${verb}${where ? ` ${where}` : ''}: ${reason} (${error.code})`;
  }
  const message = typeof (error as Error | null)?.message === 'string' ? (error as Error).message : String(error);
  return `siban: failed to start: ${message.split('\n')[0]}`;
}
