-- Pairs of amendments a moderator judged not duplicates: the moderators' queue stops listing them.
-- CreateTable
CREATE TABLE "DuplicateDismissal" (
    "amendmentId" TEXT NOT NULL,
    "otherId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DuplicateDismissal_pkey" PRIMARY KEY ("amendmentId","otherId")
);

-- CreateIndex
CREATE INDEX "DuplicateDismissal_otherId_idx" ON "DuplicateDismissal"("otherId");

-- AddForeignKey
ALTER TABLE "DuplicateDismissal" ADD CONSTRAINT "DuplicateDismissal_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateDismissal" ADD CONSTRAINT "DuplicateDismissal_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
