import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '@siban/db';
import { PageArgs } from '@siban/graphql-core';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const USERNAME = /^[a-z][a-z0-9._-]{2,39}$/;
const PASSWORD_RULE =
  'At least 8 characters of two kinds (lowercase, uppercase, digits, others); not containing the username, not a common password.';
const USERNAME_RULE = 'must be 3-40 characters: lowercase letters, digits, dot, dash or underscore, starting with a letter';

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  username!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

@InputType()
export class CreateUserInput {
  @Field()
  @Matches(USERNAME, { message: USERNAME_RULE })
  username!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  displayName!: string;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MaxLength(200)
  password!: string;

  @Field({ description: 'PARTY, CONGRESS, GOVERNMENT, CPPCC or RECEPTION.' })
  @IsString()
  @MaxLength(20)
  officeCode!: string;

  @Field(() => [Role])
  @IsEnum(Role, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  roles!: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  leaderId?: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  displayName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  officeCode?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @IsEnum(Role, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  roles?: Role[];

  @Field({ nullable: true, description: 'false deactivates the account and ends its sessions.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  leaderId?: string;
}

@InputType()
export class ResetPasswordInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @Field({ description: `${PASSWORD_RULE} Not the current one either.` })
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  officeCode?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'Include deactivated accounts.' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}
