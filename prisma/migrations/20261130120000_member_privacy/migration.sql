-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "area" TEXT,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedReason" TEXT,
ADD COLUMN     "voteAnnouncements" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "announceKey" TEXT;

