-- AlterEnum
ALTER TYPE "CalendarFeedScope" ADD VALUE 'DUTY';

-- AlterTable
ALTER TABLE "DutyPerson" ADD COLUMN     "phone" TEXT;



-- Written by hand from here on.
-- A DUTY feed follows the owner's own duty shifts, or a leader's (leaderId), never an office.
-- The new enum value is compared as text: a value added by ALTER TYPE cannot be used as the enum
-- in the transaction that adds it.
ALTER TABLE "CalendarFeed" DROP CONSTRAINT "CalendarFeed_scope_check";
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_scope_check" CHECK (("scope" = 'LEADER' AND "leaderId" IS NOT NULL AND "officeCode" IS NULL) OR ("scope" = 'OFFICE' AND "officeCode" IS NOT NULL AND "leaderId" IS NULL) OR ("scope"::text = 'DUTY' AND "officeCode" IS NULL));

-- AddCheck: a phone number as the roster prints it (digits, with an optional + and separators)
ALTER TABLE "DutyPerson" ADD CONSTRAINT "DutyPerson_phone_check" CHECK ("phone" IS NULL OR "phone" ~ '^\+?[0-9][0-9 -]{2,30}[0-9]$');
