-- The voter roll seen by the census, stated on the board, and reports of a roll entry a member did not make
-- (docs/decisions/0032-voter-roll.md).

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'ROLL_REPORT';

-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "amendmentId" DROP NOT NULL,
ADD COLUMN     "roundId" TEXT;

-- AlterTable
ALTER TABLE "VotingRound" ADD COLUMN     "rollSize" INTEGER;

-- CreateTable
CREATE TABLE "RollReport" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RollReport_pkey" PRIMARY KEY ("roundId","memberId")
);

-- CreateIndex
CREATE INDEX "RollReport_createdAt_idx" ON "RollReport"("createdAt");

-- AddForeignKey
ALTER TABLE "RollReport" ADD CONSTRAINT "RollReport_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RollReport" ADD CONSTRAINT "RollReport_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
