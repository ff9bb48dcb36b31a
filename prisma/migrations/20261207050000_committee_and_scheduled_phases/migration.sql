-- The drafting committee, its recommendations and compromises, and phases that move by themselves at their date
-- (docs/decisions/0037-committee-and-scheduled-phases.md).

-- CreateEnum
CREATE TYPE "RecommendationKind" AS ENUM ('ADOPT', 'REJECT', 'ADOPT_MODIFIED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'RECOMMENDED';
ALTER TYPE "NotificationKind" ADD VALUE 'COMPROMISE_PROPOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'PHASE_SCHEDULED';
ALTER TYPE "NotificationKind" ADD VALUE 'PHASE_POSTPONED';
ALTER TYPE "NotificationKind" ADD VALUE 'PHASE_PENDING';

-- AlterEnum
ALTER TYPE "MailKind" ADD VALUE 'PHASE_NOTICE';

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "phaseAutoAdvance" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "phaseNoticeFor" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Amendment" ADD COLUMN     "compromiseOfId" TEXT;

-- AlterTable
ALTER TABLE "MailMessage" ALTER COLUMN "roundId" DROP NOT NULL,
ADD COLUMN     "programId" TEXT;

-- CreateTable
CREATE TABLE "CommitteeMember" (
    "programId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitteeMember_pkey" PRIMARY KEY ("programId","memberId")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "amendmentId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "kind" "RecommendationKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("amendmentId")
);

-- CreateIndex
CREATE INDEX "CommitteeMember_memberId_idx" ON "CommitteeMember"("memberId");

-- CreateIndex
CREATE INDEX "Recommendation_programId_idx" ON "Recommendation"("programId");

-- CreateIndex
CREATE INDEX "Amendment_compromiseOfId_idx" ON "Amendment"("compromiseOfId");

-- AddForeignKey
ALTER TABLE "CommitteeMember" ADD CONSTRAINT "CommitteeMember_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMember" ADD CONSTRAINT "CommitteeMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a phase notice names its program; a call or a reminder its round (one or the other, never both).
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_round_or_program" CHECK (("roundId" IS NULL) <> ("programId" IS NULL));
