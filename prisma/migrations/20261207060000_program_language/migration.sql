-- The language a program's text is written in (ADR 0038). Programs that exist take the installation's first
-- offered language, in Plenum's order (fr, en, es) as the language switcher shows them; French without a row.
ALTER TABLE "Program" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE "Program" ADD CONSTRAINT "Program_language_known" CHECK ("language" IN ('fr', 'en', 'es'));

UPDATE "Program" SET "language" = COALESCE(
  (SELECT l FROM unnest(ARRAY['fr', 'en', 'es']) WITH ORDINALITY AS o(l, i)
    WHERE l = ANY ((SELECT "locales" FROM "Installation" WHERE "id" = 1)::TEXT[])
    ORDER BY i LIMIT 1),
  'fr');
