-- Issue 17, item 8: direct edits between versions are attributed. Programs say whether versions name the
-- members who wrote them (off by default); who wrote into a section's live text is kept per day and phase.
ALTER TABLE "Program" ADD COLUMN "drafterNamesPublic" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "LiveTextWriter" (
    "docName" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "phase" "Phase" NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveTextWriter_pkey" PRIMARY KEY ("docName","memberId","day","phase")
);

-- CreateIndex
CREATE INDEX "LiveTextWriter_memberId_idx" ON "LiveTextWriter"("memberId");

-- AddForeignKey
ALTER TABLE "LiveTextWriter" ADD CONSTRAINT "LiveTextWriter_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
