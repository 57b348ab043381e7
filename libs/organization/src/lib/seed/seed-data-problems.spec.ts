import { OFFICE_CODES } from '@siban/identity';
import { DEMO_SEED, DISTRICT_OFFICES } from './district-seed';
import { SeedData, seedDataProblems } from './seed-data-problems';

/** The demo seed with one part replaced. */
function demoWith(
  change: (data: {
    offices: SeedData['offices'][number][];
    leaders: SeedData['leaders'][number][];
    users: SeedData['users'][number][];
  }) => void,
): SeedData {
  const data = {
    offices: DEMO_SEED.offices.map((o) => ({ ...o })),
    leaders: DEMO_SEED.leaders.map((l) => ({ ...l })),
    users: DEMO_SEED.users.map((u) => ({ ...u, roles: [...u.roles], leaders: u.leaders && [...u.leaders] })),
  };
  change(data);
  return data;
}

const byKey = <T extends { key: string }>(rows: T[], key: string) => rows.find((r) => r.key === key) as T;
const byName = <T extends { username: string }>(rows: T[], username: string) => rows.find((r) => r.username === username) as T;

describe('seed data', () => {
  it('the demo district can be seeded as it stands', () => {
    expect(seedDataProblems(DEMO_SEED)).toEqual([]);
  });

  it('the district has exactly the offices the API accepts, in rotation order 1..n', () => {
    expect(DISTRICT_OFFICES.map((o) => o.code).sort()).toEqual([...OFFICE_CODES].sort());
    expect(DISTRICT_OFFICES.map((o) => o.rotationOrder)).toEqual(DISTRICT_OFFICES.map((_, i) => i + 1));
  });

  it('the demo puts leaders in a total protocol order, the principals first', () => {
    const ranks = DEMO_SEED.leaders.map((l) => l.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
    const byRank = [...DEMO_SEED.leaders].sort((a, b) => a.rank - b.rank);
    const principals = byRank.filter((l) => l.isPrincipal);
    expect(byRank.slice(0, principals.length)).toEqual(principals);
  });

  it.each<[string, Parameters<typeof demoWith>[0], string]>([
    ['a repeated office code', (d) => d.offices.push({ ...d.offices[0], rotationOrder: 9 }), 'office code PARTY is used twice'],
    ['a repeated rotation order', (d) => (d.offices[1].rotationOrder = 1), 'office rotation order 1 is used twice'],
    ['a rotation order of 0', (d) => (d.offices[0].rotationOrder = 0), 'office PARTY: rotation order must be a whole number from 1'],
    ['a repeated leader key', (d) => d.leaders.push({ ...byKey(d.leaders, 'wang'), rank: 99 }), 'leader key wang is used twice'],
    ['two leaders of one rank', (d) => (byKey(d.leaders, 'chen').rank = 1), 'leader rank 1 is used twice'],
    ['a rank of 0', (d) => (byKey(d.leaders, 'wang').rank = 0), 'leader wang: rank must be a whole number from 1'],
    ['a fractional rank', (d) => (byKey(d.leaders, 'wang').rank = 1.5), 'leader wang: rank must be a whole number from 1'],
    ['a leader of an unknown office', (d) => (byKey(d.leaders, 'wang').office = 'TOWN'), 'leader wang: no office TOWN'],
    ['a blank title', (d) => (byKey(d.leaders, 'wang').title = ' '), 'leader wang: name and title must not be empty'],
    ['a repeated username', (d) => (byName(d.users, 'gov.sec').username = 'party.sec'), 'username party.sec is used twice'],
    [
      'an upper-case username',
      (d) => (byName(d.users, 'admin').username = 'Admin'),
      'user Admin: username must be lower case without spaces',
    ],
    [
      'a username with a space',
      (d) => (byName(d.users, 'admin').username = 'admin '),
      'user admin : username must be lower case without spaces',
    ],
    ['a user of an unknown office', (d) => (byName(d.users, 'admin').office = 'TOWN'), 'user admin: no office TOWN'],
    ['a user without a role', (d) => (byName(d.users, 'admin').roles = []), 'user admin: has no role'],
    [
      'leaders assigned to a director',
      (d) => (byName(d.users, 'gov.director').leaders = ['li']),
      'user gov.director: only a secretary is assigned leaders',
    ],
    ['an assignment to an unknown leader', (d) => byName(d.users, 'gov.sec').leaders?.push('nobody'), 'user gov.sec: no leader nobody'],
    [
      'a leader account of an unknown leader',
      (d) => (byName(d.users, 'leader.wang').leader = 'nobody'),
      'user leader.wang: no leader nobody',
    ],
    [
      'a leader account without its leader',
      (d) => delete byName(d.users, 'leader.wang').leader,
      'user leader.wang: a LEADER account, and only one, names its leader',
    ],
    [
      'a leader named by a non-leader account',
      (d) => (byName(d.users, 'admin').leader = 'li'),
      'user admin: a LEADER account, and only one, names its leader',
    ],
    [
      'two accounts of one leader',
      (d) => d.users.push({ ...byName(d.users, 'leader.wang'), username: 'leader.wang2' }),
      'leader wang has two accounts',
    ],
    [
      'a leader nobody submits plans for',
      (d) => (byName(d.users, 'gov.sec').leaders = ['li']),
      'leader zhao has no secretary: nobody could submit their plans',
    ],
  ])('names %s', (_what, change, problem) => {
    expect(seedDataProblems(demoWith(change))).toEqual([problem]);
  });

  it('names every problem at once', () => {
    const broken = demoWith((d) => {
      byKey(d.leaders, 'wang').office = 'TOWN';
      byName(d.users, 'admin').roles = [];
    });
    expect(seedDataProblems(broken)).toEqual(['leader wang: no office TOWN', 'user admin: has no role']);
  });

  it('offices alone (a production seed) need no leaders or users', () => {
    expect(seedDataProblems({ offices: DISTRICT_OFFICES, leaders: [], users: [] })).toEqual([]);
  });
});
