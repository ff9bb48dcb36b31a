import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * The census commitment (issue 18, ADR 0026), computed the same way by the database at the opening and by
 * anyone checking it: each entry's leaf is SHA-256(salt || memberId) over UTF-8 (salt: 64 hex characters, kept
 * private), the commitment SHA-256 of the leaves, sorted, each followed by a line feed. Pure: verify-tally and a
 * member holding their own salt need no database.
 */

const hex = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

/** One entry's salted hash, hex. */
export function censusLeaf(salt: string, memberId: string): string {
  return hex(salt + memberId);
}

/** The commitment over a census's leaves (in any order), hex; the empty census's is SHA-256 of nothing. */
export function censusCommitment(leaves: readonly string[]): string {
  return hex(
    [...leaves]
      .sort()
      .map((leaf) => `${leaf}\n`)
      .join(''),
  );
}
