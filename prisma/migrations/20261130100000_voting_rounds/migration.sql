-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('SCHEDULED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "PreferentialMethod" AS ENUM ('SCHULZE', 'BORDA', 'DOWDALL');

-- CreateEnum
CREATE TYPE "QuestionKind" AS ENUM ('YES_NO', 'PREFERENTIAL');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'VOTE_RESULT';

-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "lockedByRoundId" TEXT;

-- AlterTable
ALTER TABLE "Amendment" ADD COLUMN     "roundId" TEXT;

-- CreateTable
CREATE TABLE "VotingRound" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'SCHEDULED',
    "quorumPercent" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "majorityNumerator" INTEGER NOT NULL DEFAULT 1,
    "majorityDenominator" INTEGER NOT NULL DEFAULT 2,
    "questionMajorities" JSONB,
    "method" "PreferentialMethod" NOT NULL DEFAULT 'SCHULZE',
    "censusJoinedBefore" TIMESTAMP(3) NOT NULL,
    "censusSize" INTEGER,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "results" JSONB,
    "boardSha256" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VotingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundQuestion" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "QuestionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "amendmentId" TEXT,
    "collisionGroup" TEXT,
    "alternatives" JSONB,
    "majorityNumerator" INTEGER NOT NULL DEFAULT 1,
    "majorityDenominator" INTEGER NOT NULL DEFAULT 2,

    CONSTRAINT "RoundQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CensusEntry" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "memberId" TEXT,

    CONSTRAINT "CensusEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoterRoll" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "memberId" TEXT,

    CONSTRAINT "VoterRoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "slot" TEXT,
    "sealed" BYTEA,
    "code" TEXT,
    "nonce" TEXT,
    "answers" TEXT,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VotingRound_status_opensAt_idx" ON "VotingRound"("status", "opensAt");

-- CreateIndex
CREATE INDEX "VotingRound_status_closesAt_idx" ON "VotingRound"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "VotingRound_programId_number_key" ON "VotingRound"("programId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "RoundQuestion_roundId_position_key" ON "RoundQuestion"("roundId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CensusEntry_roundId_memberId_key" ON "CensusEntry"("roundId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "VoterRoll_roundId_memberId_key" ON "VoterRoll"("roundId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_roundId_slot_key" ON "Ballot"("roundId", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_roundId_code_key" ON "Ballot"("roundId", "code");

-- CreateIndex
CREATE INDEX "Amendment_roundId_idx" ON "Amendment"("roundId");

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VotingRound" ADD CONSTRAINT "VotingRound_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundQuestion" ADD CONSTRAINT "RoundQuestion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CensusEntry" ADD CONSTRAINT "CensusEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoterRoll" ADD CONSTRAINT "VoterRoll_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

