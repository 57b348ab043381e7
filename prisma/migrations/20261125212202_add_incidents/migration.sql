-- CreateEnum
CREATE TYPE "IncidentCategory" AS ENUM ('NATURAL_DISASTER', 'ACCIDENT', 'PUBLIC_HEALTH', 'SOCIAL_SECURITY', 'MASS_PETITION', 'OTHER');

-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('I', 'II', 'III', 'IV', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "IncidentChannel" AS ENUM ('PHONE', 'IN_PERSON', 'SYSTEM', 'FAX', 'RADIO', 'OTHER');

-- CreateEnum
CREATE TYPE "IncidentTimelineKind" AS ENUM ('LOGGED', 'UPDATED', 'SEVERITY_CHANGED', 'DELIVERED', 'SEEN', 'ACKNOWLEDGED', 'ESCALATED', 'REPORT_FILED', 'CLOCK_WARNING', 'CLOCK_MISSED', 'CLOSED', 'CORRECTION');

-- CreateEnum
CREATE TYPE "IncidentRecipientRole" AS ENUM ('PRINCIPAL_LEADER', 'SECTOR_LEADER', 'ON_DUTY_LEADER', 'ON_DUTY_OFFICER', 'OFFICE_DIRECTOR');

-- CreateEnum
CREATE TYPE "IncidentDeliveryStatus" AS ENUM ('SENT', 'SEEN', 'ACKNOWLEDGED');

-- CreateEnum
CREATE TYPE "IncidentReportKind" AS ENUM ('PHONE', 'WRITTEN', 'FOLLOW_UP', 'FINAL');

-- CreateEnum
CREATE TYPE "IncidentClockState" AS ENUM ('PENDING', 'MET', 'MISSED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL,
    "category" "IncidentCategory" NOT NULL,
    "severity" "IncidentSeverity" NOT NULL DEFAULT 'UNKNOWN',
    "status" "IncidentStatus" NOT NULL DEFAULT 'OPEN',
    "place" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3),
    "learnedAt" TIMESTAMPTZ(3) NOT NULL,
    "reporterName" TEXT NOT NULL DEFAULT '',
    "reporterPhone" TEXT,
    "reportedVia" "IncidentChannel",
    "description" TEXT NOT NULL,
    "casualties" TEXT NOT NULL DEFAULT '',
    "losses" TEXT NOT NULL DEFAULT '',
    "measures" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "submittedFingerprint" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentTimelineEntry" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "kind" "IncidentTimelineKind" NOT NULL,
    "actorId" UUID,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "schemaVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentTimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentEscalationChain" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "steps" "IncidentRecipientRole"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentEscalationChain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentRoutingRule" (
    "id" UUID NOT NULL,
    "category" "IncidentCategory" NOT NULL,
    "severity" "IncidentSeverity" NOT NULL,
    "roles" "IncidentRecipientRole"[],
    "officeCodes" TEXT[],
    "sectorLeaderId" UUID,
    "chainId" UUID NOT NULL,
    "ackTimeoutMinutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IncidentRoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentDelivery" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "role" "IncidentRecipientRole" NOT NULL,
    "officeCode" TEXT,
    "status" "IncidentDeliveryStatus" NOT NULL DEFAULT 'SENT',
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "seenAt" TIMESTAMPTZ(3),
    "acknowledgedAt" TIMESTAMPTZ(3),
    "ackDueAt" TIMESTAMPTZ(3) NOT NULL,
    "escalationStep" INTEGER NOT NULL DEFAULT 0,
    "escalatedFromId" UUID,
    "escalatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IncidentDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentReportDeadline" (
    "severity" "IncidentSeverity" NOT NULL,
    "phoneMinutes" INTEGER,
    "writtenMinutes" INTEGER NOT NULL,
    "followUpMinutes" INTEGER,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IncidentReportDeadline_pkey" PRIMARY KEY ("severity")
);

-- CreateTable
CREATE TABLE "IncidentReportClock" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "kind" "IncidentReportKind" NOT NULL,
    "severity" "IncidentSeverity" NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 1,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "state" "IncidentClockState" NOT NULL DEFAULT 'PENDING',
    "reportId" UUID,
    "settledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentReportClock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentReport" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "kind" "IncidentReportKind" NOT NULL,
    "reportedAt" TIMESTAMPTZ(3) NOT NULL,
    "reportedBy" TEXT NOT NULL,
    "reportedTo" TEXT NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "loggedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_status_severity_learnedAt_idx" ON "Incident"("status", "severity", "learnedAt");

-- CreateIndex
CREATE INDEX "Incident_learnedAt_idx" ON "Incident"("learnedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_createdById_idempotencyKey_key" ON "Incident"("createdById", "idempotencyKey");

-- CreateIndex
CREATE INDEX "IncidentTimelineEntry_incidentId_createdAt_idx" ON "IncidentTimelineEntry"("incidentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentEscalationChain_code_key" ON "IncidentEscalationChain"("code");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentRoutingRule_category_severity_key" ON "IncidentRoutingRule"("category", "severity");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentDelivery_escalatedFromId_key" ON "IncidentDelivery"("escalatedFromId");

-- CreateIndex
CREATE INDEX "IncidentDelivery_recipientId_status_idx" ON "IncidentDelivery"("recipientId", "status");

-- CreateIndex
CREATE INDEX "IncidentDelivery_status_ackDueAt_idx" ON "IncidentDelivery"("status", "ackDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentDelivery_incidentId_recipientId_key" ON "IncidentDelivery"("incidentId", "recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentReportClock_reportId_key" ON "IncidentReportClock"("reportId");

-- CreateIndex
CREATE INDEX "IncidentReportClock_state_dueAt_idx" ON "IncidentReportClock"("state", "dueAt");

-- CreateIndex
CREATE INDEX "IncidentReportClock_incidentId_kind_idx" ON "IncidentReportClock"("incidentId", "kind");

-- CreateIndex
CREATE INDEX "IncidentReport_incidentId_reportedAt_idx" ON "IncidentReport"("incidentId", "reportedAt");

-- AddForeignKey
ALTER TABLE "IncidentTimelineEntry" ADD CONSTRAINT "IncidentTimelineEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentRoutingRule" ADD CONSTRAINT "IncidentRoutingRule_chainId_fkey" FOREIGN KEY ("chainId") REFERENCES "IncidentEscalationChain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentDelivery" ADD CONSTRAINT "IncidentDelivery_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentDelivery" ADD CONSTRAINT "IncidentDelivery_escalatedFromId_fkey" FOREIGN KEY ("escalatedFromId") REFERENCES "IncidentDelivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReportClock" ADD CONSTRAINT "IncidentReportClock_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReportClock" ADD CONSTRAINT "IncidentReportClock_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Written by hand from here on: CHECKs, foreign keys to other libs' tables, and the trigger that
-- keeps the timeline append-only. Migrate splits this script with libs/db's splitSqlScript, so a
-- PL/pgSQL body and a semicolon in a comment are safe (docs/prisma-binary-free.md).

-- AddForeignKey (to tables owned by other libs). RESTRICT: users and leaders are deactivated, not deleted
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IncidentTimelineEntry" ADD CONSTRAINT "IncidentTimelineEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IncidentRoutingRule" ADD CONSTRAINT "IncidentRoutingRule_sectorLeaderId_fkey" FOREIGN KEY ("sectorLeaderId") REFERENCES "Leader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IncidentDelivery" ADD CONSTRAINT "IncidentDelivery_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IncidentDelivery" ADD CONSTRAINT "IncidentDelivery_officeCode_fkey" FOREIGN KEY ("officeCode") REFERENCES "Office"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddCheck: an incident logged with at least what the issue asks at first (category, place, time learned, description)
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_place_check" CHECK (btrim("place") <> '');
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_description_check" CHECK (btrim("description") <> '');
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_idempotencyKey_check" CHECK (char_length("idempotencyKey") BETWEEN 1 AND 200);
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_occurredAt_check" CHECK ("occurredAt" IS NULL OR "occurredAt" <= "learnedAt");
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_closed_check" CHECK (("status" = 'CLOSED') = ("closedAt" IS NOT NULL));
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_version_check" CHECK ("version" >= 0);
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reporterPhone_check" CHECK ("reporterPhone" IS NULL OR "reporterPhone" ~ '^\+?[0-9][0-9 -]{2,30}[0-9]$');

-- AddCheck: timeline payloads are JSON objects with a schema version
ALTER TABLE "IncidentTimelineEntry" ADD CONSTRAINT "IncidentTimelineEntry_payload_check" CHECK (jsonb_typeof("payload") = 'object');
ALTER TABLE "IncidentTimelineEntry" ADD CONSTRAINT "IncidentTimelineEntry_schemaVersion_check" CHECK ("schemaVersion" >= 1);

-- AddCheck: chains and rules
ALTER TABLE "IncidentEscalationChain" ADD CONSTRAINT "IncidentEscalationChain_code_check" CHECK ("code" <> '' AND "name" <> '');
ALTER TABLE "IncidentEscalationChain" ADD CONSTRAINT "IncidentEscalationChain_steps_check" CHECK ("steps" IS NOT NULL AND cardinality("steps") BETWEEN 1 AND 10 AND array_position("steps", NULL) IS NULL);
ALTER TABLE "IncidentRoutingRule" ADD CONSTRAINT "IncidentRoutingRule_ackTimeoutMinutes_check" CHECK ("ackTimeoutMinutes" BETWEEN 1 AND 1440);
ALTER TABLE "IncidentRoutingRule" ADD CONSTRAINT "IncidentRoutingRule_recipients_check" CHECK ("roles" IS NOT NULL AND "officeCodes" IS NOT NULL AND cardinality("roles") + cardinality("officeCodes") >= 1);

-- AddCheck: a delivery moves SENT -> SEEN -> ACKNOWLEDGED with its timestamps in order
ALTER TABLE "IncidentDelivery" ADD CONSTRAINT "IncidentDelivery_status_check" CHECK (("seenAt" IS NOT NULL) = ("status" IN ('SEEN', 'ACKNOWLEDGED')) AND ("acknowledgedAt" IS NOT NULL) = ("status" = 'ACKNOWLEDGED'));
ALTER TABLE "IncidentDelivery" ADD CONSTRAINT "IncidentDelivery_times_check" CHECK ("sentAt" <= coalesce("seenAt", "sentAt") AND coalesce("seenAt", "sentAt") <= coalesce("acknowledgedAt", "seenAt", "sentAt") AND "ackDueAt" > "sentAt");
ALTER TABLE "IncidentDelivery" ADD CONSTRAINT "IncidentDelivery_escalation_check" CHECK ("escalationStep" >= 0 AND ("escalationStep" > 0) = ("escalatedFromId" IS NOT NULL) AND "escalatedFromId" IS DISTINCT FROM "id");

-- AddCheck: report deadlines, in minutes (at most a week), for a graded severity
ALTER TABLE "IncidentReportDeadline" ADD CONSTRAINT "IncidentReportDeadline_severity_check" CHECK ("severity" <> 'UNKNOWN');
ALTER TABLE "IncidentReportDeadline" ADD CONSTRAINT "IncidentReportDeadline_minutes_check" CHECK (coalesce("phoneMinutes", 1) BETWEEN 1 AND 10080 AND "writtenMinutes" BETWEEN 1 AND 10080 AND coalesce("followUpMinutes", 1) BETWEEN 1 AND 10080 AND coalesce("phoneMinutes", 0) <= "writtenMinutes");

-- AddCheck: a clock is met by a report, missed or superseded once, and settled exactly then
ALTER TABLE "IncidentReportClock" ADD CONSTRAINT "IncidentReportClock_due_check" CHECK ("dueAt" >= "startsAt" AND "sequence" >= 1);
ALTER TABLE "IncidentReportClock" ADD CONSTRAINT "IncidentReportClock_state_check" CHECK (("state" = 'MET') = ("reportId" IS NOT NULL) AND ("state" = 'PENDING') = ("settledAt" IS NULL));
-- One pending clock per incident, kind and sequence: a job that runs twice starts it once
CREATE UNIQUE INDEX "IncidentReportClock_pending_key" ON "IncidentReportClock"("incidentId", "kind", "sequence") WHERE "state" = 'PENDING';

-- AddCheck: a report names who reported and to whom, and a written one says what
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_people_check" CHECK (btrim("reportedBy") <> '' AND btrim("reportedTo") <> '');
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_content_check" CHECK ("kind" = 'PHONE' OR btrim("content") <> '');

-- The timeline is append-only: history is never edited or deleted, only added to (corrections
-- are new entries). Enforced here as well as by the service having no path for it.
CREATE FUNCTION "incident_timeline_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'IncidentTimelineEntry is append-only: % refused; add a CORRECTION entry instead', TG_OP
    USING ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'IncidentTimelineEntry_append_only';
  RETURN NULL;
END;
$$;
CREATE TRIGGER "IncidentTimelineEntry_append_only" BEFORE UPDATE OR DELETE ON "IncidentTimelineEntry"
  FOR EACH ROW EXECUTE FUNCTION "incident_timeline_append_only"();
CREATE TRIGGER "IncidentTimelineEntry_no_truncate" BEFORE TRUNCATE ON "IncidentTimelineEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "incident_timeline_append_only"();

-- The shipped defaults (published local rules), kept as data to be changed per province or city:
-- I and II phone 15 min, written 30 min, III phone 30 min, written 1 hour, IV written 6 hours,
-- follow-up reports every 4 hours for III and above.
INSERT INTO "IncidentReportDeadline" ("severity", "phoneMinutes", "writtenMinutes", "followUpMinutes", "updatedAt") VALUES
  ('I', 15, 30, 240, CURRENT_TIMESTAMP),
  ('II', 15, 30, 240, CURRENT_TIMESTAMP),
  ('III', 30, 60, 240, CURRENT_TIMESTAMP),
  ('IV', NULL, 360, NULL, CURRENT_TIMESTAMP);

-- The default escalation chain (duty officer -> office director -> on-duty leader -> principal
-- leader) and a rule for every category and severity: every leader for I, II and not yet graded,
-- no principal leaders for III, the people on duty for IV. Acknowledge within 10 minutes for III
-- and above (and ungraded), 30 for IV.
INSERT INTO "IncidentEscalationChain" ("id", "code", "name", "steps") VALUES
  (gen_random_uuid(), 'DEFAULT', '默认升级链 / Default chain', ARRAY['ON_DUTY_OFFICER', 'OFFICE_DIRECTOR', 'ON_DUTY_LEADER', 'PRINCIPAL_LEADER']::"IncidentRecipientRole"[]);
INSERT INTO "IncidentRoutingRule" ("id", "category", "severity", "roles", "officeCodes", "chainId", "ackTimeoutMinutes", "updatedAt")
SELECT gen_random_uuid(), c.category, s.severity, s.roles, ARRAY[]::TEXT[], chain."id", s.timeout, CURRENT_TIMESTAMP
FROM unnest(enum_range(NULL::"IncidentCategory")) AS c(category)
CROSS JOIN (VALUES
  ('I'::"IncidentSeverity", ARRAY['PRINCIPAL_LEADER', 'SECTOR_LEADER', 'ON_DUTY_LEADER', 'ON_DUTY_OFFICER', 'OFFICE_DIRECTOR']::"IncidentRecipientRole"[], 10),
  ('II', ARRAY['PRINCIPAL_LEADER', 'SECTOR_LEADER', 'ON_DUTY_LEADER', 'ON_DUTY_OFFICER', 'OFFICE_DIRECTOR']::"IncidentRecipientRole"[], 10),
  ('UNKNOWN', ARRAY['PRINCIPAL_LEADER', 'SECTOR_LEADER', 'ON_DUTY_LEADER', 'ON_DUTY_OFFICER', 'OFFICE_DIRECTOR']::"IncidentRecipientRole"[], 10),
  ('III', ARRAY['SECTOR_LEADER', 'ON_DUTY_LEADER', 'ON_DUTY_OFFICER', 'OFFICE_DIRECTOR']::"IncidentRecipientRole"[], 10),
  ('IV', ARRAY['ON_DUTY_LEADER', 'ON_DUTY_OFFICER']::"IncidentRecipientRole"[], 30)
) AS s(severity, roles, timeout)
CROSS JOIN "IncidentEscalationChain" AS chain
WHERE chain."code" = 'DEFAULT';
