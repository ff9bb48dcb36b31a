-- The installation's own settings: one row, written by the setup page.
CREATE TABLE "Installation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "movementName" TEXT,
    "locales" TEXT[] DEFAULT ARRAY['en', 'fr', 'es']::TEXT[],
    "twoFactorRequired" BOOLEAN NOT NULL DEFAULT false,
    "setupCompletedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Installation_singleton" CHECK ("id" = 1)
);
