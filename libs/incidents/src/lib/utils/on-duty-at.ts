/**
 * The part of a roster seat (`DutySeat` of @siban/duty-roster, as its on-duty lookup returns
 * them) that routing reads: who held which post over which interval.
 */
export interface OnDutySeat {
  post: { code: string };
  person: { kind: 'LEADER' | 'STAFF'; leaderId: string | null; userId: string | null } | null;
  published: boolean;
  startsAt: Date;
  /** Exclusive. */
  endsAt: Date;
}

export interface OnDutyPeople {
  onDutyLeaders: string[];
  onDutyOfficers: string[];
}

/**
 * The accounts on duty at `at` (the time the district learned of the incident, not the time it
 * was logged): holders of published seats whose shift covers it. A leader is reached through
 * their user account (`leaderAccounts`: leader id -> user id; a leader without one is left out);
 * staff seats count as duty officers, or only the posts named in `officerPosts` when given.
 */
export function onDutyAt(
  seats: readonly OnDutySeat[],
  at: Date,
  leaderAccounts: ReadonlyMap<string, string>,
  officerPosts?: ReadonlySet<string>,
): OnDutyPeople {
  const leaders = new Set<string>();
  const officers = new Set<string>();
  for (const seat of seats) {
    if (!seat.published || !seat.person || seat.startsAt.getTime() > at.getTime() || at.getTime() >= seat.endsAt.getTime()) continue;
    if (seat.person.kind === 'LEADER') {
      const account = seat.person.leaderId ? leaderAccounts.get(seat.person.leaderId) : undefined;
      if (account) leaders.add(account);
    } else if (seat.person.userId && (!officerPosts || officerPosts.has(seat.post.code))) {
      officers.add(seat.person.userId);
    }
  }
  return { onDutyLeaders: [...leaders], onDutyOfficers: [...officers] };
}
