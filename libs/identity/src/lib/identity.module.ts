import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { AccountLockEvents } from './account-lock-events';
import { AuthGuard } from './auth.guard';
import { IdentityResolver, OfficeResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { LoginThrottleService } from './login-throttle.service';
import { OfficeService } from './office.service';
import { PasswordHasher } from './password-hasher';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    PasswordHasher,
    TokenService,
    LoginThrottleService,
    AccountLockEvents,
    OfficeService,
    SessionRevocations,
    IdentityService,
    IdentityResolver,
    OfficeResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, OfficeService, PasswordHasher, SessionRevocations, AccountLockEvents],
})
export class IdentityModule {}
