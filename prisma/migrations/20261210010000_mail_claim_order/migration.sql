-- Hand-written: the mail queue's claim (ADR 0028) takes the due rows in ("nextAttemptAt", id) order. A round's
-- calls to vote are all queued at the same moment, so on ("status", "nextAttemptAt") alone every claim had to
-- read and sort all of them to find its batch: 100,000 calls, 150 ms a claim, a call to vote of a large census
-- slower the deeper its queue. With id in the index a claim reads its batch and stops.
CREATE INDEX "MailMessage_status_nextAttemptAt_id_idx" ON "MailMessage"("status", "nextAttemptAt", "id");
DROP INDEX "MailMessage_status_nextAttemptAt_idx";
