import os from 'node:os';
import { Injectable } from '@nestjs/common';
import { hash, hashSync, verify } from '@node-rs/bcrypt';

// The same bcrypt hashes as before (bcryptjs wrote `$2b$10$...`; both read each other's), computed
// natively on libuv's thread pool instead of on the event loop (see apps/api/bench/login-load.bench.ts).
const COST = 10;

/**
 * Hashing is CPU work: at most one hash per core but one runs at a time, so a burst of sign-ins
 * queues here and leaves a core to the event loop, which serves every other request (and, on the
 * embedded database, runs the database itself).
 */
const HASH_SLOTS = Math.max(1, os.availableParallelism() - 1);

@Injectable()
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  hash(password: string): Promise<string> {
    return this.inSlot(() => hash(password, COST));
  }

  // Compared against when the user does not exist, so a wrong username takes as long to refuse
  // as a wrong password and does not reveal which accounts exist.
  private readonly dummyHash = hashSync('no such user', COST);

  async verify(password: string, passwordHash: string | undefined): Promise<boolean> {
    const ok = await this.inSlot(() => verify(password, passwordHash ?? this.dummyHash));
    return ok && passwordHash !== undefined;
  }

  private async inSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= HASH_SLOTS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
