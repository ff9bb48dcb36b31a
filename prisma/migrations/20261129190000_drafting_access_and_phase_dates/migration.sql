-- CreateEnum
CREATE TYPE "DraftingAccess" AS ENUM ('ALL_MEMBERS', 'NAMED_DRAFTERS');

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "draftingAccess" "DraftingAccess" NOT NULL DEFAULT 'ALL_MEMBERS',
ADD COLUMN     "phaseEndsAt" TIMESTAMP(3),
ADD COLUMN     "phaseStartedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "Drafter" (
    "programId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Drafter_pkey" PRIMARY KEY ("programId","memberId")
);

-- CreateIndex
CREATE INDEX "Drafter_memberId_idx" ON "Drafter"("memberId");

-- AddForeignKey
ALTER TABLE "Drafter" ADD CONSTRAINT "Drafter_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drafter" ADD CONSTRAINT "Drafter_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: a program that existed before phases had dates has been in its phase since it was created
-- (the closest honest date this database knows).
UPDATE "Program" SET "phaseStartedAt" = "createdAt";
