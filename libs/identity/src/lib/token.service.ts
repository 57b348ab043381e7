import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { Clock } from '@siban/clock';

export interface TokenClaims {
  sub: string;
  /** The user's tokenVersion when signed: bumping it revokes every older token. */
  ver: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  sign(userId: string, tokenVersion: number): { token: string; expiresAt: Date } {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.config.jwtTtlSeconds;
    const token = this.jwt.sign({ sub: userId, ver: tokenVersion, iat: issuedAt, exp: expiresAt });
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /**
   * The claims of a valid, unexpired token, or undefined. A token without `exp` is refused: the
   * JWT library would accept it forever, and this service never signs one.
   */
  verify(token: string): TokenClaims | undefined {
    try {
      const claims = this.jwt.verify<Partial<TokenClaims> & { exp?: unknown }>(token, {
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      if (typeof claims.sub !== 'string' || typeof claims.ver !== 'number' || typeof claims.exp !== 'number') return undefined;
      return { sub: claims.sub, ver: claims.ver };
    } catch {
      return undefined;
    }
  }
}
