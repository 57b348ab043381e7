-- CreateEnum
CREATE TYPE "DutyPersonKind" AS ENUM ('LEADER', 'STAFF');

-- CreateEnum
CREATE TYPE "DutyPostDays" AS ENUM ('EVERY_DAY', 'NON_WORKDAYS', 'HOLIDAYS');

-- CreateEnum
CREATE TYPE "DutyRosterStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DutyShiftChangeKind" AS ENUM ('GENERATED', 'SWAP', 'OVERRIDE', 'UNDO', 'PERSON_UNAVAILABLE', 'PERSON_DEACTIVATED');

-- CreateEnum
CREATE TYPE "DutySwapStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'APPROVED', 'DECLINED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DutyAlertKind" AS ENUM ('GAP', 'MISSED_CHECK_IN');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'DUTY_COORDINATOR';

-- CreateTable
CREATE TABLE "HolidayCalendar" (
    "year" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "loadedById" UUID,
    "loadedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HolidayCalendar_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "DutyShiftTemplate" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyShiftTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyPost" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "DutyPersonKind" NOT NULL,
    "templateId" UUID NOT NULL,
    "days" "DutyPostDays" NOT NULL DEFAULT 'EVERY_DAY',
    "seats" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyPerson" (
    "id" UUID NOT NULL,
    "kind" "DutyPersonKind" NOT NULL,
    "leaderId" UUID,
    "userId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyPoolMember" (
    "postId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "DutyPersonKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyPoolMember_pkey" PRIMARY KEY ("postId","personId")
);

-- CreateTable
CREATE TABLE "DutyRosterPeriod" (
    "month" TEXT NOT NULL,
    "status" "DutyRosterStatus" NOT NULL DEFAULT 'DRAFT',
    "generatedAt" TIMESTAMPTZ(3),
    "generatedById" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DutyRosterPeriod_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "DutyAssignment" (
    "id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "templateId" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "kind" "DutyPersonKind" NOT NULL,
    "seat" INTEGER NOT NULL DEFAULT 1,
    "personId" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DutyAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyShiftChange" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "kind" "DutyShiftChangeKind" NOT NULL,
    "fromPersonId" UUID,
    "toPersonId" UUID,
    "reason" TEXT NOT NULL DEFAULT '',
    "actorId" UUID,
    "relatedAssignmentId" UUID,
    "swapRequestId" UUID,
    "undoesId" UUID,
    "warnings" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyShiftChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutySwapRequest" (
    "id" UUID NOT NULL,
    "fromAssignmentId" UUID NOT NULL,
    "toAssignmentId" UUID NOT NULL,
    "requesterPersonId" UUID NOT NULL,
    "counterPersonId" UUID NOT NULL,
    "status" "DutySwapStatus" NOT NULL DEFAULT 'REQUESTED',
    "note" TEXT NOT NULL DEFAULT '',
    "requestedById" UUID NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DutySwapRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyUnavailability" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "DutyUnavailability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyCheckIn" (
    "assignmentId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "checkedInAt" TIMESTAMPTZ(3) NOT NULL,
    "checkedInById" UUID NOT NULL,

    CONSTRAINT "DutyCheckIn_pkey" PRIMARY KEY ("assignmentId")
);

-- CreateTable
CREATE TABLE "DutyHandover" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "events" TEXT NOT NULL DEFAULT '',
    "calls" TEXT NOT NULL DEFAULT '',
    "writtenById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DutyHandover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyHandoverItem" (
    "id" UUID NOT NULL,
    "openedInId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "closedInId" UUID,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" UUID,
    "closeNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyHandoverItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyAlert" (
    "id" UUID NOT NULL,
    "kind" "DutyAlertKind" NOT NULL,
    "assignmentId" UUID NOT NULL,
    "changeId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DutyShiftTemplate_code_key" ON "DutyShiftTemplate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "DutyPost_code_key" ON "DutyPost"("code");

-- CreateIndex
CREATE UNIQUE INDEX "DutyPost_id_kind_key" ON "DutyPost"("id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "DutyPerson_leaderId_key" ON "DutyPerson"("leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "DutyPerson_userId_key" ON "DutyPerson"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "DutyPerson_id_kind_key" ON "DutyPerson"("id", "kind");

-- CreateIndex
CREATE INDEX "DutyPoolMember_personId_idx" ON "DutyPoolMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "DutyPoolMember_postId_position_key" ON "DutyPoolMember"("postId", "position");

-- CreateIndex
CREATE INDEX "DutyAssignment_month_idx" ON "DutyAssignment"("month");

-- CreateIndex
CREATE INDEX "DutyAssignment_personId_date_idx" ON "DutyAssignment"("personId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "DutyAssignment_date_templateId_postId_seat_key" ON "DutyAssignment"("date", "templateId", "postId", "seat");

-- CreateIndex
CREATE UNIQUE INDEX "DutyShiftChange_undoesId_key" ON "DutyShiftChange"("undoesId");

-- CreateIndex
CREATE INDEX "DutyShiftChange_assignmentId_createdAt_idx" ON "DutyShiftChange"("assignmentId", "createdAt");

-- CreateIndex
CREATE INDEX "DutySwapRequest_status_createdAt_idx" ON "DutySwapRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DutyUnavailability_personId_fromDate_idx" ON "DutyUnavailability"("personId", "fromDate");

-- CreateIndex
CREATE UNIQUE INDEX "DutyHandover_assignmentId_key" ON "DutyHandover"("assignmentId");

-- CreateIndex
CREATE INDEX "DutyHandoverItem_closedAt_idx" ON "DutyHandoverItem"("closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DutyAlert_kind_assignmentId_changeId_key" ON "DutyAlert"("kind", "assignmentId", "changeId");

-- AddForeignKey
ALTER TABLE "DutyPost" ADD CONSTRAINT "DutyPost_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "DutyShiftTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyPoolMember" ADD CONSTRAINT "DutyPoolMember_postId_kind_fkey" FOREIGN KEY ("postId", "kind") REFERENCES "DutyPost"("id", "kind") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyPoolMember" ADD CONSTRAINT "DutyPoolMember_personId_kind_fkey" FOREIGN KEY ("personId", "kind") REFERENCES "DutyPerson"("id", "kind") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_month_fkey" FOREIGN KEY ("month") REFERENCES "DutyRosterPeriod"("month") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "DutyShiftTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_postId_kind_fkey" FOREIGN KEY ("postId", "kind") REFERENCES "DutyPost"("id", "kind") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_personId_kind_fkey" FOREIGN KEY ("personId", "kind") REFERENCES "DutyPerson"("id", "kind") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "DutyAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_relatedAssignmentId_fkey" FOREIGN KEY ("relatedAssignmentId") REFERENCES "DutyAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_swapRequestId_fkey" FOREIGN KEY ("swapRequestId") REFERENCES "DutySwapRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_undoesId_fkey" FOREIGN KEY ("undoesId") REFERENCES "DutyShiftChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutySwapRequest" ADD CONSTRAINT "DutySwapRequest_fromAssignmentId_fkey" FOREIGN KEY ("fromAssignmentId") REFERENCES "DutyAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutySwapRequest" ADD CONSTRAINT "DutySwapRequest_toAssignmentId_fkey" FOREIGN KEY ("toAssignmentId") REFERENCES "DutyAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyUnavailability" ADD CONSTRAINT "DutyUnavailability_personId_fkey" FOREIGN KEY ("personId") REFERENCES "DutyPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyCheckIn" ADD CONSTRAINT "DutyCheckIn_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "DutyAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyHandover" ADD CONSTRAINT "DutyHandover_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "DutyAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyHandoverItem" ADD CONSTRAINT "DutyHandoverItem_openedInId_fkey" FOREIGN KEY ("openedInId") REFERENCES "DutyHandover"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyHandoverItem" ADD CONSTRAINT "DutyHandoverItem_closedInId_fkey" FOREIGN KEY ("closedInId") REFERENCES "DutyHandover"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAlert" ADD CONSTRAINT "DutyAlert_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "DutyAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAlert" ADD CONSTRAINT "DutyAlert_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "DutyShiftChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Written by hand from here on, as in the add_constraints migration: Prisma 6 models neither
-- CHECK constraints nor foreign keys without a relation field on both sides.
-- No semicolon in a comment (the schema engine splits the script at every one of them), and so
-- no PL/pgSQL either: the rules no CHECK can state (no consecutive shifts) live in libs/duty-roster.

-- AddForeignKey (to tables owned by other libs). RESTRICT: users and leaders are deactivated, not deleted
ALTER TABLE "HolidayCalendar" ADD CONSTRAINT "HolidayCalendar_loadedById_fkey" FOREIGN KEY ("loadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyPerson" ADD CONSTRAINT "DutyPerson_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyPerson" ADD CONSTRAINT "DutyPerson_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyRosterPeriod" ADD CONSTRAINT "DutyRosterPeriod_generatedById_fkey" FOREIGN KEY ("generatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyRosterPeriod" ADD CONSTRAINT "DutyRosterPeriod_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutySwapRequest" ADD CONSTRAINT "DutySwapRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutySwapRequest" ADD CONSTRAINT "DutySwapRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyUnavailability" ADD CONSTRAINT "DutyUnavailability_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyCheckIn" ADD CONSTRAINT "DutyCheckIn_checkedInById_fkey" FOREIGN KEY ("checkedInById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyHandover" ADD CONSTRAINT "DutyHandover_writtenById_fkey" FOREIGN KEY ("writtenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyHandoverItem" ADD CONSTRAINT "DutyHandoverItem_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey (people named in the history and requests, kept without Prisma relations so
-- DutyPerson does not list every column that names someone)
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_fromPersonId_fkey" FOREIGN KEY ("fromPersonId") REFERENCES "DutyPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_toPersonId_fkey" FOREIGN KEY ("toPersonId") REFERENCES "DutyPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutySwapRequest" ADD CONSTRAINT "DutySwapRequest_requesterPersonId_fkey" FOREIGN KEY ("requesterPersonId") REFERENCES "DutyPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutySwapRequest" ADD CONSTRAINT "DutySwapRequest_counterPersonId_fkey" FOREIGN KEY ("counterPersonId") REFERENCES "DutyPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyCheckIn" ADD CONSTRAINT "DutyCheckIn_personId_fkey" FOREIGN KEY ("personId") REFERENCES "DutyPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddCheck: formats. Dates "YYYY-MM-DD" and months "YYYY-MM", fixed width, so byte order ("C") is date order
ALTER TABLE "HolidayCalendar" ADD CONSTRAINT "HolidayCalendar_year_check" CHECK ("year" BETWEEN 2000 AND 2100 AND coalesce("content"->>'year' = "year"::text, false));
ALTER TABLE "HolidayCalendar" ADD CONSTRAINT "HolidayCalendar_source_check" CHECK ("source" <> '');
ALTER TABLE "DutyShiftTemplate" ADD CONSTRAINT "DutyShiftTemplate_startTime_check" CHECK ("startTime" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
ALTER TABLE "DutyShiftTemplate" ADD CONSTRAINT "DutyShiftTemplate_durationMinutes_check" CHECK ("durationMinutes" BETWEEN 1 AND 1440);
ALTER TABLE "DutyShiftTemplate" ADD CONSTRAINT "DutyShiftTemplate_names_check" CHECK ("code" <> '' AND "name" <> '');
ALTER TABLE "DutyPost" ADD CONSTRAINT "DutyPost_seats_check" CHECK ("seats" BETWEEN 1 AND 9);
ALTER TABLE "DutyPost" ADD CONSTRAINT "DutyPost_position_check" CHECK ("position" >= 0);
ALTER TABLE "DutyPost" ADD CONSTRAINT "DutyPost_names_check" CHECK ("code" <> '' AND "name" <> '');
ALTER TABLE "DutyPoolMember" ADD CONSTRAINT "DutyPoolMember_position_check" CHECK ("position" >= 0);
ALTER TABLE "DutyRosterPeriod" ADD CONSTRAINT "DutyRosterPeriod_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_date_check" CHECK ("date" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' AND left("date", 7) = "month");
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_seat_check" CHECK ("seat" BETWEEN 1 AND 9);
ALTER TABLE "DutyUnavailability" ADD CONSTRAINT "DutyUnavailability_dates_check" CHECK ("fromDate" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' AND "toDate" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' AND "toDate" COLLATE "C" >= "fromDate" COLLATE "C");
ALTER TABLE "DutyUnavailability" ADD CONSTRAINT "DutyUnavailability_reason_check" CHECK ("reason" <> '');
ALTER TABLE "DutyHandoverItem" ADD CONSTRAINT "DutyHandoverItem_text_check" CHECK ("text" <> '');

-- AddCheck: a person is a leader or a user, as their kind says (posts and pools match kinds through the composite keys)
ALTER TABLE "DutyPerson" ADD CONSTRAINT "DutyPerson_kind_check" CHECK (("kind" = 'LEADER' AND "leaderId" IS NOT NULL AND "userId" IS NULL) OR ("kind" = 'STAFF' AND "userId" IS NOT NULL AND "leaderId" IS NULL));

-- AddCheck: states and their timestamps
ALTER TABLE "DutyRosterPeriod" ADD CONSTRAINT "DutyRosterPeriod_published_check" CHECK ((("status" = 'PUBLISHED') = ("publishedAt" IS NOT NULL)) AND (("publishedAt" IS NULL) = ("publishedById" IS NULL)));
ALTER TABLE "DutyRosterPeriod" ADD CONSTRAINT "DutyRosterPeriod_generated_check" CHECK (("generatedAt" IS NULL) = ("generatedById" IS NULL));
ALTER TABLE "DutyRosterPeriod" ADD CONSTRAINT "DutyRosterPeriod_version_check" CHECK ("version" >= 0);
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_version_check" CHECK ("version" >= 0);
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_reason_check" CHECK ("kind" <> 'OVERRIDE' OR "reason" <> '');
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_related_check" CHECK (("kind" IN ('SWAP', 'UNDO')) = ("relatedAssignmentId" IS NOT NULL) AND "relatedAssignmentId" IS DISTINCT FROM "assignmentId");
ALTER TABLE "DutyShiftChange" ADD CONSTRAINT "DutyShiftChange_undo_check" CHECK (("kind" = 'UNDO') = ("undoesId" IS NOT NULL));
ALTER TABLE "DutySwapRequest" ADD CONSTRAINT "DutySwapRequest_parties_check" CHECK ("fromAssignmentId" <> "toAssignmentId" AND "requesterPersonId" <> "counterPersonId");
ALTER TABLE "DutySwapRequest" ADD CONSTRAINT "DutySwapRequest_responded_check" CHECK (("status" IN ('ACCEPTED', 'APPROVED', 'DECLINED', 'REJECTED') AND "respondedAt" IS NOT NULL) OR ("status" = 'REQUESTED' AND "respondedAt" IS NULL) OR "status" = 'CANCELLED');
ALTER TABLE "DutySwapRequest" ADD CONSTRAINT "DutySwapRequest_decided_check" CHECK ((("status" IN ('APPROVED', 'REJECTED')) = ("decidedAt" IS NOT NULL)) AND (("decidedAt" IS NULL) = ("decidedById" IS NULL)));
ALTER TABLE "DutyHandoverItem" ADD CONSTRAINT "DutyHandoverItem_closed_check" CHECK ((("closedAt" IS NULL) = ("closedById" IS NULL)) AND ("closedInId" IS NULL OR "closedAt" IS NOT NULL));
ALTER TABLE "DutyAlert" ADD CONSTRAINT "DutyAlert_change_check" CHECK (("kind" = 'GAP') = ("changeId" IS NOT NULL));

-- CreateIndex (partial, which Prisma does not model): one open swap request per shift on each side, one missed check-in alert per shift
CREATE UNIQUE INDEX "DutySwapRequest_open_from_key" ON "DutySwapRequest"("fromAssignmentId") WHERE "status" IN ('REQUESTED', 'ACCEPTED');
CREATE UNIQUE INDEX "DutySwapRequest_open_to_key" ON "DutySwapRequest"("toAssignmentId") WHERE "status" IN ('REQUESTED', 'ACCEPTED');
CREATE UNIQUE INDEX "DutyAlert_missed_check_in_key" ON "DutyAlert"("assignmentId") WHERE "kind" = 'MISSED_CHECK_IN';
