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

// The constraints of the add_incidents migration, proven with raw SQL past every service: the
// timeline is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), one creator's
// idempotency key logs one incident, and the CHECKs and keys hold.

const uuid = () => crypto.randomUUID();

describe.each(databaseKinds())('incident constraints on %s', (kind: DatabaseKind) => {
  let database: TestDatabase;
  let db: RawDb;
  const ids = { office: uuid(), user: uuid(), otherUser: uuid(), thirdUser: uuid(), incident: uuid(), entry: uuid(), chain: '' };

  const refusal = (sql: string, params: unknown[] = []) => refusalIn(db, sql, params);

  /** An incident row with `changes`, as a statement and its parameters. */
  function incident(changes: Record<string, unknown> = {}): [string, unknown[]] {
    const row = {
      id: uuid(),
      category: 'ACCIDENT',
      status: 'OPEN',
      place: '城关镇人民路口',
      occurredAt: null as string | null,
      learnedAt: '2026-11-25T02:00:00Z',
      description: '两车相撞',
      createdById: ids.user,
      idempotencyKey: uuid(),
      closedAt: null as string | null,
      reporterPhone: null as string | null,
      ...changes,
    };
    return [
      `INSERT INTO "Incident" (id, category, status, place, "occurredAt", "learnedAt", description, "createdById", "idempotencyKey", "submittedFingerprint", "closedAt", "reporterPhone", "updatedAt")
       VALUES ($1::uuid, $2::"IncidentCategory", $3::"IncidentStatus", $4, $5::timestamptz, $6::timestamptz, $7, $8::uuid, $9, '[]', $10::timestamptz, $11, now())`,
      [
        row.id,
        row.category,
        row.status,
        row.place,
        row.occurredAt,
        row.learnedAt,
        row.description,
        row.createdById,
        row.idempotencyKey,
        row.closedAt,
        row.reporterPhone,
      ],
    ];
  }

  /** A delivery of the incident to the user with `changes`. */
  function delivery(changes: Record<string, unknown> = {}): [string, unknown[]] {
    const row = {
      id: uuid(),
      recipientId: ids.user,
      status: 'SENT',
      sentAt: '2026-11-25T02:01:00Z',
      seenAt: null as string | null,
      acknowledgedAt: null as string | null,
      ackDueAt: '2026-11-25T02:11:00Z',
      escalationStep: 0,
      escalatedFromId: null as string | null,
      officeCode: null as string | null,
      ...changes,
    };
    return [
      `INSERT INTO "IncidentDelivery" (id, "incidentId", "recipientId", role, "officeCode", status, "sentAt", "seenAt", "acknowledgedAt", "ackDueAt", "escalationStep", "escalatedFromId")
       VALUES ($1::uuid, $2::uuid, $3::uuid, 'ON_DUTY_OFFICER', $4, $5::"IncidentDeliveryStatus", $6::timestamptz, $7::timestamptz, $8::timestamptz, $9::timestamptz, $10, $11::uuid)`,
      [
        row.id,
        ids.incident,
        row.recipientId,
        row.officeCode,
        row.status,
        row.sentAt,
        row.seenAt,
        row.acknowledgedAt,
        row.ackDueAt,
        row.escalationStep,
        row.escalatedFromId,
      ],
    ];
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = await openRawDatabase(database);
    await db.query(`INSERT INTO "Office" (id, code, name, "shortName", "rotationOrder") VALUES ($1, 'GOV', '区政府办', '政府办', 1)`, [
      ids.office,
    ]);
    for (const [id, username] of [
      [ids.user, 'officer'],
      [ids.otherUser, 'officer2'],
      [ids.thirdUser, 'officer3'],
    ]) {
      await db.query(
        `INSERT INTO "User" (id, username, "displayName", "passwordHash", "officeId", roles, "updatedAt") VALUES ($1, $2, '值班员', '', $3, '{DUTY_OFFICER}', now())`,
        [id, username, ids.office],
      );
    }
    await db.query(...incident({ id: ids.incident, idempotencyKey: 'first-key' }));
    await db.query(
      `INSERT INTO "IncidentTimelineEntry" (id, "incidentId", kind, "actorId", payload) VALUES ($1, $2, 'LOGGED', $3, '{"place": "城关镇人民路口"}')`,
      [ids.entry, ids.incident, ids.user],
    );
    const { rows } = await db.query(`SELECT id FROM "IncidentEscalationChain" WHERE code = 'DEFAULT'`);
    ids.chain = rows[0].id as string;
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('ships the default deadlines, the default chain and a rule for every category and severity', async () => {
    const deadlines = await db.query(
      `SELECT severity::text, "phoneMinutes", "writtenMinutes", "followUpMinutes" FROM "IncidentReportDeadline" ORDER BY severity`,
    );
    expect(deadlines.rows).toEqual([
      { severity: 'I', phoneMinutes: 15, writtenMinutes: 30, followUpMinutes: 240 },
      { severity: 'II', phoneMinutes: 15, writtenMinutes: 30, followUpMinutes: 240 },
      { severity: 'III', phoneMinutes: 30, writtenMinutes: 60, followUpMinutes: 240 },
      { severity: 'IV', phoneMinutes: null, writtenMinutes: 360, followUpMinutes: null },
    ]);
    const chain = await db.query(`SELECT array_to_string(steps, ',') AS steps FROM "IncidentEscalationChain" WHERE code = 'DEFAULT'`);
    expect(chain.rows[0].steps).toBe('ON_DUTY_OFFICER,OFFICE_DIRECTOR,ON_DUTY_LEADER,PRINCIPAL_LEADER');
    const rules = await db.query(
      `SELECT severity::text, count(*)::int AS n, min("ackTimeoutMinutes") AS timeout FROM "IncidentRoutingRule" GROUP BY severity ORDER BY severity`,
    );
    expect(rules.rows).toEqual([
      { severity: 'I', n: 6, timeout: 10 },
      { severity: 'II', n: 6, timeout: 10 },
      { severity: 'III', n: 6, timeout: 10 },
      { severity: 'IV', n: 6, timeout: 30 },
      { severity: 'UNKNOWN', n: 6, timeout: 10 },
    ]);
  });

  describe('the timeline is append-only', () => {
    it.each([
      ['UPDATE', `UPDATE "IncidentTimelineEntry" SET payload = '{"place": "别处"}' WHERE id = $1`],
      ['DELETE', `DELETE FROM "IncidentTimelineEntry" WHERE id = $1`],
    ])('refuses %s of a timeline row, with a clear message', async (operation, sql) => {
      expect(await refusal(sql, [ids.entry])).toEqual({ code: '23001', constraint: 'IncidentTimelineEntry_append_only' });
      await expect(db.query(sql, [ids.entry])).rejects.toThrow(
        `IncidentTimelineEntry is append-only: ${operation} refused; add a CORRECTION entry instead`,
      );
      const { rows } = await db.query(`SELECT payload->>'place' AS place FROM "IncidentTimelineEntry" WHERE id = $1`, [ids.entry]);
      expect(rows).toEqual([{ place: '城关镇人民路口' }]);
    });

    it('refuses TRUNCATE, and the deletion of an incident that has a history', async () => {
      expect(await refusal(`TRUNCATE "IncidentTimelineEntry" CASCADE`)).toEqual({
        code: '23001',
        constraint: 'IncidentTimelineEntry_append_only',
      });
      // The incident's key from the timeline is RESTRICT: PostgreSQL 17 (PGlite) reports it as
      // restrict_violation, older servers as foreign_key_violation, both under the key's name.
      const deletion = await refusal(`DELETE FROM "Incident" WHERE id = $1`, [ids.incident]);
      expect(deletion.constraint).toBe('IncidentTimelineEntry_incidentId_fkey');
      expect(['23001', '23503']).toContain(deletion.code);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM "IncidentTimelineEntry" WHERE "incidentId" = $1`, [ids.incident]);
      expect(rows[0].n).toBe(1);
    });

    it('takes corrections as new entries', async () => {
      await db.query(
        `INSERT INTO "IncidentTimelineEntry" (id, "incidentId", kind, "actorId", payload) VALUES ($1, $2, 'CORRECTION', $3, '{"corrects": "place"}')`,
        [uuid(), ids.incident, ids.user],
      );
      const { rows } = await db.query(`SELECT kind::text FROM "IncidentTimelineEntry" WHERE "incidentId" = $1 ORDER BY "createdAt", kind`, [
        ids.incident,
      ]);
      expect(rows.map((r) => r.kind).sort()).toEqual(['CORRECTION', 'LOGGED']);
    });

    it.each([
      ['a payload that is not an object', `'[1, 2]'`, 1, 'IncidentTimelineEntry_payload_check'],
      ['schema version 0', `'{}'`, 0, 'IncidentTimelineEntry_schemaVersion_check'],
    ])('refuses an entry with %s', async (_what, payload, version, constraint) => {
      expect(
        await refusal(
          `INSERT INTO "IncidentTimelineEntry" (id, "incidentId", kind, payload, "schemaVersion") VALUES ($1, $2, 'UPDATED', ${payload}, $3)`,
          [uuid(), ids.incident, version],
        ),
      ).toEqual({ code: '23514', constraint });
    });
  });

  describe('idempotency', () => {
    it('refuses a second incident under the same key from the same creator', async () => {
      expect(await refusal(...incident({ idempotencyKey: 'first-key' }))).toEqual({
        code: '23505',
        constraint: 'Incident_createdById_idempotencyKey_key',
      });
    });

    it('lets another creator use the same key', async () => {
      await db.query(...incident({ idempotencyKey: 'first-key', createdById: ids.otherUser }));
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Incident" WHERE "idempotencyKey" = 'first-key'`);
      expect(rows[0].n).toBe(2);
    });

    it('keeps one incident of five concurrent inserts of one key', async () => {
      const key = `race-${uuid()}`;
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => db.query(...incident({ idempotencyKey: key }))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Incident" WHERE "idempotencyKey" = $1`, [key]);
      expect(rows[0].n).toBe(1);
    });
  });

  it.each([
    ['a blank place', { place: '  ' }, '23514', 'Incident_place_check'],
    ['an empty description', { description: '' }, '23514', 'Incident_description_check'],
    ['an empty idempotency key', { idempotencyKey: '' }, '23514', 'Incident_idempotencyKey_check'],
    ['an idempotency key of 201 characters', { idempotencyKey: 'k'.repeat(201) }, '23514', 'Incident_idempotencyKey_check'],
    ['a time of occurrence after the time learned', { occurredAt: '2026-11-25T02:30:00Z' }, '23514', 'Incident_occurredAt_check'],
    ['CLOSED without closedAt', { status: 'CLOSED' }, '23514', 'Incident_closed_check'],
    ['closedAt while OPEN', { closedAt: '2026-11-25T05:00:00Z' }, '23514', 'Incident_closed_check'],
    ['a reporter phone that is not a number', { reporterPhone: 'call me' }, '23514', 'Incident_reporterPhone_check'],
    ['an unknown creator', { createdById: uuid() }, '23503', 'Incident_createdById_fkey'],
  ])('refuses an incident with %s', async (_what, changes, code, constraint) => {
    expect(await refusal(...incident(changes))).toEqual({ code, constraint });
  });

  describe('deliveries', () => {
    it('accepts SENT -> SEEN -> ACKNOWLEDGED, then an escalated delivery one step up', async () => {
      const id = uuid();
      await db.query(...delivery({ id, officeCode: 'GOV' }));
      await db.query(`UPDATE "IncidentDelivery" SET status = 'SEEN', "seenAt" = '2026-11-25T02:02:00Z' WHERE id = $1`, [id]);
      await db.query(`UPDATE "IncidentDelivery" SET status = 'ACKNOWLEDGED', "acknowledgedAt" = '2026-11-25T02:03:00Z' WHERE id = $1`, [
        id,
      ]);
      await db.query(...delivery({ recipientId: ids.otherUser, escalationStep: 2, escalatedFromId: id }));
      expect(await refusal(...delivery({ id: uuid() }))).toEqual({
        code: '23505',
        constraint: 'IncidentDelivery_incidentId_recipientId_key',
      });
    });

    it.each([
      ['ACKNOWLEDGED with no timestamps', { status: 'ACKNOWLEDGED' }, 'IncidentDelivery_status_check'],
      [
        'SEEN with an acknowledgement time',
        { status: 'SEEN', seenAt: '2026-11-25T02:02:00Z', acknowledgedAt: '2026-11-25T02:03:00Z' },
        'IncidentDelivery_status_check',
      ],
      ['seen before it was sent', { status: 'SEEN', seenAt: '2026-11-25T02:00:00Z' }, 'IncidentDelivery_times_check'],
      [
        'acknowledged before it was seen',
        { status: 'ACKNOWLEDGED', seenAt: '2026-11-25T02:05:00Z', acknowledgedAt: '2026-11-25T02:04:00Z' },
        'IncidentDelivery_times_check',
      ],
      ['an acknowledgement due at sending', { ackDueAt: '2026-11-25T02:01:00Z' }, 'IncidentDelivery_times_check'],
      ['an escalation step without the delivery it escalates', { escalationStep: 1 }, 'IncidentDelivery_escalation_check'],
    ])('refuses a delivery %s', async (_what, changes, constraint) => {
      expect(await refusal(...delivery({ recipientId: ids.otherUser, ...changes }))).toEqual({ code: '23514', constraint });
    });

    it('refuses a delivery to an unknown office', async () => {
      expect(await refusal(...delivery({ recipientId: ids.thirdUser, officeCode: 'NOWHERE' }))).toEqual({
        code: '23503',
        constraint: 'IncidentDelivery_officeCode_fkey',
      });
    });
  });

  it.each([
    [
      'a chain with no steps',
      `INSERT INTO "IncidentEscalationChain" (id, code, name, steps) VALUES ($1, 'EMPTY', '空', '{}')`,
      'IncidentEscalationChain_steps_check',
    ],
    [
      'a rule acknowledged within 0 minutes',
      `INSERT INTO "IncidentRoutingRule" (id, category, severity, roles, "officeCodes", "chainId", "ackTimeoutMinutes", "updatedAt")
       SELECT $1, 'OTHER', 'I', '{ON_DUTY_OFFICER}', '{}', id, 0, now() FROM "IncidentEscalationChain" WHERE code = 'DEFAULT'`,
      'IncidentRoutingRule_ackTimeoutMinutes_check',
    ],
    [
      'a rule that sends to nobody',
      `INSERT INTO "IncidentRoutingRule" (id, category, severity, roles, "officeCodes", "chainId", "ackTimeoutMinutes", "updatedAt")
       SELECT $1, 'OTHER', 'I', '{}', '{}', id, 10, now() FROM "IncidentEscalationChain" WHERE code = 'DEFAULT'`,
      'IncidentRoutingRule_recipients_check',
    ],
  ])('refuses %s', async (_what, sql, constraint) => {
    expect(await refusal(sql, [uuid()])).toEqual({ code: '23514', constraint });
  });

  it.each([
    [
      'a deadline for an ungraded severity',
      `INSERT INTO "IncidentReportDeadline" (severity, "writtenMinutes", "updatedAt") VALUES ('UNKNOWN', 30, now())`,
      'IncidentReportDeadline_severity_check',
    ],
    [
      'a phone report due after the written one',
      `UPDATE "IncidentReportDeadline" SET "phoneMinutes" = 90 WHERE severity = 'III'`,
      'IncidentReportDeadline_minutes_check',
    ],
    [
      'a written limit of 0 minutes',
      `UPDATE "IncidentReportDeadline" SET "writtenMinutes" = 0 WHERE severity = 'IV'`,
      'IncidentReportDeadline_minutes_check',
    ],
  ])('refuses %s', async (_what, sql, constraint) => {
    expect(await refusal(sql)).toEqual({ code: '23514', constraint });
  });

  describe('clocks and reports', () => {
    const clock = (changes: Record<string, unknown> = {}): [string, unknown[]] => {
      const row = {
        kind: 'PHONE',
        state: 'PENDING',
        dueAt: '2026-11-25T02:15:00Z',
        reportId: null as string | null,
        settledAt: null as string | null,
        ...changes,
      };
      return [
        `INSERT INTO "IncidentReportClock" (id, "incidentId", kind, severity, "startsAt", "dueAt", state, "reportId", "settledAt")
         VALUES ($1, $2, $3::"IncidentReportKind", 'I', '2026-11-25T02:00:00Z', $4::timestamptz, $5::"IncidentClockState", $6::uuid, $7::timestamptz)`,
        [uuid(), ids.incident, row.kind, row.dueAt, row.state, row.reportId, row.settledAt],
      ];
    };
    const report = (changes: Record<string, unknown> = {}): [string, unknown[]] => {
      const row = { id: uuid(), kind: 'PHONE', reportedBy: '值班员陈', reportedTo: '市应急局值班室', content: '', ...changes };
      return [
        `INSERT INTO "IncidentReport" (id, "incidentId", kind, "reportedAt", "reportedBy", "reportedTo", content, "loggedById")
         VALUES ($1, $2, $3::"IncidentReportKind", '2026-11-25T02:10:00Z', $4, $5, $6, $7)`,
        [row.id, ids.incident, row.kind, row.reportedBy, row.reportedTo, row.content, ids.user],
      ];
    };

    it('accepts a pending clock met by a phone report, and one pending clock per kind', async () => {
      const reportId = uuid();
      await db.query(...report({ id: reportId }));
      await db.query(...clock({ state: 'MET', reportId, settledAt: '2026-11-25T02:10:00Z' }));
      await db.query(...clock());
      expect(await refusal(...clock())).toEqual({ code: '23505', constraint: 'IncidentReportClock_pending_key' });
    });

    it.each([
      ['MET without a report', { state: 'MET', settledAt: '2026-11-25T02:10:00Z' }, 'IncidentReportClock_state_check'],
      ['MISSED without a settling time', { state: 'MISSED', kind: 'WRITTEN' }, 'IncidentReportClock_state_check'],
      ['PENDING with a settling time', { kind: 'WRITTEN', settledAt: '2026-11-25T02:10:00Z' }, 'IncidentReportClock_state_check'],
      ['due before it starts', { kind: 'WRITTEN', dueAt: '2026-11-25T01:59:00Z' }, 'IncidentReportClock_due_check'],
    ])('refuses a clock %s', async (_what, changes, constraint) => {
      expect(await refusal(...clock(changes))).toEqual({ code: '23514', constraint });
    });

    it.each([
      ['a written report with no content', { kind: 'WRITTEN' }, 'IncidentReport_content_check'],
      ['a report to nobody', { reportedTo: ' ' }, 'IncidentReport_people_check'],
    ])('refuses %s', async (_what, changes, constraint) => {
      expect(await refusal(...report(changes))).toEqual({ code: '23514', constraint });
    });
  });
});
