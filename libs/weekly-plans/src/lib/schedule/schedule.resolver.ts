import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Role, ScheduleRevision } from '@siban/db';
import { ParseWeekPipe, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser, IdentityService, Roles, UserModel } from '@siban/identity';
import { LeaderModel, LeaderService } from '@siban/organization';
import { EventBus } from '@siban/pubsub';
import type { PlanEntryData, RevisionDiff } from '../domain/types';
import { PublishScheduleInput } from '../dto/plan-entry.input';
import {
  MergedScheduleModel,
  PlanEntryModel,
  ScheduleChangesModel,
  ScheduleDayModel,
  ScheduleEventModel,
  SchedulePublishedModel,
  ScheduleRevisionModel,
} from '../dto/schedule.models';
import { checkWeek } from '../utils/check-week';
import { ScheduleDayView, ViewedEvent } from './schedule-view';
import { officeChannel, publishedFor, SchedulePublishedEvent } from './revision-announcement';
import { ScheduleService } from './schedule.service';
import { viewerOf } from './utils/visibility';

function eventModel(event: ViewedEvent): ScheduleEventModel {
  return {
    id: event.id,
    entryIds: event.entryIds,
    leaderIds: event.leaderIds,
    entry: event.entry,
    startsAt: event.interval.start,
    endsAt: event.interval.end,
  };
}

function dayModels(days: ScheduleDayView[]): ScheduleDayModel[] {
  return days.map((day) => ({
    date: day.date,
    allDay: day.allDay.map(eventModel),
    slots: day.slots.map((s) => ({ slot: s.slot, events: s.events.map(eventModel) })),
  }));
}

// Entries hidden from the viewer in the previous and in the new revision: an entry's confidentiality
// can change between them, so each side of a change says for itself whether it is a busy block.
function changesModel(
  diff: RevisionDiff,
  busyBefore: ReadonlySet<string> = new Set(),
  busyAfter: ReadonlySet<string> = new Set(),
): ScheduleChangesModel {
  const entry =
    (busy: ReadonlySet<string>) =>
    (e: PlanEntryData): PlanEntryModel => ({ ...e, busy: busy.has(e.id) });
  return {
    added: diff.added.map(entry(busyAfter)),
    removed: diff.removed.map(entry(busyBefore)),
    changed: diff.changed.map((c) => ({
      entryId: c.entryId,
      fields: c.fields,
      before: entry(busyBefore)(c.before),
      after: entry(busyAfter)(c.after),
    })),
  };
}

type RevisionView = Awaited<ReturnType<ScheduleService['revisionViews']>>[number];

function revisionModel(view: RevisionView): ScheduleRevisionModel {
  const r: ScheduleRevision = view.revision;
  return {
    id: r.id,
    week: r.week,
    number: r.number,
    publishedAt: r.publishedAt,
    publishedById: r.publishedById,
    note: r.note,
    days: dayModels(view.days),
    events: view.events.map(eventModel),
    changes: changesModel(view.changes, view.changes.busyBefore, view.changes.busyAfter),
    acknowledgements: view.acknowledgements,
  };
}

@Resolver(() => MergedScheduleModel)
export class ScheduleResolver {
  constructor(
    private readonly schedule: ScheduleService,
    private readonly bus: EventBus,
  ) {}

  @Roles(Role.COORDINATOR, Role.ADMIN)
  @Query(() => MergedScheduleModel, { description: 'The working merged schedule of a week (submitted plans), with its conflicts.' })
  async mergedSchedule(
    @CurrentUser() user: AuthenticatedUser,
    @Args('week', new ParseWeekPipe()) week: string,
  ): Promise<MergedScheduleModel> {
    const merged = await this.schedule.mergedSchedule(week, viewerOf(user));
    return {
      week: merged.week,
      deadline: merged.deadline,
      days: dayModels(merged.days),
      events: merged.events.map(eventModel),
      conflicts: merged.conflicts,
      latestRevisionNumber: merged.latestRevisionNumber,
      pendingChanges: changesModel(merged.pendingChanges),
    };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ScheduleRevisionModel, {
    description: 'Publishes the merged schedule as the next revision; every conflict must be acknowledged with a note.',
  })
  async publishSchedule(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: PublishScheduleInput,
  ): Promise<ScheduleRevisionModel> {
    const revision = await this.schedule.publish(user, input.week, input.acknowledgements, input.note);
    const [view] = await this.schedule.revisionViews(revision.week, viewerOf(user), [revision.number]);
    return revisionModel(view);
  }

  @Query(() => [ScheduleRevisionModel], { description: 'Every published revision of a week, each with what changed since the one before.' })
  async scheduleRevisions(
    @CurrentUser() user: AuthenticatedUser,
    @Args('week', new ParseWeekPipe()) week: string,
  ): Promise<ScheduleRevisionModel[]> {
    return (await this.schedule.revisionViews(week, viewerOf(user))).map(revisionModel);
  }

  @Query(() => ScheduleRevisionModel, {
    nullable: true,
    description: 'One revision; the latest when number is omitted (null before the first).',
  })
  async scheduleRevision(
    @CurrentUser() user: AuthenticatedUser,
    @Args('week', new ParseWeekPipe()) week: string,
    @Args('number', { type: () => Int, nullable: true }) number?: number,
  ): Promise<ScheduleRevisionModel | null> {
    // Checked first: a malformed week would otherwise read as "nothing published yet" (null).
    const wanted = number ?? (await this.schedule.latestRevision(checkWeek(week)))?.number;
    if (wanted === undefined) return null;
    const [view] = await this.schedule.revisionViews(week, viewerOf(user), [wanted]);
    return revisionModel(view);
  }

  @Subscription(() => SchedulePublishedModel, {
    description: 'Each revision published, as it happens (to every office), with the changes you may see counted.',
    resolve: (event: SchedulePublishedEvent, _args: unknown, ctx: RequestContext<AuthenticatedUser>) =>
      publishedFor(event, viewerOf(ctx.user as AuthenticatedUser)),
  })
  schedulePublished(@CurrentUser() user: AuthenticatedUser) {
    return this.bus.subscribe(officeChannel(user.officeCode));
  }
}

@Resolver(() => ScheduleRevisionModel)
export class ScheduleRevisionResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserModel, { description: 'The coordinator who published it.' })
  publishedBy(@Parent() revision: ScheduleRevisionModel, @Context() ctx: RequestContext) {
    return this.identity.userLoader(ctx.loaders).load(revision.publishedById);
  }
}

@Resolver(() => ScheduleEventModel)
export class ScheduleEventResolver {
  constructor(private readonly leaderService: LeaderService) {}

  @ResolveField(() => [LeaderModel], { description: 'Every leader involved, in protocol order.' })
  leaders(@Parent() event: ScheduleEventModel, @Context() ctx: RequestContext) {
    return this.leaderService.leaderLoader(ctx.loaders).loadMany(event.leaderIds);
  }
}
