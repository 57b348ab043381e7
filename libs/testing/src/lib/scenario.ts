import { gqlOk, login } from './graphql-client';

/** The service as a scenario reaches it: over GraphQL HTTP, signing in as the seeded accounts. */
export interface ScenarioApp {
  url: string;
  /** The password of the seeded (demo) accounts. */
  password: string;
}

export interface ScenarioOptions {
  /**
   * The service's clock when a test moves it: the service checks a token's expiry by its own
   * clock, so a token is signed in again whenever the clock has moved since it was issued.
   */
  clock?: { now(): Date };
  /** The account that creates leaders, users and assignments. */
  admin?: string;
}

export type Office = 'PARTY' | 'GOVERNMENT' | 'CONGRESS' | 'CPPCC' | 'RECEPTION';

export interface LeaderSpec {
  office: Office;
  principal?: boolean;
  /** Protocol order; after the seeded leaders unless given. */
  rank?: number;
  title?: string;
  body?: 'STANDING_COMMITTEE' | 'GOVERNMENT' | 'CONGRESS' | 'CPPCC' | 'COURT' | 'PROCURATORATE';
}

export interface UserSpec {
  office: Office;
  roles: string[];
  displayName?: string;
  /** A LEADER account: the leader (by name) it signs in as. */
  leader?: string;
  /** A secretary: the leaders (by name) whose plans they submit. */
  assigned?: string[];
}

/** The password of the accounts a scenario creates. */
export const SCENARIO_PASSWORD = 'Scenario@2026';

const BODY_OF_OFFICE: Record<Office, NonNullable<LeaderSpec['body']>> = {
  PARTY: 'STANDING_COMMITTEE',
  GOVERNMENT: 'GOVERNMENT',
  CONGRESS: 'CONGRESS',
  CPPCC: 'CPPCC',
  RECEPTION: 'STANDING_COMMITTEE',
};

/** The createLeader input for a leader of the scenario (the `index`-th it adds). */
export function leaderInput(name: string, spec: LeaderSpec, index: number) {
  return {
    name,
    officeCode: spec.office,
    body: spec.body ?? BODY_OF_OFFICE[spec.office],
    isPrincipal: spec.principal ?? false,
    rank: spec.rank ?? 100 + index,
    title: spec.title ?? `${name}（测试）`,
  };
}

/** The createUser input for a user of the scenario; `leaderId` resolves leader names. */
export function userInput(username: string, spec: UserSpec, leaderId: (name: string) => string) {
  return {
    username,
    displayName: spec.displayName ?? username,
    password: SCENARIO_PASSWORD,
    officeCode: spec.office,
    roles: spec.roles,
    ...(spec.leader ? { leaderId: leaderId(spec.leader) } : {}),
  };
}

/** A built scenario: the seeded district plus what the builder added, by name. */
export interface Scenario {
  url: string;
  /** A token for any account, seeded or created (fresh whenever the scenario's clock has moved). */
  token(username: string): Promise<string>;
  /** A leader's id by name (王建国, or one the scenario added). */
  leaderId(name: string): string;
  /** Every active leader's id by name. */
  leaderIds(): Record<string, string>;
  /** A user's id by username. */
  userId(username: string): string;
}

const LEADERS = '{ leaders { id name } }';
const USERS = '{ users(first: 200) { nodes { id username } } }';
const CREATE_LEADER = 'mutation ($input: CreateLeaderInput!) { createLeader(input: $input) { id } }';
const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }';
const ASSIGN = 'mutation ($input: AssignmentInput!) { assignSecretary(input: $input) { id } }';

/**
 * Sets up what an e2e test needs in a few lines, through the API as an administrator would:
 *
 *     const s = await scenario(t)
 *       .leader('钱七', { office: 'GOVERNMENT' })
 *       .user('gov.sec2', { office: 'GOVERNMENT', roles: ['SECRETARY'], assigned: ['钱七'] })
 *       .build();
 *     await s.token('gov.sec2'); s.leaderId('钱七');
 */
export function scenario(app: ScenarioApp, options: ScenarioOptions = {}): ScenarioBuilder {
  return new ScenarioBuilder(app, options);
}

export class ScenarioBuilder {
  private readonly leaders: [string, LeaderSpec][] = [];
  private readonly users: [string, UserSpec][] = [];

  constructor(
    private readonly app: ScenarioApp,
    private readonly options: ScenarioOptions,
  ) {}

  leader(name: string, spec: LeaderSpec): this {
    this.leaders.push([name, spec]);
    return this;
  }

  user(username: string, spec: UserSpec): this {
    this.users.push([username, spec]);
    return this;
  }

  async build(): Promise<Scenario> {
    const { url, password } = this.app;
    const clock = this.options.clock;
    const created = new Set(this.users.map(([username]) => username));
    const issued = new Map<string, { at: number | undefined; token: string }>();
    const token = async (username: string) => {
      const at = clock?.now().getTime();
      const cached = issued.get(username);
      if (cached && cached.at === at) return cached.token;
      const fresh = await login(url, username, created.has(username) ? SCENARIO_PASSWORD : password);
      issued.set(username, { at, token: fresh });
      return fresh;
    };
    const admin = await token(this.options.admin ?? 'admin');

    const leaderIds: Record<string, string> = {};
    for (const { id, name } of (await gqlOk(url, admin, LEADERS)).leaders) leaderIds[name] = id;
    for (const [index, [name, spec]] of this.leaders.entries()) {
      leaderIds[name] = (await gqlOk(url, admin, CREATE_LEADER, { input: leaderInput(name, spec, index) })).createLeader.id;
    }
    const leaderId = (name: string) => {
      const id = leaderIds[name];
      if (!id) throw new Error(`no leader named ${name} in the scenario`);
      return id;
    };

    const userIds: Record<string, string> = {};
    for (const { id, username } of (await gqlOk(url, admin, USERS)).users.nodes) userIds[username] = id;
    for (const [username, spec] of this.users) {
      const id = (await gqlOk(url, admin, CREATE_USER, { input: userInput(username, spec, leaderId) })).createUser.id;
      userIds[username] = id;
      for (const name of spec.assigned ?? []) await gqlOk(url, admin, ASSIGN, { input: { leaderId: leaderId(name), userId: id } });
    }

    return {
      url,
      token,
      leaderId,
      leaderIds: () => ({ ...leaderIds }),
      userId(username) {
        const id = userIds[username];
        if (!id) throw new Error(`no user ${username} in the scenario`);
        return id;
      },
    };
  }
}
