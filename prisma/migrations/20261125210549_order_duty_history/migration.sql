-- DropIndex
DROP INDEX "DutyShiftChange_assignmentId_createdAt_idx";

-- AlterTable
ALTER TABLE "DutyShiftChange" ADD COLUMN     "seq" SERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "DutyShiftChange_assignmentId_seq_idx" ON "DutyShiftChange"("assignmentId", "seq");

