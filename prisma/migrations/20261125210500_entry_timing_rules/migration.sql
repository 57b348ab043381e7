-- Written by hand: Prisma 6 does not model CHECK constraints (see add_constraints).
-- No semicolon in a comment: the schema engine splits the script at every one of them.
-- The timing rules of plans/utils/validate-entry.ts that the database can state on its own.

-- A half-day slot is one half-day of one date: never with an end date. An end date equal to the
-- date said nothing, so those rows lose it. Rows with a later end date were entered before the
-- rule and are left as they are (NOT VALID): the rule holds for every row written from now on.
UPDATE "PlanEntry" SET "endDate" = NULL WHERE "slot" IS NOT NULL AND "endDate" = "date";
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_slot_one_day_check" CHECK ("slot" IS NULL OR "endDate" IS NULL) NOT VALID;

-- Exact times end by 06:00 (Shanghai, UTC+8 all year) on the day after the entry's date: a late
-- meeting, not a second day. Longer is whole days up to endDate. Older rows as above.
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_exact_end_check" CHECK ("endAt" IS NULL OR "endAt" <= ((("date"::date + 1)::timestamp + interval '6 hours' - interval '8 hours') AT TIME ZONE 'UTC')) NOT VALID;
