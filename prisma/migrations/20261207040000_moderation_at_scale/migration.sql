-- Moderation at scale (issue 21, docs/decisions/0036-bulk-moderation-and-search.md): reason templates per
-- program, full-text search over amendments and comments, and the indexes the queue and search need.

-- CreateTable
CREATE TABLE "ReasonTemplate" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReasonTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReasonTemplate_programId_name_key" ON "ReasonTemplate"("programId", "name");

-- AddForeignKey
ALTER TABLE "ReasonTemplate" ADD CONSTRAINT "ReasonTemplate_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the words of a rich-text document (every "text" of its nodes), for full-text search. Immutable,
-- so that a stored generated column and an index may use it.
CREATE FUNCTION plenum_rich_text(doc jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce((SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(doc, 'strict $.**.text', '{}', true) AS t), '');

-- Hand-written: a text's words stemmed in French, Spanish and English at once, so that one GIN index answers a
-- query in any of the three and ranking reads a stored vector instead of stemming every matching row again.
CREATE FUNCTION plenum_search_vector(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN to_tsvector('french'::regconfig, t) || to_tsvector('spanish'::regconfig, t) || to_tsvector('english'::regconfig, t);

-- Hand-written: what search reads of an amendment and of a comment, kept by the database itself (Prisma's schema
-- cannot say "generated", and the modules never write them): no module has to remember to update them.
-- "searchText" is the plain text a snippet is cut from, "searchVector" its stemmed words (ADR 0036). A generated
-- column cannot read another, hence the expression twice.
ALTER TABLE "Amendment" ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (
  "title" || ' ' || coalesce("newTitle", '') || ' ' || "justification" || ' ' || plenum_rich_text("proposedText")
) STORED;
ALTER TABLE "Amendment" ADD COLUMN "searchVector" TSVECTOR GENERATED ALWAYS AS (plenum_search_vector(
  "title" || ' ' || coalesce("newTitle", '') || ' ' || "justification" || ' ' || plenum_rich_text("proposedText")
)) STORED;
ALTER TABLE "Comment" ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (plenum_rich_text("body")) STORED;
ALTER TABLE "Comment" ADD COLUMN "searchVector" TSVECTOR GENERATED ALWAYS AS (plenum_search_vector(plenum_rich_text("body"))) STORED;
CREATE INDEX "Amendment_searchVector_idx" ON "Amendment" USING GIN ("searchVector");
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");

-- The queue's pages: a program's amendments of one status, in the order they qualified.
CREATE INDEX "Amendment_programId_status_qualifiedAt_submittedAt_idx" ON "Amendment"("programId", "status", "qualifiedAt", "submittedAt");
