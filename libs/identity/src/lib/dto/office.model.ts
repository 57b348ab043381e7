import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Office', { description: 'One of the district offices (区委办, 区人大办, 区政府办, 区政协办, 区接待办).' })
export class OfficeModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable code: PARTY, CONGRESS, GOVERNMENT, CPPCC, RECEPTION.' })
  code!: string;

  @Field({ description: 'Full name, e.g. 中共某某区委办公室.' })
  name!: string;

  @Field({ description: 'Short name, e.g. 区委办.' })
  shortName!: string;

  @Field(() => Int, { description: 'Position in host rotations (joint meetings, duty).' })
  rotationOrder!: number;
}
