-- CreateEnum
CREATE TYPE "SupportRule" AS ENUM ('ABSOLUTE', 'ACTIVE_SHARE');

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "supportActiveDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "supportDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "supportRule" "SupportRule" NOT NULL DEFAULT 'ABSOLUTE',
ADD COLUMN     "supportValue" DOUBLE PRECISION NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "Amendment" ADD COLUMN     "qualifiedAt" TIMESTAMP(3),
ADD COLUMN     "supportActiveDays" INTEGER,
ADD COLUMN     "supportDeadline" TIMESTAMP(3),
ADD COLUMN     "supportDenominator" INTEGER,
ADD COLUMN     "supportRule" "SupportRule",
ADD COLUMN     "supportValue" DOUBLE PRECISION,
ADD COLUMN     "supportsNeeded" INTEGER;

-- CreateTable
CREATE TABLE "AmendmentSupport" (
    "amendmentId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AmendmentSupport_pkey" PRIMARY KEY ("amendmentId","memberId")
);

-- CreateIndex
CREATE INDEX "AmendmentSupport_memberId_idx" ON "AmendmentSupport"("memberId");

-- AddForeignKey
ALTER TABLE "AmendmentSupport" ADD CONSTRAINT "AmendmentSupport_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentSupport" ADD CONSTRAINT "AmendmentSupport_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

