import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { ParseIdPipe } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser, Roles } from '@siban/identity';
import { DutyCheckInService } from './check-in/duty-check-in.service';
import { CloseDutyHandoverItemInput, RecordDutyHandoverInput, SetDutyContactPhoneInput } from './dto/duty-operations.inputs';
import { DutyCheckInModel, DutyContactModel, DutyHandoverItemModel, DutyHandoverModel } from './dto/duty-operations.models';
import { DutyHandoverService } from './handover/duty-handover.service';
import { DutySeatService } from './seats/duty-seat.service';

// An optional ID: absent is fine, present must be a UUID.
const optionalShiftId = { transform: (value?: string | null) => (value == null ? undefined : new ParseIdPipe('shiftId').transform(value)) };

@Resolver()
export class DutyOperationsResolver {
  constructor(
    private readonly checkIns: DutyCheckInService,
    private readonly handovers: DutyHandoverService,
    private readonly seats: DutySeatService,
  ) {}

  @Mutation(() => DutyCheckInModel, {
    description:
      'Checks in (签到) to a duty shift the caller holds (as themselves or as the leader they sign in as): from 30 minutes before it starts until it ends; more than 15 minutes after the start it is late. Without shiftId: the caller’s shift open for check-in now.',
  })
  checkInDuty(
    @CurrentUser() user: AuthenticatedUser,
    @Args('shiftId', { type: () => ID, nullable: true }, optionalShiftId) shiftId?: string,
  ) {
    return this.checkIns.checkIn(user, shiftId);
  }

  @Mutation(() => DutyHandoverModel, { description: 'Records the handover log (交接班记录) of a shift.' })
  recordDutyHandover(@CurrentUser() user: AuthenticatedUser, @Args('input') input: RecordDutyHandoverInput) {
    return this.handovers.record(user, input);
  }

  @Mutation(() => DutyHandoverItemModel, { description: 'Closes an open handover item: whoever is on duty now, or a duty coordinator.' })
  closeDutyHandoverItem(@CurrentUser() user: AuthenticatedUser, @Args('input') input: CloseDutyHandoverItemInput) {
    return this.handovers.closeItem(user, input);
  }

  @Query(() => DutyHandoverModel, { nullable: true, description: 'The handover log of a shift; null when none was written.' })
  dutyHandover(@CurrentUser() user: AuthenticatedUser, @Args('shiftId', { type: () => ID }, new ParseIdPipe('shiftId')) shiftId: string) {
    return this.handovers.handoverOf(user, shiftId);
  }

  @Query(() => [DutyHandoverItemModel], { description: 'Handover items still open, oldest first: every shift carries them over.' })
  openDutyHandoverItems(@CurrentUser() user: AuthenticatedUser) {
    return this.handovers.openItems(user);
  }

  @Roles(Role.DUTY_COORDINATOR, Role.ADMIN)
  @Mutation(() => DutyContactModel, { description: 'Sets the contact number printed for a person on the monthly roster (null clears it).' })
  async setDutyContactPhone(@Args('input') input: SetDutyContactPhoneInput): Promise<DutyContactModel> {
    const person = await this.seats.setPhone(input.personId, input.phone ?? null);
    return { personId: person.id, name: person.name, phone: person.phone };
  }
}
