import { Module } from '@nestjs/common';
import { IncidentsResolver } from './incidents.resolver';
import { IncidentLogService } from './services/incident-log.service';

/** Emergency information (突发信息报送): logging and the append-only timeline so far. */
@Module({
  providers: [IncidentLogService, IncidentsResolver],
})
export class IncidentsModule {}
