import type { OfficeCode } from '@siban/identity';
import { SeedData, SeedLeader, SeedUser } from './seed-data-problems';

export const DISTRICT_OFFICES = [
  { code: 'PARTY', name: '中共清河区委办公室', shortName: '区委办', rotationOrder: 1 },
  { code: 'CONGRESS', name: '清河区人大常委会办公室', shortName: '区人大办', rotationOrder: 2 },
  { code: 'GOVERNMENT', name: '清河区人民政府办公室', shortName: '区政府办', rotationOrder: 3 },
  { code: 'CPPCC', name: '政协清河区委员会办公室', shortName: '区政协办', rotationOrder: 4 },
  { code: 'RECEPTION', name: '清河区接待办公室', shortName: '区接待办', rotationOrder: 5 },
] as const satisfies readonly { code: OfficeCode; name: string; shortName: string; rotationOrder: number }[];

const DEMO_LEADERS: (SeedLeader & { office: OfficeCode })[] = [
  { key: 'wang', name: '王建国', title: '区委书记', body: 'STANDING_COMMITTEE', office: 'PARTY', rank: 1, isPrincipal: true },
  { key: 'li', name: '李明', title: '区委副书记、区长', body: 'GOVERNMENT', office: 'GOVERNMENT', rank: 2, isPrincipal: true },
  { key: 'zhang', name: '张华', title: '区人大常委会主任', body: 'CONGRESS', office: 'CONGRESS', rank: 3, isPrincipal: true },
  { key: 'liu', name: '刘芳', title: '区政协主席', body: 'CPPCC', office: 'CPPCC', rank: 4, isPrincipal: true },
  { key: 'chen', name: '陈强', title: '区委副书记', body: 'STANDING_COMMITTEE', office: 'PARTY', rank: 5 },
  { key: 'zhao', name: '赵敏', title: '区委常委、常务副区长', body: 'STANDING_COMMITTEE', office: 'GOVERNMENT', rank: 6 },
  { key: 'sun', name: '孙伟', title: '区委常委、组织部部长', body: 'STANDING_COMMITTEE', office: 'PARTY', rank: 7 },
  { key: 'zhou', name: '周静', title: '区人大常委会副主任', body: 'CONGRESS', office: 'CONGRESS', rank: 8 },
  { key: 'wu', name: '吴涛', title: '区政协副主席', body: 'CPPCC', office: 'CPPCC', rank: 9 },
  { key: 'zheng', name: '郑磊', title: '区人民法院院长', body: 'COURT', office: 'PARTY', rank: 10 },
  { key: 'feng', name: '冯雪', title: '区人民检察院检察长', body: 'PROCURATORATE', office: 'PARTY', rank: 11 },
];

export const DEMO_USERS: (SeedUser & { office: OfficeCode })[] = [
  { username: 'admin', displayName: '系统管理员', office: 'PARTY', roles: ['ADMIN'] },
  { username: 'party.coord', displayName: '区委办综合科 周敏', office: 'PARTY', roles: ['COORDINATOR'] },
  { username: 'party.director', displayName: '区委办主任 黄海', office: 'PARTY', roles: ['DIRECTOR'] },
  {
    username: 'party.sec',
    displayName: '区委办秘书 林晓',
    office: 'PARTY',
    roles: ['SECRETARY'],
    leaders: ['wang', 'chen', 'sun', 'zheng', 'feng'],
  },
  { username: 'gov.sec', displayName: '区政府办秘书 何雨', office: 'GOVERNMENT', roles: ['SECRETARY'], leaders: ['li', 'zhao'] },
  { username: 'gov.director', displayName: '区政府办主任 马骏', office: 'GOVERNMENT', roles: ['DIRECTOR'] },
  { username: 'congress.sec', displayName: '区人大办秘书 高洁', office: 'CONGRESS', roles: ['SECRETARY'], leaders: ['zhang', 'zhou'] },
  { username: 'congress.director', displayName: '区人大办主任 罗平', office: 'CONGRESS', roles: ['DIRECTOR'] },
  { username: 'cppcc.sec', displayName: '区政协办秘书 梁爽', office: 'CPPCC', roles: ['SECRETARY'], leaders: ['liu', 'wu'] },
  { username: 'cppcc.director', displayName: '区政协办主任 宋涛', office: 'CPPCC', roles: ['DIRECTOR'] },
  { username: 'reception.staff', displayName: '区接待办 唐宁', office: 'RECEPTION', roles: ['RECEPTION_STAFF'] },
  { username: 'duty.officer', displayName: '总值班室 韩冰', office: 'PARTY', roles: ['DUTY_OFFICER'] },
  // The general duty (总值班): its coordinator, and an officer from each of the other bodies'
  // offices, so the demo 值班员 pool is drawn from all four (see DutyRosterSeeder).
  { username: 'duty.coord', displayName: '总值班室主任 许诺', office: 'PARTY', roles: ['DUTY_COORDINATOR'] },
  { username: 'congress.duty', displayName: '区人大办值班员 彭程', office: 'CONGRESS', roles: ['DUTY_OFFICER'] },
  { username: 'gov.duty', displayName: '区政府办值班员 杜宇', office: 'GOVERNMENT', roles: ['DUTY_OFFICER'] },
  { username: 'cppcc.duty', displayName: '区政协办值班员 叶青', office: 'CPPCC', roles: ['DUTY_OFFICER'] },
  { username: 'leader.wang', displayName: '王建国', office: 'PARTY', roles: ['LEADER'], leader: 'wang' },
];

export const DEMO_PASSWORD = 'Siban@2026';

export const DEMO_SEED: SeedData = { offices: DISTRICT_OFFICES, leaders: DEMO_LEADERS, users: DEMO_USERS };
