import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { noticeRoundsSoon } from '../../app/modules/notifications/moderators.server.ts';
import { listNotifications } from '../../app/modules/notifications/notifications.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { admissibleAmendment, roundOn, SECTION_TEXT, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

/**
 * What the rounds' sweep locks, beside the ballots of a round's last minutes (ADR 0050). PostgreSQL only
 * (vitest.config.ts): it needs a second connection holding a lock, which the embedded database, one statement at a
 * time, never has.
 */
const database = setupTestDatabase();

describe("the rounds' sweep beside the ballots", () => {
  it('passes over a round already noticed without waiting for the ballots under way in it', async () => {
    const ctx = await votingProgram();
    const sectionId = ctx.sections[0]!;
    const { id } = await admissibleAmendment(ctx.slug, sectionId, SECTION_TEXT.replace('26', '23'), 'Less');
    const roundId = await roundOn(ctx, [id], {
      opensAt: new Date(Date.now() + 3600_000),
      closesAt: new Date(Date.now() + 2 * 3600_000),
    });
    await db().votingRound.update({ where: { id: roundId }, data: { status: 'OPEN' } });
    await noticeRoundsSoon();
    // A ballot under way holds a share of the round's row until it commits (ballots.server.ts).
    const ballot = new pg.Client({ connectionString: database.url });
    await ballot.connect();
    try {
      await ballot.query('BEGIN');
      await ballot.query('SELECT id FROM "VotingRound" WHERE id = $1 FOR SHARE', [roundId]);
      const sweep = noticeRoundsSoon().then(() => 'swept');
      const waited = new Promise((r) => setTimeout(() => r('still waiting'), 3000));
      expect(await Promise.race([sweep, waited])).toBe('swept');
    } finally {
      await ballot.query('COMMIT');
      await ballot.end();
    }
    const closing = (await listNotifications(ctx.moderator)).filter((n) => n.kind === 'MOD_ROUND_CLOSING');
    expect(closing.map((n) => n.path)).toContain(`/p/${ctx.slug}/rounds/${roundId}`);
    expect(new Set(closing.map((n) => n.path)).size).toBe(closing.length);
  });
});
