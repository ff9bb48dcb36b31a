import type { CensusRule } from '~/generated/prisma/enums.ts';
import type { Tx } from '~/utils/db.server.ts';

/**
 * Freezes a round's census at its opening by the program's rule (ADR 0026), each entry with a private random salt
 * (two v4 UUIDs' hex: 244 random bits) and its leaf SHA-256(salt || memberId) (census.ts computes the same).
 * OPEN: verified members who joined before the round's date, as before issue 18. REGISTER: members whose verified
 * account is tied to a register entry in good standing on the opening date (not lapsed, membership running to
 * that day or later, or with no end date given). Returns the census size.
 */
export async function freezeCensus(
  tx: Tx,
  props: { roundId: string; rule: CensusRule; now: Date; joinedBefore: Date },
): Promise<number> {
  const { roundId, now } = props;
  if (props.rule === 'REGISTER') {
    return tx.$executeRaw`
      INSERT INTO "CensusEntry" (id, "roundId", "memberId", salt, leaf)
      SELECT gen_random_uuid()::text, ${roundId}, c.id, c.salt, encode(sha256(convert_to(c.salt || c.id, 'UTF8')), 'hex')
      FROM (
        SELECT m.id, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') AS salt
        FROM "Member" m JOIN "RegisterEntry" r ON r."memberId" = m.id
        WHERE m."emailVerifiedAt" IS NOT NULL AND m."emailVerifiedAt" <= ${now} AND r."lapsedAt" IS NULL
          AND (r."memberUntil" IS NULL OR r."memberUntil" >= (${now}::timestamptz AT TIME ZONE 'UTC')::date)
      ) c`;
  }
  return tx.$executeRaw`
    INSERT INTO "CensusEntry" (id, "roundId", "memberId", salt, leaf)
    SELECT gen_random_uuid()::text, ${roundId}, c.id, c.salt, encode(sha256(convert_to(c.salt || c.id, 'UTF8')), 'hex')
    FROM (
      SELECT id, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') AS salt FROM "Member"
      WHERE "emailVerifiedAt" IS NOT NULL AND "emailVerifiedAt" <= ${now} AND "createdAt" < ${props.joinedBefore}
    ) c`;
}

/** The commitment over a frozen census (census.ts's censusCommitment, computed where the leaves are). */
export async function commitmentOf(tx: Tx, roundId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ commitment: string }[]>`
    SELECT encode(sha256(convert_to(coalesce(string_agg(leaf || E'\\n', '' ORDER BY leaf COLLATE "C"), ''), 'UTF8')), 'hex')
      AS commitment
    FROM "CensusEntry" WHERE "roundId" = ${roundId}`;
  return row!.commitment;
}

/** Why a member is outside a REGISTER census, as the round page tells them (ADR 0026). */
export type OutsideRegister = { key: 'lapsed' } | { key: 'expired'; date: string } | { key: 'unlisted' };

/**
 * What a member sees of a frozen census: their receipt (salt and hash) when counted; else, under the REGISTER
 * rule, why not, read from their register entry against the opening.
 */
export async function censusForMember(
  db: Tx,
  props: { roundId: string; memberId: string; rule: CensusRule | null; openedAt: Date | null },
) {
  const entry = await db.censusEntry.findFirst({
    where: { roundId: props.roundId, memberId: props.memberId },
    select: { salt: true, leaf: true },
  });
  if (entry)
    return { inCensus: true, receipt: entry.salt && entry.leaf ? { salt: entry.salt, leaf: entry.leaf } : null };
  if (props.rule !== 'REGISTER' || !props.openedAt) return { inCensus: false, receipt: null };
  const listed = await db.registerEntry.findUnique({
    where: { memberId: props.memberId },
    select: { lapsedAt: true, memberUntil: true },
  });
  const openingDay = props.openedAt.toISOString().slice(0, 10);
  const until = listed?.memberUntil?.toISOString().slice(0, 10);
  const outside: OutsideRegister =
    listed?.lapsedAt && listed.lapsedAt <= props.openedAt
      ? { key: 'lapsed' }
      : until && until < openingDay
        ? { key: 'expired', date: until }
        : { key: 'unlisted' };
  return { inCensus: false, receipt: null, outside };
}
