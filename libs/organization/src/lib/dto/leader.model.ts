import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LeaderBody } from '@siban/db';

registerEnumType(LeaderBody, {
  name: 'LeaderBody',
  valuesMap: {
    STANDING_COMMITTEE: { description: 'Party standing committee (区委常委).' },
    CONGRESS: { description: "People's Congress standing committee (区人大常委会)." },
    GOVERNMENT: { description: 'District government (区政府).' },
    CPPCC: { description: 'CPPCC district committee (区政协).' },
    COURT: { description: "People's court (区法院)." },
    PROCURATORATE: { description: "People's procuratorate (区检察院)." },
  },
});

@ObjectType('Leader')
export class LeaderModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. 王建国.' })
  name!: string;

  @Field({ description: 'e.g. 区委书记, 区长, 区人大常委会主任.' })
  title!: string;

  @Field(() => LeaderBody)
  body!: LeaderBody;

  officeId!: string;

  @Field(() => Int, { description: 'Protocol order in the district, 1 = most senior.' })
  rank!: number;

  @Field({ description: 'One of the principal leaders: 书记, 区长, 人大主任, 政协主席.' })
  isPrincipal!: boolean;

  @Field()
  active!: boolean;
}
