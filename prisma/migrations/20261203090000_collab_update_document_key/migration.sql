-- Hand-written: updates left behind by a document removed before this key existed would stop it being added.
DELETE FROM "CollabUpdate" u WHERE NOT EXISTS (SELECT 1 FROM "CollabDocument" d WHERE d."name" = u."docName");

-- AddForeignKey
ALTER TABLE "CollabUpdate" ADD CONSTRAINT "CollabUpdate_docName_fkey" FOREIGN KEY ("docName") REFERENCES "CollabDocument"("name") ON DELETE CASCADE ON UPDATE CASCADE;
