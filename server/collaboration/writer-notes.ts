import { noteWriters } from '~/modules/live-text/storage.server.ts';
import { logger } from '~/utils/logger.server.ts';

/**
 * Who wrote in a live document (issue 17), kept at most every ten seconds per member: the record is per day, and a
 * failure only costs a name in a changelog, so it is logged and never holds a batch of changes back.
 */
export class WriterNotes {
  /** When each member's writing was last noted. */
  private readonly noted = new Map<string, number>();

  constructor(private readonly name: string) {}

  /** Notes the members who wrote a batch of changes (null: the server or the public), unless noted lately. */
  note(memberIds: Iterable<string | null | undefined>) {
    const now = Date.now();
    const members = new Set<string>();
    for (const id of memberIds) if (id && now - (this.noted.get(id) ?? 0) >= 10_000) members.add(id);
    if (!members.size) return;
    for (const id of members) this.noted.set(id, now);
    noteWriters(this.name, [...members]).catch((error: unknown) => {
      for (const id of members) this.noted.delete(id);
      logger.warn('collaboration: noting writers failed', { document: this.name, error });
    });
  }
}
