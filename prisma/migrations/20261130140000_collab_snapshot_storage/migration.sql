-- Snapshots of live documents are stored uncompressed: Yjs updates compress little, and every cold load of a
-- document would pay for decompressing its snapshot (bench:collab measures cold loads against Y.applyUpdate).
ALTER TABLE "CollabDocument" ALTER COLUMN "snapshot" SET STORAGE EXTERNAL;
