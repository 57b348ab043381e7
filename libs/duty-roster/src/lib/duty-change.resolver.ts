import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { AuthenticatedUser, CurrentUser, Roles } from '@siban/identity';
import {
  ApproveDutySwapArgs,
  DeclareDutyUnavailabilityArgs,
  DutySwapRequestsArgs,
  OverrideDutyShiftArgs,
  RequestDutySwapArgs,
  RespondDutySwapArgs,
  SwapDutyShiftsArgs,
  UndoDutySwapArgs,
} from './dto/duty-roster.args';
import { DutyShiftModel, DutySwapRequestModel, DutySwapResultModel, DutyUnavailabilityModel } from './dto/duty-roster.models';
import { DutyChangeService } from './services/duty-change.service';

@Resolver()
export class DutyChangeResolver {
  constructor(private readonly changes: DutyChangeService) {}

  @Query(() => [DutySwapRequestModel], { description: 'Swap requests, newest first: every one for coordinators, your own for others.' })
  dutySwapRequests(@CurrentUser() user: AuthenticatedUser, @Args() { open }: DutySwapRequestsArgs): Promise<DutySwapRequestModel[]> {
    return this.changes.requestsFor(user, open);
  }

  @Mutation(() => DutySwapRequestModel, { description: 'Asks the holder of another shift of the same post to swap with a shift you hold.' })
  requestDutySwap(@CurrentUser() user: AuthenticatedUser, @Args() args: RequestDutySwapArgs): Promise<DutySwapRequestModel> {
    return this.changes.requestSwap(user, args.myShiftId, args.otherShiftId, args.note);
  }

  @Mutation(() => DutySwapRequestModel, { description: 'The person asked accepts (a coordinator then decides) or declines.' })
  respondDutySwap(@CurrentUser() user: AuthenticatedUser, @Args() args: RespondDutySwapArgs): Promise<DutySwapRequestModel> {
    return this.changes.respondSwap(user, args.requestId, args.accept);
  }

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Mutation(() => DutySwapRequestModel, { description: 'Approves an accepted swap request (the shifts are swapped) or rejects it.' })
  approveDutySwap(@CurrentUser() user: AuthenticatedUser, @Args() args: ApproveDutySwapArgs): Promise<DutySwapRequestModel> {
    return this.changes.approveSwap(user, args.requestId, args.approve);
  }

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Mutation(() => DutySwapResultModel, { description: 'Swaps the holders of two shifts of one post on their behalf.' })
  swapDutyShifts(@CurrentUser() user: AuthenticatedUser, @Args() args: SwapDutyShiftsArgs): Promise<DutySwapResultModel> {
    return this.changes.swapShifts(user, args.shiftId, args.otherShiftId, args.reason);
  }

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Mutation(() => DutySwapResultModel, {
    description: 'Undoes a swap made by mistake (name its SWAP history entry), while both shifts are as it left them.',
  })
  undoDutySwap(@CurrentUser() user: AuthenticatedUser, @Args() args: UndoDutySwapArgs): Promise<DutySwapResultModel> {
    return this.changes.undoSwap(user, args.changeId, args.reason);
  }

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Mutation(() => DutyShiftModel, {
    description:
      'Puts someone on a shift (or empties it, with null) in an emergency; the reason and any rule knowingly broken are recorded.',
  })
  overrideDutyShift(@CurrentUser() user: AuthenticatedUser, @Args() args: OverrideDutyShiftArgs): Promise<DutyShiftModel> {
    return this.changes.override(user, args.shiftId, args.personId ?? null, args.reason);
  }

  @Mutation(() => DutyUnavailabilityModel, {
    description:
      'Records that a person cannot be on duty (yourself, or anyone for a coordinator); their shifts in the range that have not started are emptied.',
  })
  declareDutyUnavailability(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: DeclareDutyUnavailabilityArgs,
  ): Promise<DutyUnavailabilityModel> {
    return this.changes.declareUnavailability(user, args);
  }
}
