-- AlterTable
ALTER TABLE "Amendment" ADD COLUMN     "collisionGroup" TEXT,
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "needsUpdate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rebaseTo" JSONB,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Amendment_programId_collisionGroup_idx" ON "Amendment"("programId", "collisionGroup");

