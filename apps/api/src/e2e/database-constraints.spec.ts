import crypto from 'node:crypto';
import {
  createTestDatabase,
  databaseKinds,
  DatabaseKind,
  openRawDatabase,
  RawDb,
  refusal as refusalIn,
  TestDatabase,
} from '@siban/testing';

// The constraints of the add_constraints migration, proven with raw SQL: rows that bypass the
// services (a script, psql, a future bug) are refused by the database itself.

const uuid = () => crypto.randomUUID();
const W48 = '2026-W48';
const MONDAY = '2026-11-23';

describe.each(databaseKinds())('database constraints on %s', (kind: DatabaseKind) => {
  let database: TestDatabase;
  let db: RawDb;
  // A small valid world: an office, two leaders, a user, and one plan of the first leader.
  const ids = { office: uuid(), leader: uuid(), otherLeader: uuid(), user: uuid(), plan: uuid(), otherPlan: uuid() };

  const refusal = (sql: string, params: unknown[] = []) => refusalIn(db, sql, params);

  const ENTRY_COLUMNS = [
    'id',
    'planId',
    'week',
    'leaderId',
    'date',
    'endDate',
    'slot',
    'startAt',
    'endAt',
    'title',
    'leadOfficeCode',
    'attendeeLeaderIds',
    'position',
  ];

  /** Inserts a plan entry: a valid half-day entry of the plan, with `changes` applied. */
  function insertEntry(changes: Record<string, unknown> = {}) {
    const row: Record<string, unknown> = {
      id: uuid(),
      planId: ids.plan,
      week: W48,
      leaderId: ids.leader,
      date: MONDAY,
      endDate: null,
      slot: 'MORNING',
      startAt: null,
      endAt: null,
      title: '区委常委会',
      leadOfficeCode: 'PARTY',
      attendeeLeaderIds: [],
      position: 0,
      ...changes,
    };
    const casts: Record<string, string> = {
      id: '::uuid',
      planId: '::uuid',
      leaderId: '::uuid',
      slot: '::"HalfDay"',
      startAt: '::timestamptz',
      endAt: '::timestamptz',
      attendeeLeaderIds: '::text[]',
    };
    const values = ENTRY_COLUMNS.map((c, i) => `$${i + 1}${casts[c] ?? ''}`);
    return {
      sql: `INSERT INTO "PlanEntry" (${ENTRY_COLUMNS.map((c) => `"${c}"`).join(', ')}, kind, "updatedAt") VALUES (${values.join(', ')}, 'MEETING', now())`,
      params: ENTRY_COLUMNS.map((c) => row[c]),
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = await openRawDatabase(database);
    await db.query(`INSERT INTO "Office" (id, code, name, "shortName", "rotationOrder") VALUES ($1, 'PARTY', '区委办', '区委办', 1)`, [
      ids.office,
    ]);
    for (const [id, rank] of [
      [ids.leader, 1],
      [ids.otherLeader, 2],
    ] as const) {
      await db.query(
        `INSERT INTO "Leader" (id, name, title, body, "officeId", rank, "updatedAt") VALUES ($1, '领导', '区委书记', 'STANDING_COMMITTEE', $2, $3, now())`,
        [id, ids.office, rank],
      );
    }
    await db.query(
      `INSERT INTO "User" (id, username, "displayName", "passwordHash", "officeId", roles, "updatedAt") VALUES ($1, 'coord', '综合科', '', $2, '{COORDINATOR}', now())`,
      [ids.user, ids.office],
    );
    await db.query(`INSERT INTO "WeeklyPlan" (id, "leaderId", week, "updatedAt") VALUES ($1, $2, $3, now())`, [ids.plan, ids.leader, W48]);
    await db.query(`INSERT INTO "WeeklyPlan" (id, "leaderId", week, "updatedAt") VALUES ($1, $2, $3, now())`, [
      ids.otherPlan,
      ids.otherLeader,
      W48,
    ]);
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('accepts the valid rows every timing form makes', async () => {
    const valid = [
      insertEntry(),
      insertEntry({ slot: null, startAt: '2026-11-23T01:00:00Z', endAt: '2026-11-23T02:30:00Z' }),
      // 21:00 to 06:00 the next morning (Shanghai), the latest an exact time may end.
      insertEntry({ slot: null, startAt: '2026-11-23T13:00:00Z', endAt: '2026-11-23T22:00:00Z' }),
      insertEntry({ slot: null, endDate: '2026-11-25' }),
      insertEntry({ slot: null }),
      insertEntry({ attendeeLeaderIds: [ids.otherLeader] }),
    ];
    for (const { sql, params } of valid) await db.query(sql, params);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "PlanEntry" WHERE "planId" = $1`, [ids.plan]);
    expect(rows[0].n).toBe(valid.length);
  });

  it.each([
    ['a leader other than its plan’s', { leaderId: 'other' }, '23503', 'PlanEntry_planId_leaderId_week_fkey'],
    ['a week other than its plan’s', { week: '2026-W49' }, '23503', 'PlanEntry_planId_leaderId_week_fkey'],
    ['a date not written YYYY-MM-DD', { date: '2026/11/23' }, '23514', 'PlanEntry_date_check'],
    ['a month 13', { date: '2026-13-01' }, '23514', 'PlanEntry_date_check'],
    ['an end date before its date', { slot: null, endDate: '2026-11-22' }, '23514', 'PlanEntry_endDate_check'],
    [
      'a slot and exact times',
      { startAt: '2026-11-23T01:00:00Z', endAt: '2026-11-23T02:00:00Z' },
      '23514',
      'PlanEntry_slot_or_times_check',
    ],
    [
      'endAt equal to startAt',
      { slot: null, startAt: '2026-11-23T01:00:00Z', endAt: '2026-11-23T01:00:00Z' },
      '23514',
      'PlanEntry_times_check',
    ],
    [
      'endAt before startAt',
      { slot: null, startAt: '2026-11-23T03:00:00Z', endAt: '2026-11-23T01:00:00Z' },
      '23514',
      'PlanEntry_times_check',
    ],
    ['a start without an end', { slot: null, startAt: '2026-11-23T01:00:00Z' }, '23514', 'PlanEntry_times_check'],
    [
      'exact times on a multi-day entry',
      { slot: null, endDate: '2026-11-24', startAt: '2026-11-23T01:00:00Z', endAt: '2026-11-23T02:00:00Z' },
      '23514',
      'PlanEntry_multiday_times_check',
    ],
    ['a slot with an end date', { endDate: '2026-11-24' }, '23514', 'PlanEntry_slot_one_day_check'],
    [
      'exact times past 06:00 the next day',
      { slot: null, startAt: '2026-11-23T13:00:00Z', endAt: '2026-11-23T22:01:00Z' },
      '23514',
      'PlanEntry_exact_end_check',
    ],
    ['its own leader as an attendee', { attendeeLeaderIds: ['self'] }, '23514', 'PlanEntry_attendees_check'],
    ['an empty title', { title: '' }, '23514', 'PlanEntry_title_check'],
    ['a negative position', { position: -1 }, '23514', 'PlanEntry_position_check'],
    ['a lead office that does not exist', { leadOfficeCode: 'NOWHERE' }, '23503', 'PlanEntry_leadOfficeCode_fkey'],
  ])('refuses a plan entry with %s', async (_what, changes, code, constraint) => {
    const resolved = Object.fromEntries(
      Object.entries(changes).map(([k, v]) => [
        k,
        v === 'other' ? ids.otherLeader : Array.isArray(v) ? v.map((x) => (x === 'self' ? ids.leader : x)) : v,
      ]),
    );
    const { sql, params } = insertEntry(resolved);
    expect(await refusal(sql, params)).toEqual({ code, constraint });
  });

  it('refuses moving an entry to another plan’s leader, and moves entries with their plan', async () => {
    const { sql, params } = insertEntry();
    await db.query(sql, params);
    const entryId = params[0];
    expect(await refusal(`UPDATE "PlanEntry" SET "planId" = $1 WHERE id = $2`, [ids.otherPlan, entryId])).toEqual({
      code: '23503',
      constraint: 'PlanEntry_planId_leaderId_week_fkey',
    });
    const plan = uuid();
    await db.query(`INSERT INTO "WeeklyPlan" (id, "leaderId", week, "updatedAt") VALUES ($1, $2, '2026-W50', now())`, [plan, ids.leader]);
    const moved = insertEntry({ planId: plan, week: '2026-W50', date: '2026-12-07' });
    await db.query(moved.sql, moved.params);
    await db.query(`UPDATE "WeeklyPlan" SET week = '2026-W51' WHERE id = $1`, [plan]);
    const { rows } = await db.query(`SELECT week FROM "PlanEntry" WHERE id = $1`, [moved.params[0]]);
    expect(rows).toEqual([{ week: '2026-W51' }]);
  });

  it.each([
    [
      'a week id without its W',
      `INSERT INTO "WeeklyPlan" (id, "leaderId", week, "updatedAt") VALUES ($1, $2, '2026-48', now())`,
      'WeeklyPlan_week_check',
    ],
    ['week 54', `INSERT INTO "WeeklyPlan" (id, "leaderId", week, "updatedAt") VALUES ($1, $2, '2026-W54', now())`, 'WeeklyPlan_week_check'],
    [
      'a submitted plan without its submission time',
      `INSERT INTO "WeeklyPlan" (id, "leaderId", week, status, "updatedAt") VALUES ($1, $2, '2026-W47', 'SUBMITTED', now())`,
      'WeeklyPlan_submitted_check',
    ],
    [
      'a draft with a submission time',
      `INSERT INTO "WeeklyPlan" (id, "leaderId", week, "submittedAt", "updatedAt") VALUES ($1, $2, '2026-W47', now(), now())`,
      'WeeklyPlan_submitted_check',
    ],
    [
      'a negative version',
      `INSERT INTO "WeeklyPlan" (id, "leaderId", week, version, "updatedAt") VALUES ($1, $2, '2026-W47', -1, now())`,
      'WeeklyPlan_version_check',
    ],
  ])('refuses a weekly plan with %s', async (_what, sql, constraint) => {
    expect(await refusal(sql, [uuid(), ids.leader])).toEqual({ code: '23514', constraint });
  });

  it('refuses a plan submitted by no user', async () => {
    expect(
      await refusal(
        `INSERT INTO "WeeklyPlan" (id, "leaderId", week, status, "submittedAt", "submittedById", "updatedAt") VALUES ($1, $2, '2026-W47', 'SUBMITTED', now(), $3, now())`,
        [uuid(), ids.leader, uuid()],
      ),
    ).toEqual({ code: '23503', constraint: 'WeeklyPlan_submittedById_fkey' });
  });

  const REVISION = `INSERT INTO "ScheduleRevision" (id, week, number, "publishedAt", "publishedById", snapshot, diff, acknowledgements)
    VALUES ($1, $2, $3, now(), $4, '{"v":1,"entries":[]}', '{"v":1,"added":[],"removed":[],"changed":[]}', '{"v":1,"conflicts":[]}')`;

  it('refuses a revision published by no user, numbered below 1, or of a malformed week', async () => {
    expect(await refusal(REVISION, [uuid(), W48, 1, uuid()])).toEqual({ code: '23503', constraint: 'ScheduleRevision_publishedById_fkey' });
    expect(await refusal(REVISION, [uuid(), W48, 0, ids.user])).toEqual({ code: '23514', constraint: 'ScheduleRevision_number_check' });
    expect(await refusal(REVISION, [uuid(), '2026-w48', 1, ids.user])).toEqual({
      code: '23514',
      constraint: 'ScheduleRevision_week_check',
    });
  });

  it('refuses deleting a user who published: the author of a revision stays known', async () => {
    const user = uuid();
    await db.query(
      `INSERT INTO "User" (id, username, "displayName", "passwordHash", "officeId", roles, "updatedAt") VALUES ($1, 'coord2', '综合科', '', $2, '{COORDINATOR}', now())`,
      [user, ids.office],
    );
    await db.query(REVISION, [uuid(), W48, 1, user]);
    const refused = await refusal(`DELETE FROM "User" WHERE id = $1`, [user]);
    expect(refused.constraint).toBe('ScheduleRevision_publishedById_fkey');
    // restrict_violation from PostgreSQL 17 on (PGlite), foreign_key_violation before (the server here).
    expect(['23001', '23503']).toContain(refused.code);
  });

  it('refuses a deadline set by no user, and a reminder of a malformed week or offset', async () => {
    expect(
      await refusal(`INSERT INTO "PlanWeek" (week, "deadlineAt", "setById", "updatedAt") VALUES ($1, now(), $2, now())`, [W48, uuid()]),
    ).toEqual({
      code: '23503',
      constraint: 'PlanWeek_setById_fkey',
    });
    expect(
      await refusal(`INSERT INTO "PlanWeek" (week, "deadlineAt", "setById", "updatedAt") VALUES ('W48', now(), $1, now())`, [ids.user]),
    ).toEqual({ code: '23514', constraint: 'PlanWeek_week_check' });
    expect(
      await refusal(`INSERT INTO "PlanReminder" (week, "offsetHours", "deadlineAt", "sentAt") VALUES ('2026-48', 24, now(), now())`),
    ).toEqual({
      code: '23514',
      constraint: 'PlanReminder_week_check',
    });
    expect(
      await refusal(`INSERT INTO "PlanReminder" (week, "offsetHours", "deadlineAt", "sentAt") VALUES ($1, 0, now(), now())`, [W48]),
    ).toEqual({
      code: '23514',
      constraint: 'PlanReminder_offsetHours_check',
    });
  });

  it('refuses a notice sent by no user, sent without a time, or to no office', async () => {
    const notice = (status: string, sentAt: string | null, offices: string[], sender = ids.user) =>
      refusal(
        `INSERT INTO "Notice" (id, title, body, "officeCodes", "senderId", "senderOfficeId", "sendAt", status, "sentAt") VALUES ($1, '通知', '正文', $2::text[], $3, $4, now(), $5::"NoticeStatus", $6::timestamptz)`,
        [uuid(), offices, sender, ids.office, status, sentAt],
      );
    expect(await notice('SCHEDULED', null, ['PARTY'], uuid())).toEqual({ code: '23503', constraint: 'Notice_senderId_fkey' });
    expect(await notice('SENT', null, ['PARTY'])).toEqual({ code: '23514', constraint: 'Notice_sent_check' });
    expect(await notice('CANCELLED', '2026-11-23T01:00:00Z', ['PARTY'])).toEqual({ code: '23514', constraint: 'Notice_sent_check' });
    expect(await notice('SCHEDULED', null, [])).toEqual({ code: '23514', constraint: 'Notice_officeCodes_check' });
  });

  it('refuses a calendar feed of no owner, leader or office, or with a scope its columns contradict', async () => {
    const feed = (scope: string, leaderId: string | null, officeCode: string | null, owner = ids.user) =>
      refusal(
        `INSERT INTO "CalendarFeed" (id, "tokenHash", scope, "leaderId", "officeCode", "ownerId") VALUES ($1, $2, $3::"CalendarFeedScope", $4::uuid, $5, $6)`,
        [uuid(), uuid(), scope, leaderId, officeCode, owner],
      );
    expect(await feed('LEADER', ids.leader, null, uuid())).toEqual({ code: '23503', constraint: 'CalendarFeed_ownerId_fkey' });
    expect(await feed('LEADER', uuid(), null)).toEqual({ code: '23503', constraint: 'CalendarFeed_leaderId_fkey' });
    expect(await feed('OFFICE', null, 'NOWHERE')).toEqual({ code: '23503', constraint: 'CalendarFeed_officeCode_fkey' });
    expect(await feed('LEADER', null, 'PARTY')).toEqual({ code: '23514', constraint: 'CalendarFeed_scope_check' });
    expect(await feed('OFFICE', ids.leader, 'PARTY')).toEqual({ code: '23514', constraint: 'CalendarFeed_scope_check' });
  });

  it('refuses a leader ranked below 1', async () => {
    expect(
      await refusal(
        `INSERT INTO "Leader" (id, name, title, body, "officeId", rank, "updatedAt") VALUES ($1, '领导', '职务', 'CPPCC', $2, 0, now())`,
        [uuid(), ids.office],
      ),
    ).toEqual({ code: '23514', constraint: 'Leader_rank_check' });
  });
});
