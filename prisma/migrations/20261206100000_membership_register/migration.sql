-- The membership register and census rules (issue 18, ADR 0026).
-- CreateEnum
CREATE TYPE "CensusRule" AS ENUM ('OPEN', 'REGISTER');

-- AlterTable
ALTER TABLE "Program" ADD COLUMN "censusRule" "CensusRule" NOT NULL DEFAULT 'OPEN';

-- AlterTable
ALTER TABLE "VotingRound" ADD COLUMN "censusRule" "CensusRule",
ADD COLUMN "censusCommitment" TEXT;

-- AlterTable
ALTER TABLE "CensusEntry" ADD COLUMN "salt" TEXT,
ADD COLUMN "leaf" TEXT;

-- CreateTable
CREATE TABLE "RegisterEntry" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "membershipNumber" TEXT,
    "localGroup" TEXT,
    "memberUntil" DATE,
    "lapsedAt" TIMESTAMP(3),
    "memberId" TEXT,
    "inviteTokenHash" TEXT,
    "invitedAt" TIMESTAMP(3),
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegisterEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegisterEntry_email_key" ON "RegisterEntry"("email");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterEntry_membershipNumber_key" ON "RegisterEntry"("membershipNumber");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterEntry_memberId_key" ON "RegisterEntry"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterEntry_inviteTokenHash_key" ON "RegisterEntry"("inviteTokenHash");

-- AddForeignKey
ALTER TABLE "RegisterEntry" ADD CONSTRAINT "RegisterEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "RegisterUpload" (
    "id" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegisterUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegisterUpload_createdAt_idx" ON "RegisterUpload"("createdAt");
