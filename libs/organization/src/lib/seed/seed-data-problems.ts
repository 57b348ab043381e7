import type { LeaderBody, Role } from '@siban/db';

export interface SeedOffice {
  code: string;
  name: string;
  shortName: string;
  rotationOrder: number;
}

export interface SeedLeader {
  /** How users of the seed refer to the leader. */
  key: string;
  name: string;
  title: string;
  body: LeaderBody;
  office: string;
  rank: number;
  isPrincipal?: boolean;
}

export interface SeedUser {
  username: string;
  displayName: string;
  office: string;
  roles: Role[];
  /** For a secretary: keys of the leaders whose plans they submit. */
  leaders?: string[];
  /** For a leader's own account: the key of the leader it reads as. */
  leader?: string;
}

export interface SeedData {
  offices: readonly SeedOffice[];
  leaders: readonly SeedLeader[];
  users: readonly SeedUser[];
}

function duplicates<T>(values: readonly T[]): T[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * What is wrong with seed data, one readable line each; empty when it can be seeded. Checked
 * before writing, so a mistake in the data stops the seed with every problem named instead of a
 * database error half-way, or a demo that cannot be used (an account nobody can log in to, a
 * leader nobody can submit plans for).
 */
export function seedDataProblems({ offices, leaders, users }: SeedData): string[] {
  const problems: string[] = [];
  const officeCodes = new Set(offices.map((o) => o.code));
  const leaderKeys = new Set(leaders.map((l) => l.key));

  for (const code of duplicates(offices.map((o) => o.code))) problems.push(`office code ${code} is used twice`);
  for (const order of duplicates(offices.map((o) => o.rotationOrder))) problems.push(`office rotation order ${order} is used twice`);
  for (const o of offices)
    if (!Number.isInteger(o.rotationOrder) || o.rotationOrder < 1)
      problems.push(`office ${o.code}: rotation order must be a whole number from 1`);

  for (const key of duplicates(leaders.map((l) => l.key))) problems.push(`leader key ${key} is used twice`);
  // Protocol order must be total: two leaders of one rank would list in an arbitrary order.
  for (const rank of duplicates(leaders.map((l) => l.rank))) problems.push(`leader rank ${rank} is used twice`);
  for (const l of leaders) {
    if (!Number.isInteger(l.rank) || l.rank < 1) problems.push(`leader ${l.key}: rank must be a whole number from 1`);
    if (!officeCodes.has(l.office)) problems.push(`leader ${l.key}: no office ${l.office}`);
    if (!l.name.trim() || !l.title.trim()) problems.push(`leader ${l.key}: name and title must not be empty`);
  }

  for (const name of duplicates(users.map((u) => u.username))) problems.push(`username ${name} is used twice`);
  for (const key of duplicates(users.flatMap((u) => (u.leader ? [u.leader] : [])))) problems.push(`leader ${key} has two accounts`);
  for (const u of users) {
    const who = `user ${u.username}`;
    // Login looks usernames up trimmed and lower-cased.
    if (u.username !== u.username.trim().toLowerCase() || !u.username) problems.push(`${who}: username must be lower case without spaces`);
    if (!officeCodes.has(u.office)) problems.push(`${who}: no office ${u.office}`);
    if (u.roles.length === 0) problems.push(`${who}: has no role`);
    if (u.leaders?.length && !u.roles.includes('SECRETARY')) problems.push(`${who}: only a secretary is assigned leaders`);
    for (const key of u.leaders ?? []) if (!leaderKeys.has(key)) problems.push(`${who}: no leader ${key}`);
    if (u.leader !== undefined && !leaderKeys.has(u.leader)) problems.push(`${who}: no leader ${u.leader}`);
    if (u.roles.includes('LEADER') !== (u.leader !== undefined)) problems.push(`${who}: a LEADER account, and only one, names its leader`);
  }

  if (users.length) {
    const assigned = new Set(users.flatMap((u) => u.leaders ?? []));
    for (const l of leaders) if (!assigned.has(l.key)) problems.push(`leader ${l.key} has no secretary: nobody could submit their plans`);
  }
  return problems;
}
