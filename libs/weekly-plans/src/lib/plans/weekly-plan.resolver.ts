import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { ParseIdPipe, ParseWeekPipe, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser, Roles } from '@siban/identity';
import { LeaderModel, LeaderService } from '@siban/organization';
import {
  AddPlanEntryInput,
  CopyPreviousWeekInput,
  PlanRefInput,
  SaveWeeklyPlanInput,
  SetPlanDeadlineInput,
  UpdatePlanEntryInput,
} from '../dto/plan-entry.input';
import { PlanEntryModel, PlanSubmissionModel, PlanSubmissionsModel, WeeklyPlanModel } from '../dto/schedule.models';
import { toEntryData } from '../plan-mapping';
import { viewEntries } from '../schedule/schedule-view';
import { ScheduleService } from '../schedule/schedule.service';
import { viewerOf } from '../schedule/utils/visibility';
import { checkWeek } from '../utils/check-week';
import { PlanDeadlineService } from './plan-deadline.service';
import { PlanWithEntries, WeeklyPlanService } from './weekly-plan.service';

function ownView(plan: PlanWithEntries): WeeklyPlanModel {
  return { ...plan, entries: plan.entries.map((e) => ({ ...toEntryData(e), busy: false })) };
}

@Resolver(() => WeeklyPlanModel)
export class WeeklyPlanResolver {
  constructor(
    private readonly plans: WeeklyPlanService,
    private readonly schedule: ScheduleService,
    private readonly deadlines: PlanDeadlineService,
    private readonly leaders: LeaderService,
  ) {}

  @Query(() => WeeklyPlanModel, {
    nullable: true,
    description:
      "A leader's plan for a week. Drafts only to the leader's secretaries; submitted plans to all, restricted entries as busy blocks.",
  })
  async weeklyPlan(
    @CurrentUser() user: AuthenticatedUser,
    @Args('leaderId', { type: () => ID }, new ParseIdPipe('leaderId')) leaderId: string,
    @Args('week', new ParseWeekPipe()) week: string,
  ): Promise<WeeklyPlanModel | null> {
    const plan = await this.plans.getPlan(leaderId, week);
    if (!plan) return null;
    if (await this.plans.canEdit(user, leaderId)) return ownView(plan);
    if (plan.status !== 'SUBMITTED') return null;
    const leadersById = new Map((await this.schedule.leaderInfos()).map((l) => [l.id, l]));
    return { ...plan, entries: viewEntries(plan.entries.map(toEntryData), viewerOf(user), leadersById) };
  }

  @Roles(Role.SECRETARY)
  @Mutation(() => WeeklyPlanModel, { description: 'Bulk entry: saves the whole week at once (entries not listed are removed).' })
  async saveWeeklyPlan(@CurrentUser() user: AuthenticatedUser, @Args('input') input: SaveWeeklyPlanInput) {
    return ownView(await this.plans.save(user, input.leaderId, input.week, input.entries, input.expectedVersion));
  }

  @Roles(Role.SECRETARY)
  @Mutation(() => WeeklyPlanModel)
  async addPlanEntry(@CurrentUser() user: AuthenticatedUser, @Args('input') input: AddPlanEntryInput) {
    return ownView(await this.plans.addEntry(user, input.leaderId, input.week, input.entry));
  }

  @Roles(Role.SECRETARY)
  @Mutation(() => WeeklyPlanModel)
  async updatePlanEntry(@CurrentUser() user: AuthenticatedUser, @Args('input') input: UpdatePlanEntryInput) {
    return ownView(await this.plans.updateEntry(user, input.id, input.entry));
  }

  @Roles(Role.SECRETARY)
  @Mutation(() => WeeklyPlanModel)
  async removePlanEntry(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: string) {
    return ownView(await this.plans.removeEntry(user, id));
  }

  @Roles(Role.SECRETARY)
  @Mutation(() => WeeklyPlanModel, { description: "Starts the week from last week's plan, every date moved seven days." })
  async copyPreviousWeekPlan(@CurrentUser() user: AuthenticatedUser, @Args('input') input: CopyPreviousWeekInput) {
    return ownView(await this.plans.copyPreviousWeek(user, input.leaderId, input.week, input.replace));
  }

  @Roles(Role.SECRETARY)
  @Mutation(() => WeeklyPlanModel, { description: 'Submits the plan; after the deadline it is recorded as late.' })
  async submitWeeklyPlan(@CurrentUser() user: AuthenticatedUser, @Args('input') input: PlanRefInput) {
    return ownView(await this.plans.submit(user, input.leaderId, input.week));
  }

  @Roles(Role.SECRETARY, Role.COORDINATOR, Role.DIRECTOR, Role.ADMIN)
  @Query(() => PlanSubmissionsModel, { description: 'Per leader: submitted, late, draft or missing (secretaries: their own leaders).' })
  planSubmissions(@CurrentUser() user: AuthenticatedUser, @Args('week', new ParseWeekPipe()) week: string) {
    return this.plans.submissions(user, week);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => Date, { description: 'Sets the submission deadline of a week (default: Friday 17:00 of the week before).' })
  setPlanDeadline(@CurrentUser() user: AuthenticatedUser, @Args('input') input: SetPlanDeadlineInput) {
    return this.deadlines.setDeadline(checkWeek(input.week), input.deadline, user.id);
  }

  @ResolveField(() => LeaderModel)
  leader(@Parent() plan: WeeklyPlanModel, @Context() ctx: RequestContext) {
    return this.leaders.leaderLoader(ctx.loaders).load(plan.leaderId);
  }
}

@Resolver(() => PlanSubmissionModel)
export class PlanSubmissionResolver {
  constructor(private readonly leaders: LeaderService) {}

  @ResolveField(() => LeaderModel)
  leader(@Parent() row: PlanSubmissionModel, @Context() ctx: RequestContext) {
    return this.leaders.leaderLoader(ctx.loaders).load(row.leaderId);
  }
}

@Resolver(() => PlanEntryModel)
export class PlanEntryResolver {
  constructor(private readonly leaders: LeaderService) {}

  @ResolveField(() => LeaderModel, { description: 'The leader whose plan holds the entry.' })
  leader(@Parent() entry: PlanEntryModel, @Context() ctx: RequestContext) {
    return this.leaders.leaderLoader(ctx.loaders).load(entry.leaderId);
  }

  @ResolveField(() => [LeaderModel], { description: 'Other leaders attending.' })
  attendees(@Parent() entry: PlanEntryModel, @Context() ctx: RequestContext) {
    return this.leaders.leaderLoader(ctx.loaders).loadMany(entry.attendeeLeaderIds);
  }
}
