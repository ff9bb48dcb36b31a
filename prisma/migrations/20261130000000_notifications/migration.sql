-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('COAUTHOR_ADDED', 'QUALIFIED', 'EXPIRED', 'DECISION', 'NEEDS_UPDATE', 'REPLY');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "digestKey" TEXT,
ADD COLUMN     "digestSentAt" TIMESTAMP(3),
ADD COLUMN     "emailDigest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "amendmentId" TEXT NOT NULL,
    "commentId" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_memberId_createdAt_idx" ON "Notification"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_emailedAt_idx" ON "Notification"("emailedAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

