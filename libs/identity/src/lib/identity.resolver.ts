import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, User } from '@siban/db';
import { RequestContext } from '@siban/graphql-core';
import { AuthenticatedUser } from './authenticated-user';
import { CurrentUser, Public, Roles } from './auth.decorators';
import { OfficeModel } from './dto/office.model';
import { ChangePasswordInput, CreateUserInput, LoginInput, ResetPasswordInput, UpdateUserInput, UsersArgs } from './dto/user.inputs';
import { AuthPayload, UserConnection, UserModel } from './dto/user.model';
import { IdentityService } from './identity.service';
import { OfficeService } from './office.service';
import { mayReadUsername } from './utils/may-read-username';

@Resolver(() => UserModel)
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly offices: OfficeService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs in; every other operation needs the token it returns. Wrong passwords are slowed down per account and address, and attempts per address are rate-limited (TOO_MANY_REQUESTS).',
  })
  async login(@Args('input') input: LoginInput, @Context() ctx: RequestContext<AuthenticatedUser>): Promise<AuthPayload> {
    const payload = await this.identity.login(input.username, input.password, { address: ctx.req?.ip });
    // The rest of this response is read as the user who just signed in.
    ctx.user = await this.identity.authenticateUser(payload.user.id);
    return payload;
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(@CurrentUser() user: AuthenticatedUser): Promise<User> {
    return this.identity.getUser(user.id);
  }

  @Mutation(() => AuthPayload, { description: 'Changes your password; other sessions end, this one gets a new token.' })
  changePassword(@CurrentUser() user: AuthenticatedUser, @Args('input') input: ChangePasswordInput): Promise<AuthPayload> {
    return this.identity.changeOwnPassword(user, input);
  }

  @Roles(Role.ADMIN)
  @Query(() => UserConnection)
  users(@Args() args: UsersArgs) {
    return this.identity.listUsers(args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel)
  createUser(@Args('input') input: CreateUserInput): Promise<User> {
    return this.identity.createUser(input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'Changes roles, office, name or state; a role change or deactivation ends the sessions.' })
  updateUser(@CurrentUser() actor: AuthenticatedUser, @Args('input') input: UpdateUserInput): Promise<User> {
    return this.identity.updateUser(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: "Sets a user's password; their sessions end." })
  resetPassword(@Args('input') input: ResetPasswordInput): Promise<User> {
    return this.identity.resetPassword(input);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Shown to admins and to users of the same office; null for everyone else (they see the display name).',
  })
  username(@Parent() user: UserModel, @Context() ctx: RequestContext<AuthenticatedUser>): string | null {
    return mayReadUsername(ctx.user, user) ? user.username : null;
  }

  @ResolveField(() => OfficeModel)
  office(@Parent() user: UserModel, @Context() ctx: RequestContext) {
    return this.offices.loader(ctx.loaders).load(user.officeId);
  }
}

@Resolver(() => OfficeModel)
export class OfficeResolver {
  constructor(private readonly officeService: OfficeService) {}

  @Query(() => [OfficeModel], { description: 'All offices, in rotation order.' })
  offices() {
    return this.officeService.list();
  }

  @Query(() => OfficeModel)
  office(@Args('code') code: string) {
    return this.officeService.getByCode(code, 'code');
  }
}
