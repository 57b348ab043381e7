import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { Paginated } from '@siban/graphql-core';

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    SECRETARY: { description: 'Submits weekly plans for the leaders assigned to them (秘书).' },
    COORDINATOR: { description: 'Merges and publishes the weekly schedule (综合协调).' },
    RECEPTION_STAFF: { description: 'Claims and handles visits (接待人员).' },
    DUTY_OFFICER: { description: 'Logs emergencies and keeps the duty (值班员).' },
    DUTY_COORDINATOR: { description: 'Keeps the duty roster: pools, generation, publishing, swaps (总值班排班).' },
    DIRECTOR: { description: "An office's director (办公室主任)." },
    LEADER: { description: 'A leader who reads (领导).' },
    ADMIN: { description: 'Manages accounts, leaders and assignments (管理员).' },
  },
});

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  // Exposed through IdentityResolver.username: not to everyone.
  username!: string;

  @Field({ description: 'Name shown to others, e.g. 张丽.' })
  displayName!: string;

  officeId!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field()
  active!: boolean;

  @Field(() => ID, { nullable: true, description: 'For a LEADER account: the leader it reads as.' })
  leaderId!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class UserConnection extends Paginated(UserModel) {}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`, or as `authorization` in graphql-ws connection_init.' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => UserModel)
  user!: UserModel;
}
