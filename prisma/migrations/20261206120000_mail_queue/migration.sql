-- The mail queue and the call to vote (docs/decisions/0028-mail-queue-and-call-to-vote.md): queued mails, a round's
-- mailing secret, scheduled reminders, stopped reminders, and turnout counted per hour (never per member).
-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('ROUND_CALL', 'ROUND_REMINDER');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL,
    "kind" "MailKind" NOT NULL,
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundMailing" (
    "roundId" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3),

    CONSTRAINT "RoundMailing_pkey" PRIMARY KEY ("roundId")
);

-- CreateTable
CREATE TABLE "RoundReminder" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "queuedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderStop" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    CONSTRAINT "ReminderStop_pkey" PRIMARY KEY ("roundId","memberId")
);

-- CreateTable
CREATE TABLE "TurnoutCount" (
    "roundId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "shard" INTEGER NOT NULL,
    "voters" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TurnoutCount_pkey" PRIMARY KEY ("roundId","hour","shard")
);

-- CreateIndex
CREATE INDEX "MailMessage_status_nextAttemptAt_idx" ON "MailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MailMessage_roundId_kind_status_idx" ON "MailMessage"("roundId", "kind", "status");

-- CreateIndex
CREATE INDEX "RoundReminder_queuedAt_sendAt_idx" ON "RoundReminder"("queuedAt", "sendAt");

-- CreateIndex
CREATE INDEX "RoundReminder_roundId_idx" ON "RoundReminder"("roundId");

-- AddForeignKey
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundMailing" ADD CONSTRAINT "RoundMailing_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundReminder" ADD CONSTRAINT "RoundReminder_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TurnoutCount" ADD CONSTRAINT "TurnoutCount_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VotingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
