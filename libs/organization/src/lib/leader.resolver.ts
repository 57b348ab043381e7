import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { ParseIdPipe, RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser, OfficeModel, OfficeService, Roles, UserModel } from '@siban/identity';
import { AssignmentInput, CreateLeaderInput, LeadersArgs, UpdateLeaderInput } from './dto/leader.inputs';
import { LeaderModel } from './dto/leader.model';
import { LeaderService } from './leader.service';

@Resolver(() => LeaderModel)
export class LeaderResolver {
  constructor(
    private readonly leaderService: LeaderService,
    private readonly offices: OfficeService,
  ) {}

  @Query(() => [LeaderModel], { description: 'Leaders in protocol order.' })
  leaders(@Args() args: LeadersArgs) {
    return this.leaderService.list(args);
  }

  @Query(() => LeaderModel)
  leader(@Args('id', { type: () => ID }, new ParseIdPipe('id')) id: string) {
    return this.leaderService.get(id);
  }

  @Roles(Role.SECRETARY)
  @Query(() => [LeaderModel], { description: 'The leaders whose plans you submit.' })
  myLeaders(@CurrentUser() user: AuthenticatedUser) {
    return this.leaderService.leadersOf(user.id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => LeaderModel)
  createLeader(@Args('input') input: CreateLeaderInput) {
    return this.leaderService.create(input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => LeaderModel)
  updateLeader(@Args('input') input: UpdateLeaderInput) {
    return this.leaderService.update(input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => LeaderModel, { description: "Lets a secretary submit this leader's plans." })
  assignSecretary(@Args('input') input: AssignmentInput) {
    return this.leaderService.assign(input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => LeaderModel)
  unassignSecretary(@Args('input') input: AssignmentInput) {
    return this.leaderService.unassign(input);
  }

  @ResolveField(() => OfficeModel, { description: "The office that handles the leader's plans." })
  office(@Parent() leader: LeaderModel, @Context() ctx: RequestContext) {
    return this.offices.loader(ctx.loaders).load(leader.officeId);
  }

  @ResolveField(() => [UserModel], { description: 'Secretaries who submit this leader’s plans.' })
  secretaries(@Parent() leader: LeaderModel, @Context() ctx: RequestContext) {
    return this.leaderService.secretariesLoader(ctx.loaders).load(leader.id);
  }
}

@Resolver(() => UserModel)
export class UserLeadersResolver {
  constructor(private readonly leaders: LeaderService) {}

  @ResolveField(() => [LeaderModel], { description: 'For a secretary: the leaders assigned to them.' })
  assignedLeaders(@Parent() user: UserModel, @Context() ctx: RequestContext) {
    return this.leaders.assignedLeadersLoader(ctx.loaders).load(user.id);
  }
}
