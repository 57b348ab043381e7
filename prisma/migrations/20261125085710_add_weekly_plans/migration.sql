-- CreateEnum
CREATE TYPE "HalfDay" AS ENUM ('MORNING', 'AFTERNOON', 'EVENING');

-- CreateEnum
CREATE TYPE "EntryKind" AS ENUM ('MEETING', 'INSPECTION', 'RECEPTION', 'CONFERENCE', 'TRIP', 'LEAVE', 'OTHER');

-- CreateEnum
CREATE TYPE "Confidentiality" AS ENUM ('OPEN', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "CalendarFeedScope" AS ENUM ('LEADER', 'OFFICE');

-- CreateTable
CREATE TABLE "PlanWeek" (
    "week" TEXT NOT NULL,
    "deadlineAt" TIMESTAMPTZ(3) NOT NULL,
    "setById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanWeek_pkey" PRIMARY KEY ("week")
);

-- CreateTable
CREATE TABLE "WeeklyPlan" (
    "id" UUID NOT NULL,
    "leaderId" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WeeklyPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanEntry" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "leaderId" UUID NOT NULL,
    "date" TEXT NOT NULL,
    "endDate" TEXT,
    "slot" "HalfDay",
    "startAt" TIMESTAMPTZ(3),
    "endAt" TIMESTAMPTZ(3),
    "kind" "EntryKind" NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "leadOfficeCode" TEXT NOT NULL,
    "attendeeLeaderIds" TEXT[],
    "confidentiality" "Confidentiality" NOT NULL DEFAULT 'OPEN',
    "sessionOf" "LeaderBody",
    "note" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduleRevision" (
    "id" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedById" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "snapshot" JSONB NOT NULL,
    "diff" JSONB NOT NULL,
    "acknowledgements" JSONB NOT NULL,

    CONSTRAINT "ScheduleRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanReminder" (
    "week" TEXT NOT NULL,
    "offsetHours" INTEGER NOT NULL,
    "deadlineAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanReminder_pkey" PRIMARY KEY ("week","offsetHours","deadlineAt")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scope" "CalendarFeedScope" NOT NULL,
    "leaderId" UUID,
    "officeCode" TEXT,
    "ownerId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WeeklyPlan_week_status_idx" ON "WeeklyPlan"("week", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyPlan_leaderId_week_key" ON "WeeklyPlan"("leaderId", "week");

-- CreateIndex
CREATE INDEX "PlanEntry_week_idx" ON "PlanEntry"("week");

-- CreateIndex
CREATE INDEX "PlanEntry_planId_idx" ON "PlanEntry"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduleRevision_week_number_key" ON "ScheduleRevision"("week", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_ownerId_idx" ON "CalendarFeed"("ownerId");

-- AddForeignKey
ALTER TABLE "WeeklyPlan" ADD CONSTRAINT "WeeklyPlan_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_planId_fkey" FOREIGN KEY ("planId") REFERENCES "WeeklyPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

