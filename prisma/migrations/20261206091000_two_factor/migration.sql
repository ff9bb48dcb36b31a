-- Two-factor authentication: the member's TOTP secret (encrypted), recovery codes, binding voting rounds, and
-- two kinds of single-use tokens (the pending second step of a login, a ballot's mailed code).
-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'LOGIN_SECOND_STEP';
ALTER TYPE "TokenPurpose" ADD VALUE 'BALLOT_CODE';

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpSecret" TEXT;

-- AlterTable
ALTER TABLE "VotingRound" ADD COLUMN     "binding" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecoveryCode_memberId_idx" ON "RecoveryCode"("memberId");

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
