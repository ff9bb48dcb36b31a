-- Hand-written: whether moderators were told of a round opening or closing is read at every rounds' sweep
-- (noticeRoundsSoon); without this it read the whole Notification table, while holding the round's row.
CREATE INDEX "Notification_roundId_kind_idx" ON "Notification"("roundId", "kind");
