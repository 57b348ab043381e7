import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { Connection } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser, Roles } from '@siban/identity';
import {
  AddIncidentNoteArgs,
  CorrectIncidentEntryArgs,
  IncidentArgs,
  IncidentsArgs,
  LogIncidentArgs,
  UpdateIncidentArgs,
} from './dto/incident.inputs';
import { IncidentConnection, IncidentDetailModel, IncidentModel } from './dto/incident.models';
import { IncidentLogService } from './services/incident-log.service';

/** Who logs and amends incidents: the duty room (总值班室) and admins. */
const WRITERS = [Role.DUTY_OFFICER, Role.DUTY_COORDINATOR, Role.ADMIN];
/** Who reads every incident, open or closed: the duty room, office directors, leaders and admins. */
const READERS = [Role.DUTY_OFFICER, Role.DUTY_COORDINATOR, Role.DIRECTOR, Role.LEADER, Role.ADMIN];

@Resolver()
export class IncidentsResolver {
  constructor(private readonly log: IncidentLogService) {}

  @Roles(...WRITERS)
  @Mutation(() => IncidentModel, {
    description: 'Logs a sudden incident. A retry with the same idempotencyKey and draft returns the incident logged first.',
  })
  logIncident(@CurrentUser() user: AuthenticatedUser, @Args() { input }: LogIncidentArgs): Promise<IncidentModel> {
    return this.log.log(user, input);
  }

  @Roles(...WRITERS)
  @Mutation(() => IncidentModel, { description: 'Changes an open incident; the change is added to its timeline with before and after.' })
  updateIncident(@CurrentUser() user: AuthenticatedUser, @Args() args: UpdateIncidentArgs): Promise<IncidentModel> {
    return this.log.update(user, args.id, args.changes, args.version);
  }

  @Roles(...WRITERS)
  @Mutation(() => IncidentDetailModel, { description: 'Adds a note (e.g. progress on the ground) to an open incident timeline.' })
  addIncidentNote(@CurrentUser() user: AuthenticatedUser, @Args() args: AddIncidentNoteArgs): Promise<IncidentDetailModel> {
    return this.log.addNote(user, args.id, args.note);
  }

  @Roles(...WRITERS)
  @Mutation(() => IncidentDetailModel, {
    description: 'Corrects a timeline entry by adding a CORRECTION entry that names it: the history is never edited.',
  })
  correctIncidentEntry(@CurrentUser() user: AuthenticatedUser, @Args() args: CorrectIncidentEntryArgs): Promise<IncidentDetailModel> {
    return this.log.correct(user, args.entryId, args.note);
  }

  @Roles(...READERS)
  @Query(() => IncidentDetailModel, { description: 'An incident with its timeline, oldest entry first.' })
  incident(@Args() { id }: IncidentArgs): Promise<IncidentDetailModel> {
    return this.log.detail(id);
  }

  @Roles(...READERS)
  @Query(() => IncidentConnection, { description: 'Incidents, latest learned of first.' })
  incidents(@Args() args: IncidentsArgs): Promise<Connection<IncidentModel>> {
    return this.log.list(args);
  }
}
