-- Following and moderators' notices (docs/decisions/0035-follow-and-moderator-notices.md): members follow a
-- program, chapter, section or amendment; moderators take chapters and may get a daily digest through the mail
-- queue, whose rows may now be about no round.
-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'FOLLOWED_NEW_AMENDMENT';
ALTER TYPE "NotificationKind" ADD VALUE 'FOLLOWED_QUALIFIED';
ALTER TYPE "NotificationKind" ADD VALUE 'FOLLOWED_COMMENT';
ALTER TYPE "NotificationKind" ADD VALUE 'FOLLOWED_COMPETING';
ALTER TYPE "NotificationKind" ADD VALUE 'FOLLOWED_STATUS';
ALTER TYPE "NotificationKind" ADD VALUE 'MOD_QUALIFIED';
ALTER TYPE "NotificationKind" ADD VALUE 'MOD_COMMENT_REPORTED';
ALTER TYPE "NotificationKind" ADD VALUE 'MOD_COLLISION';
ALTER TYPE "NotificationKind" ADD VALUE 'MOD_NEEDS_UPDATE';
ALTER TYPE "NotificationKind" ADD VALUE 'MOD_ROUND_OPENING';
ALTER TYPE "NotificationKind" ADD VALUE 'MOD_ROUND_CLOSING';

-- AlterEnum
ALTER TYPE "MailKind" ADD VALUE 'MODERATION_DIGEST';

-- CreateEnum
CREATE TYPE "ModerationDigest" AS ENUM ('NONE', 'DAILY');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "moderationDigest" "ModerationDigest" NOT NULL DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "MailMessage" ALTER COLUMN "roundId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Follow" (
    "memberId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "chapterId" TEXT,
    "sectionId" TEXT,
    "amendmentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("memberId","target")
);

-- CreateTable
CREATE TABLE "ChapterAssignment" (
    "chapterId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChapterAssignment_pkey" PRIMARY KEY ("chapterId","memberId")
);

-- CreateIndex
CREATE INDEX "Follow_target_idx" ON "Follow"("target");
CREATE INDEX "Follow_programId_idx" ON "Follow"("programId");
CREATE INDEX "Follow_chapterId_idx" ON "Follow"("chapterId");
CREATE INDEX "Follow_sectionId_idx" ON "Follow"("sectionId");
CREATE INDEX "Follow_amendmentId_idx" ON "Follow"("amendmentId");
CREATE INDEX "ChapterAssignment_memberId_idx" ON "ChapterAssignment"("memberId");

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChapterAssignment" ADD CONSTRAINT "ChapterAssignment_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChapterAssignment" ADD CONSTRAINT "ChapterAssignment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
