import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error';

export const JWT_SECRET_FILE_NAME = 'jwt-secret';

/** Where the embedded database keeps its generated secret: inside its own data folder. */
export function jwtSecretFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), JWT_SECRET_FILE_NAME);
}

/**
 * The secret that signs tokens on the embedded database: made once, kept in the data folder
 * (so two folders never share one), readable and writable by the service's user only. A file
 * someone else could have written or read is refused rather than trusted: whoever planted or
 * read it could sign any token.
 */
export function embeddedJwtSecret(dataDir: string): string {
  const file = jwtSecretFile(dataDir);
  const existing = readOwnSecret(file);
  if (existing !== undefined) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole under a temporary name, then linked into place: a reader never sees half a
  // secret, and of two first starts racing, the second reads the first one's secret.
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, crypto.randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    // Told as a failure to write the secret file itself (a read-only or full disk).
    throw Object.assign(error as Error, { path: file, syscall: 'write' });
  }
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return readOwnSecret(file) ?? refuse(file, 'it vanished while it was being created');
}

function refuse(file: string, why: string): never {
  throw new ConfigError(`Refusing the JWT secret file ${file}: ${why}`);
}

function readOwnSecret(file: string): string | undefined {
  let fd: number;
  try {
    // O_NOFOLLOW: a symbolic link planted in the folder could point at someone else's file.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') refuse(file, 'it is a symbolic link');
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) refuse(file, 'it is not a regular file');
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) {
      refuse(file, `it is owned by uid ${stat.uid}, not by this service's user (uid ${uid})`);
    }
    if ((stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
      refuse(file, `its mode ${mode} lets other users read or write it (chmod 600 after checking it, or delete it to make a new one)`);
    }
    const secret = fs.readFileSync(fd, 'utf8').trim();
    if (secret.length < 32) refuse(file, 'it holds fewer than 32 characters (delete it to make a new one)');
    return secret;
  } finally {
    fs.closeSync(fd);
  }
}
