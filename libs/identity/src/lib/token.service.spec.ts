import { JwtService } from '@nestjs/jwt';
import { ManualClock } from '@siban/clock';
import { AppConfig } from '@siban/config';
import { TokenService } from './token.service';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
const clock = new ManualClock('2026-11-23T01:00:00Z');
const tokens = new TokenService(jwt, clock, { jwtTtlSeconds: 3600 } as AppConfig);
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

describe('TokenService', () => {
  it('signs tokens that expire, and reads them back until then', () => {
    const { token, expiresAt } = tokens.sign('u1', 3);
    expect(expiresAt.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(tokens.verify(token)).toEqual({ sub: 'u1', ver: 3 });
    clock.advance(3600 * 1000);
    expect(tokens.verify(token)).toBeUndefined();
  });

  it('refuses a correctly signed token without an expiry', () => {
    expect(tokens.verify(jwt.sign({ sub: 'u1', ver: 0, iat: nowSeconds() }))).toBeUndefined();
    expect(tokens.verify(jwt.sign({ sub: 'u1', ver: 0, iat: nowSeconds(), exp: nowSeconds() + 60 }))).toEqual({ sub: 'u1', ver: 0 });
  });

  it('refuses tokens with missing claims or another signature', () => {
    expect(tokens.verify(jwt.sign({ sub: 'u1', exp: nowSeconds() + 60 }))).toBeUndefined();
    const other = new JwtService({ secret: 'another-secret-that-is-long-enough-0123456789' });
    expect(tokens.verify(other.sign({ sub: 'u1', ver: 0, exp: nowSeconds() + 60 }))).toBeUndefined();
    expect(tokens.verify('not-a-jwt')).toBeUndefined();
  });
});
