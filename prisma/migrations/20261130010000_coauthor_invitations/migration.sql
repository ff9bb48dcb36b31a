-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'COMMENT_HIDDEN';

-- CreateTable
CREATE TABLE "CoauthorInvitation" (
    "amendmentId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoauthorInvitation_pkey" PRIMARY KEY ("amendmentId","memberId")
);

-- CreateIndex
CREATE INDEX "CoauthorInvitation_memberId_idx" ON "CoauthorInvitation"("memberId");

-- AddForeignKey
ALTER TABLE "CoauthorInvitation" ADD CONSTRAINT "CoauthorInvitation_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoauthorInvitation" ADD CONSTRAINT "CoauthorInvitation_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

