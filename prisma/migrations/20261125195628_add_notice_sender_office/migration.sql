-- AlterTable: added nullable, filled from each sender's office, then required.
ALTER TABLE "Notice" ADD COLUMN     "senderOfficeId" UUID;

-- Backfill: a notice belongs to the office its sender is in (users are deactivated, never deleted).
UPDATE "Notice" AS n SET "senderOfficeId" = u."officeId" FROM "User" AS u WHERE u."id" = n."senderId";

ALTER TABLE "Notice" ALTER COLUMN "senderOfficeId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Notice_senderOfficeId_sendAt_idx" ON "Notice"("senderOfficeId", "sendAt");

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_senderOfficeId_fkey" FOREIGN KEY ("senderOfficeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
