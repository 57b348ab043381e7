import { Module } from '@nestjs/common';
import { LeaderResolver, UserLeadersResolver } from './leader.resolver';
import { LeaderService } from './leader.service';

@Module({
  providers: [LeaderService, LeaderResolver, UserLeadersResolver],
  exports: [LeaderService],
})
export class OrganizationModule {}
