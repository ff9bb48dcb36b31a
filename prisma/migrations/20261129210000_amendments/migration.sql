-- CreateEnum
CREATE TYPE "AmendmentKind" AS ENUM ('CHANGE', 'ADD', 'DELETE');

-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'QUALIFIED', 'EXPIRED', 'ADMISSIBLE', 'INADMISSIBLE', 'MERGED', 'IN_VOTE', 'ADOPTED', 'REJECTED', 'APPLIED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Amendment" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "kind" "AmendmentKind" NOT NULL,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "newTitle" TEXT,
    "baseText" JSONB NOT NULL,
    "proposedText" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "Amendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AmendmentAuthor" (
    "amendmentId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "invitedById" TEXT,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AmendmentAuthor_pkey" PRIMARY KEY ("amendmentId","memberId")
);

-- CreateIndex
CREATE INDEX "Amendment_programId_status_idx" ON "Amendment"("programId", "status");

-- CreateIndex
CREATE INDEX "Amendment_sectionId_idx" ON "Amendment"("sectionId");

-- CreateIndex
CREATE INDEX "AmendmentAuthor_memberId_idx" ON "AmendmentAuthor"("memberId");

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentAuthor" ADD CONSTRAINT "AmendmentAuthor_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentAuthor" ADD CONSTRAINT "AmendmentAuthor_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

