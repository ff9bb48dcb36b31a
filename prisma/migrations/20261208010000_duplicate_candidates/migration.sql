-- Possible duplicates stored with the change that makes them (issue 21, docs/decisions/0039-stored-duplicate-candidates.md):
-- the queue reads these pairs instead of comparing every pair of a section's standing amendments on each view.
-- The similarity is measured in TypeScript (similarity.ts), not in SQL: existing standing amendments have no
-- "duplicateKey" after this migration, and the server measures them once at its next start, before it listens.

-- AlterTable
ALTER TABLE "Amendment" ADD COLUMN "duplicateKey" TEXT;

-- CreateTable
CREATE TABLE "DuplicateCandidate" (
    "amendmentId" TEXT NOT NULL,
    "otherId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "DuplicateCandidate_pkey" PRIMARY KEY ("amendmentId","otherId")
);

-- CreateIndex
CREATE INDEX "DuplicateCandidate_otherId_idx" ON "DuplicateCandidate"("otherId");

-- CreateIndex
CREATE INDEX "DuplicateCandidate_sectionId_idx" ON "DuplicateCandidate"("sectionId");

-- CreateIndex
CREATE INDEX "DuplicateCandidate_programId_similarity_idx" ON "DuplicateCandidate"("programId", "similarity");

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The moderators' daily digest gets a one-click unsubscribe link signed with a key of the moderator's own, new each
-- time the digest is turned on (app/modules/notifications/moderators.server.ts); those who have it on get one now.
-- AlterTable
ALTER TABLE "Member" ADD COLUMN "moderationDigestSecret" TEXT;
UPDATE "Member" SET "moderationDigestSecret" = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
WHERE "moderationDigest" = 'DAILY';
