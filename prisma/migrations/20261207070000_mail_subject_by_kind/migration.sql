-- Hand-written: the mail queue's rows name their subject by kind. Calls and reminders name their round (ADR 0028),
-- a phase notice its program (ADR 0037), a moderators' digest neither (ADR 0035): the check of 20261207050000
-- ("a round or a program") was written before the digests joined the queue, and refused them.
ALTER TABLE "MailMessage" DROP CONSTRAINT "MailMessage_round_or_program";
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_subject_by_kind" CHECK (
  CASE "kind"
    WHEN 'PHASE_NOTICE' THEN "programId" IS NOT NULL AND "roundId" IS NULL
    WHEN 'MODERATION_DIGEST' THEN "programId" IS NULL AND "roundId" IS NULL
    ELSE "roundId" IS NOT NULL AND "programId" IS NULL
  END
);
