-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "lockReason" TEXT,
ADD COLUMN     "lockedAt" TIMESTAMP(3);

