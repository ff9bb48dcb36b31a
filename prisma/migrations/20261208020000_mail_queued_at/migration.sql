-- Hand-written: when each queued mail was queued (ADR 0040), so that /metrics can tell how long the oldest mail
-- still to send has waited. "nextAttemptAt" cannot say it: a retry moves it. Rows queued before this migration
-- take the time it ran (their age is then counted from there, never overstated).
ALTER TABLE "MailMessage" ADD COLUMN "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Read at every scrape: the oldest row of each status is the index's first entry for it.
CREATE INDEX "MailMessage_status_queuedAt_idx" ON "MailMessage"("status", "queuedAt");
