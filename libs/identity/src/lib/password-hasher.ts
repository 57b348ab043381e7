import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';

// bcryptjs is pure JavaScript: nothing to compile, and npm 11 runs no install script for it.
const COST = 10;

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return bcrypt.hash(password, COST);
  }

  // Compared against when the user does not exist, so a wrong username takes as long to refuse
  // as a wrong password and does not reveal which accounts exist.
  private readonly dummyHash = bcrypt.hashSync('no such user', COST);

  verify(password: string, hash: string | undefined): Promise<boolean> {
    return bcrypt.compare(password, hash ?? this.dummyHash).then((ok) => ok && hash !== undefined);
  }
}
