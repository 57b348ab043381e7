import { Module } from '@nestjs/common';

/**
 * The general duty roster (总值班). Phase 1 holds the data model and the pure core (holiday
 * calendar, generation, rules, on-duty math); the services, GraphQL API and jobs join this module
 * next, and the app imports it then.
 */
@Module({})
export class DutyRosterModule {}
