-- DropForeignKey
ALTER TABLE "PlanEntry" DROP CONSTRAINT "PlanEntry_planId_fkey";

-- DropIndex
DROP INDEX "Notice_status_sendAt_idx";

-- DropIndex
DROP INDEX "Notification_userId_createdAt_idx";

-- DropIndex
DROP INDEX "CalendarFeed_ownerId_idx";

-- CreateIndex
CREATE INDEX "Notice_sendAt_id_idx" ON "Notice"("sendAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyPlan_id_leaderId_week_key" ON "WeeklyPlan"("id", "leaderId", "week");

-- CreateIndex
CREATE INDEX "CalendarFeed_ownerId_createdAt_idx" ON "CalendarFeed"("ownerId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_planId_leaderId_week_fkey" FOREIGN KEY ("planId", "leaderId", "week") REFERENCES "WeeklyPlan"("id", "leaderId", "week") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand from here on: Prisma 6 models neither CHECK constraints nor foreign keys
-- without a relation field on both sides (see the comment at the top of schema.prisma).
-- No semicolon in a comment: the schema engine splits the script at every one of them.

-- AddForeignKey (to tables owned by other libs). RESTRICT: users and leaders are deactivated, not deleted
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PlanWeek" ADD CONSTRAINT "PlanWeek_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WeeklyPlan" ADD CONSTRAINT "WeeklyPlan_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_leadOfficeCode_fkey" FOREIGN KEY ("leadOfficeCode") REFERENCES "Office"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScheduleRevision" ADD CONSTRAINT "ScheduleRevision_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_officeCode_fkey" FOREIGN KEY ("officeCode") REFERENCES "Office"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddCheck: week ids "YYYY-Www" (W01..W53) and dates "YYYY-MM-DD", as utils/week.ts reads them.
-- Fixed width, so byte order ("C") is date order whatever the database collation
ALTER TABLE "PlanWeek" ADD CONSTRAINT "PlanWeek_week_check" CHECK ("week" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$');
ALTER TABLE "WeeklyPlan" ADD CONSTRAINT "WeeklyPlan_week_check" CHECK ("week" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$');
ALTER TABLE "ScheduleRevision" ADD CONSTRAINT "ScheduleRevision_week_check" CHECK ("week" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$');
ALTER TABLE "PlanReminder" ADD CONSTRAINT "PlanReminder_week_check" CHECK ("week" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$');
-- PlanEntry.week needs no check of its own: the composite key makes it the week of its plan.
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_date_check" CHECK ("date" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$');
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_endDate_check" CHECK ("endDate" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' AND "endDate" COLLATE "C" >= "date" COLLATE "C");

-- AddCheck: the timing of an entry (utils/validate-entry.ts): a half-day slot, or exact start and end
-- (end after start), or neither (whole days up to endDate, which then has no exact times)
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_slot_or_times_check" CHECK ("slot" IS NULL OR ("startAt" IS NULL AND "endAt" IS NULL));
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_times_check" CHECK (("startAt" IS NULL AND "endAt" IS NULL) OR ("startAt" IS NOT NULL AND "endAt" IS NOT NULL AND "endAt" > "startAt"));
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_multiday_times_check" CHECK ("endDate" IS NULL OR ("startAt" IS NULL AND "endAt" IS NULL));
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_attendees_check" CHECK (NOT ("leaderId"::text = ANY ("attendeeLeaderIds")));
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_title_check" CHECK ("title" <> '');
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_position_check" CHECK ("position" >= 0);

-- AddCheck: states and their timestamps
ALTER TABLE "WeeklyPlan" ADD CONSTRAINT "WeeklyPlan_submitted_check" CHECK (("status" = 'SUBMITTED') = ("submittedAt" IS NOT NULL));
ALTER TABLE "WeeklyPlan" ADD CONSTRAINT "WeeklyPlan_version_check" CHECK ("version" >= 0);
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_sent_check" CHECK (("status" = 'SENT') = ("sentAt" IS NOT NULL));
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_officeCodes_check" CHECK (cardinality("officeCodes") >= 1);
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_scope_check" CHECK (("scope" = 'LEADER' AND "leaderId" IS NOT NULL AND "officeCode" IS NULL) OR ("scope" = 'OFFICE' AND "officeCode" IS NOT NULL AND "leaderId" IS NULL));

-- AddCheck: counters and orders
ALTER TABLE "ScheduleRevision" ADD CONSTRAINT "ScheduleRevision_number_check" CHECK ("number" >= 1);
ALTER TABLE "PlanReminder" ADD CONSTRAINT "PlanReminder_offsetHours_check" CHECK ("offsetHours" > 0);
ALTER TABLE "Leader" ADD CONSTRAINT "Leader_rank_check" CHECK ("rank" >= 1);
