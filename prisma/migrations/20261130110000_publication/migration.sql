-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('PENDING', 'APPLIED', 'CONFLICT');

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "applyLeaseUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AmendmentApplication" (
    "id" TEXT NOT NULL,
    "amendmentId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "seq" INTEGER NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,

    CONSTRAINT "AmendmentApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramVersion" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "throughSeq" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    "outline" JSONB NOT NULL,
    "changelog" JSONB NOT NULL,
    "html" TEXT NOT NULL,

    CONSTRAINT "ProgramVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionSection" (
    "versionId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "chapterId" TEXT NOT NULL,
    "chapterNumber" INTEGER NOT NULL,
    "chapterTitle" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "doc" JSONB NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "VersionSection_pkey" PRIMARY KEY ("versionId","sectionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AmendmentApplication_amendmentId_key" ON "AmendmentApplication"("amendmentId");

-- CreateIndex
CREATE INDEX "AmendmentApplication_sectionId_idx" ON "AmendmentApplication"("sectionId");

-- CreateIndex
CREATE UNIQUE INDEX "AmendmentApplication_programId_seq_key" ON "AmendmentApplication"("programId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramVersion_programId_number_key" ON "ProgramVersion"("programId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "VersionSection_versionId_position_key" ON "VersionSection"("versionId", "position");

-- AddForeignKey
ALTER TABLE "AmendmentApplication" ADD CONSTRAINT "AmendmentApplication_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramVersion" ADD CONSTRAINT "ProgramVersion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionSection" ADD CONSTRAINT "VersionSection_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProgramVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search of published sections, stemmed in each language of the interface (ADR 0015). Queries must use
-- these exact expressions to use the indexes.
CREATE INDEX "VersionSection_search_french" ON "VersionSection" USING GIN (to_tsvector('french'::regconfig, "title" || ' ' || "text"));
CREATE INDEX "VersionSection_search_spanish" ON "VersionSection" USING GIN (to_tsvector('spanish'::regconfig, "title" || ' ' || "text"));
CREATE INDEX "VersionSection_search_english" ON "VersionSection" USING GIN (to_tsvector('english'::regconfig, "title" || ' ' || "text"));

-- A published version never changes: the database refuses any UPDATE of it.
CREATE FUNCTION "published_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a published version cannot be changed (%)', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER "ProgramVersion_immutable" BEFORE UPDATE ON "ProgramVersion"
  FOR EACH ROW EXECUTE FUNCTION "published_version_immutable"();
CREATE TRIGGER "VersionSection_immutable" BEFORE UPDATE ON "VersionSection"
  FOR EACH ROW EXECUTE FUNCTION "published_version_immutable"();
