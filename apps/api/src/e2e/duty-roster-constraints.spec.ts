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

// The constraints of the add_duty_roster migration, proven with raw SQL as
// database-constraints.spec.ts does for the weekly plans: a row that bypasses the duty-roster
// services is refused by the database itself.

const uuid = () => crypto.randomUUID();

describe.each(databaseKinds())('duty roster constraints on %s', (kind: DatabaseKind) => {
  let database: TestDatabase;
  let db: RawDb;
  // An office, a leader, a user; a 24-hour template; a leader post and an officer post; the
  // leader and the user as duty people; November 2026 as a period.
  const ids = {
    office: uuid(),
    leader: uuid(),
    user: uuid(),
    template: uuid(),
    leaderPost: uuid(),
    officerPost: uuid(),
    leaderPerson: uuid(),
    staffPerson: uuid(),
    otherStaff: uuid(),
    otherUser: uuid(),
  };

  const refusal = (sql: string, params: unknown[] = []) => refusalIn(db, sql, params);

  /** A shift seat: the officer post's seat 1 on 2026-11-02 held by the staff person, with `changes`. */
  function assignment(changes: Record<string, unknown> = {}): [string, unknown[]] {
    const row = {
      id: uuid(),
      month: '2026-11',
      date: '2026-11-02',
      templateId: ids.template,
      postId: ids.officerPost,
      kind: 'STAFF',
      seat: 1,
      personId: ids.staffPerson as string | null,
      ...changes,
    };
    return [
      `INSERT INTO "DutyAssignment" (id, month, date, "templateId", "postId", kind, seat, "personId", "updatedAt")
       VALUES ($1::uuid, $2, $3, $4::uuid, $5::uuid, $6::"DutyPersonKind", $7, $8::uuid, now())`,
      [row.id, row.month, row.date, row.templateId, row.postId, row.kind, row.seat, row.personId],
    ];
  }
  const insertAssignment = (changes: Record<string, unknown> = {}) => db.query(...assignment(changes));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = await openRawDatabase(database);
    await db.query(`INSERT INTO "Office" (id, code, name, "shortName", "rotationOrder") VALUES ($1, 'PARTY', '区委办', '区委办', 1)`, [
      ids.office,
    ]);
    await db.query(
      `INSERT INTO "Leader" (id, name, title, body, "officeId", rank, "updatedAt") VALUES ($1, '领导', '区委书记', 'STANDING_COMMITTEE', $2, 1, now())`,
      [ids.leader, ids.office],
    );
    for (const [id, username] of [
      [ids.user, 'duty'],
      [ids.otherUser, 'duty2'],
    ]) {
      await db.query(
        `INSERT INTO "User" (id, username, "displayName", "passwordHash", "officeId", roles, "updatedAt") VALUES ($1, $2, '值班员', '', $3, '{DUTY_COORDINATOR}', now())`,
        [id, username, ids.office],
      );
    }
    await db.query(
      `INSERT INTO "DutyShiftTemplate" (id, code, name, "startTime", "durationMinutes") VALUES ($1, 'DAY24', '全天班', '08:30', 1440)`,
      [ids.template],
    );
    await db.query(
      `INSERT INTO "DutyPost" (id, code, name, kind, "templateId") VALUES ($1, 'LEADER', '带班领导', 'LEADER', $2), ($3, 'OFFICER', '值班员', 'STAFF', $2)`,
      [ids.leaderPost, ids.template, ids.officerPost],
    );
    await db.query(`INSERT INTO "DutyPerson" (id, kind, "leaderId") VALUES ($1, 'LEADER', $2)`, [ids.leaderPerson, ids.leader]);
    await db.query(`INSERT INTO "DutyPerson" (id, kind, "userId") VALUES ($1, 'STAFF', $2), ($3, 'STAFF', $4)`, [
      ids.staffPerson,
      ids.user,
      ids.otherStaff,
      ids.otherUser,
    ]);
    await db.query(`INSERT INTO "DutyRosterPeriod" (month, "updatedAt") VALUES ('2026-11', now())`);
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('accepts a valid roster: pools, a held seat, an empty seat (a gap), its history', async () => {
    await db.query(
      `INSERT INTO "DutyPoolMember" ("postId", "personId", kind, position) VALUES ($1, $2, 'STAFF', 0), ($1, $3, 'STAFF', 1)`,
      [ids.officerPost, ids.staffPerson, ids.otherStaff],
    );
    await insertAssignment();
    const gap = uuid();
    await insertAssignment({ id: gap, date: '2026-11-03', personId: null });
    await db.query(`INSERT INTO "DutyShiftChange" (id, "assignmentId", kind, warnings) VALUES ($1, $2, 'GENERATED', '{}')`, [uuid(), gap]);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "DutyAssignment" WHERE month = '2026-11'`);
    expect(rows[0].n).toBe(2);
  });

  it.each([
    ['a leader on a staff post', { personId: 'leaderPerson', date: '2026-11-04' }, '23503', 'DutyAssignment_personId_kind_fkey'],
    [
      'a staff person on the leader post',
      { postId: 'leaderPost', kind: 'LEADER', date: '2026-11-05' },
      '23503',
      'DutyAssignment_personId_kind_fkey',
    ],
    [
      'a post kind other than the post’s',
      { kind: 'LEADER', personId: null, date: '2026-11-06' },
      '23503',
      'DutyAssignment_postId_kind_fkey',
    ],
    ['a date outside its month', { date: '2026-12-01' }, '23514', 'DutyAssignment_date_check'],
    ['a date not written YYYY-MM-DD', { date: '2026-11-2' }, '23514', 'DutyAssignment_date_check'],
    ['a month with no period', { month: '2026-12', date: '2026-12-01' }, '23503', 'DutyAssignment_month_fkey'],
    ['seat 0', { seat: 0, date: '2026-11-07' }, '23514', 'DutyAssignment_seat_check'],
    ['a seat taken twice', {}, '23505', 'DutyAssignment_date_templateId_postId_seat_key'],
  ])('refuses a shift seat with %s', async (_what, changes, code, constraint) => {
    const named: Record<string, unknown> = { ...changes };
    for (const field of ['personId', 'postId'] as const) {
      const value = named[field];
      if (typeof value === 'string') named[field] = ids[value as keyof typeof ids];
    }
    expect(await refusal(...assignment(named))).toEqual({ code, constraint });
  });

  it.each([
    [
      'a LEADER person naming a user',
      `INSERT INTO "DutyPerson" (id, kind, "userId") VALUES ($1, 'LEADER', :user)`,
      '23514',
      'DutyPerson_kind_check',
    ],
    [
      'a STAFF person naming a leader too',
      `INSERT INTO "DutyPerson" (id, kind, "userId", "leaderId") VALUES ($1, 'STAFF', :user, :leader)`,
      '23514',
      'DutyPerson_kind_check',
    ],
    [
      'a template starting at 24:00',
      `INSERT INTO "DutyShiftTemplate" (id, code, name, "startTime", "durationMinutes") VALUES ($1, 'X', 'x', '24:00', 60)`,
      '23514',
      'DutyShiftTemplate_startTime_check',
    ],
    [
      'a template longer than a day',
      `INSERT INTO "DutyShiftTemplate" (id, code, name, "startTime", "durationMinutes") VALUES ($1, 'Y', 'y', '08:30', 1441)`,
      '23514',
      'DutyShiftTemplate_durationMinutes_check',
    ],
    [
      'a period month 13',
      `INSERT INTO "DutyRosterPeriod" (month, "updatedAt") SELECT '2026-13', now() WHERE $1::uuid IS NOT NULL`,
      '23514',
      'DutyRosterPeriod_month_check',
    ],
    [
      'a published period without its time',
      `INSERT INTO "DutyRosterPeriod" (month, status, "updatedAt") SELECT '2027-01', 'PUBLISHED', now() WHERE $1::uuid IS NOT NULL`,
      '23514',
      'DutyRosterPeriod_published_check',
    ],
    [
      'a calendar whose content is another year',
      `INSERT INTO "HolidayCalendar" (year, source, content, "loadedAt") SELECT 2026, '通知', '{"year": 2027}', now() WHERE $1::uuid IS NOT NULL`,
      '23514',
      'HolidayCalendar_year_check',
    ],
    [
      'unavailability ending before it starts',
      `INSERT INTO "DutyUnavailability" (id, "personId", "fromDate", "toDate", reason, "createdById") VALUES ($1, :staff, '2026-11-05', '2026-11-04', '年休假', :user)`,
      '23514',
      'DutyUnavailability_dates_check',
    ],
  ])('refuses %s', async (_what, sql, code, constraint) => {
    const resolved = sql.replace(':user', `'${ids.user}'`).replace(':leader', `'${ids.leader}'`).replace(':staff', `'${ids.staffPerson}'`);
    expect(await refusal(resolved, [uuid()])).toEqual({ code, constraint });
  });

  it('refuses an override without a reason, and an UNDO that names nothing', async () => {
    const seat = uuid();
    await insertAssignment({ id: seat, date: '2026-11-10' });
    expect(
      await refusal(`INSERT INTO "DutyShiftChange" (id, "assignmentId", kind, warnings) VALUES ($1, $2, 'OVERRIDE', '{}')`, [uuid(), seat]),
    ).toEqual({
      code: '23514',
      constraint: 'DutyShiftChange_reason_check',
    });
    const other = uuid();
    await insertAssignment({ id: other, date: '2026-11-12' });
    expect(
      await refusal(
        `INSERT INTO "DutyShiftChange" (id, "assignmentId", kind, "relatedAssignmentId", warnings) VALUES ($1, $2, 'UNDO', $3, '{}')`,
        [uuid(), seat, other],
      ),
    ).toEqual({ code: '23514', constraint: 'DutyShiftChange_undo_check' });
  });

  it('keeps one open swap request per shift, and one missed check-in alert per shift', async () => {
    const mine = uuid();
    const theirs = uuid();
    const third = uuid();
    await insertAssignment({ id: mine, date: '2026-11-15' });
    await insertAssignment({ id: theirs, date: '2026-11-17', personId: ids.otherStaff });
    await insertAssignment({ id: third, date: '2026-11-19', personId: ids.otherStaff });
    const request = `INSERT INTO "DutySwapRequest" (id, "fromAssignmentId", "toAssignmentId", "requesterPersonId", "counterPersonId", "requestedById", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`;
    await db.query(request, [uuid(), mine, theirs, ids.staffPerson, ids.otherStaff, ids.user]);
    expect(await refusal(request, [uuid(), mine, third, ids.staffPerson, ids.otherStaff, ids.user])).toEqual({
      code: '23505',
      constraint: 'DutySwapRequest_open_from_key',
    });
    await db.query(`UPDATE "DutySwapRequest" SET status = 'CANCELLED' WHERE "fromAssignmentId" = $1`, [mine]);
    await db.query(request, [uuid(), mine, third, ids.staffPerson, ids.otherStaff, ids.user]);

    await db.query(`INSERT INTO "DutyAlert" (id, kind, "assignmentId") VALUES ($1, 'MISSED_CHECK_IN', $2)`, [uuid(), mine]);
    expect(await refusal(`INSERT INTO "DutyAlert" (id, kind, "assignmentId") VALUES ($1, 'MISSED_CHECK_IN', $2)`, [uuid(), mine])).toEqual({
      code: '23505',
      constraint: 'DutyAlert_missed_check_in_key',
    });
    expect(await refusal(`INSERT INTO "DutyAlert" (id, kind, "assignmentId") VALUES ($1, 'GAP', $2)`, [uuid(), mine])).toEqual({
      code: '23514',
      constraint: 'DutyAlert_change_check',
    });
  });

  it('refuses deleting a shift that has a history, and a person on a roster', async () => {
    const seat = uuid();
    await insertAssignment({ id: seat, date: '2026-11-21' });
    await db.query(
      `INSERT INTO "DutyShiftChange" (id, "assignmentId", kind, "toPersonId", warnings) VALUES ($1, $2, 'GENERATED', $3, '{}')`,
      [uuid(), seat, ids.staffPerson],
    );
    // A RESTRICT key answers 23001 on newer PostgreSQL (PGlite) and 23503 on 15.
    const deleteShift = await refusal(`DELETE FROM "DutyAssignment" WHERE id = $1`, [seat]);
    expect([deleteShift.constraint, ['23001', '23503'].includes(deleteShift.code)]).toEqual(['DutyShiftChange_assignmentId_fkey', true]);
    expect(['23001', '23503']).toContain((await refusal(`DELETE FROM "DutyPerson" WHERE id = $1`, [ids.staffPerson])).code);
  });
});
