import { noteWriters } from '~/modules/live-text/storage.server.ts';
import { logger } from '~/utils/logger.server.ts';

/** A member is noted again in a document at most this often: the record is per day, its last write approximate. */
const NOTE_EVERY_MS = 10_000;
/** How long notes gather before they go, in one statement for every document of the process. */
const GATHER_MS = 1_000;

/**
 * The notes waiting to be written, for every live document of the process: one statement a second at most,
 * whatever the number of documents and writers. Two hundred editors who start typing in the same second would
 * otherwise send two hundred statements at once, ahead of every page's session lookup on the same pool.
 */
export class WriterNoteQueue {
  private pending = new Map<string, { name: string; memberId: string; forget: () => void }>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: typeof noteWriters = noteWriters,
    private readonly gatherMs = GATHER_MS,
  ) {}

  /** Queues a note; `forget` is called if it could not be written, so that the next write notes it again. */
  add(name: string, memberId: string, forget: () => void) {
    this.pending.set(`${name} ${memberId}`, { name, memberId, forget });
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.gatherMs);
    this.timer.unref();
  }

  /** Writes what is queued now; resolves once it and any write under way are done (never rejects). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const notes = [...this.pending.values()];
    this.pending = new Map();
    if (notes.length) {
      this.writing = this.writing.then(() =>
        this.write(notes).catch((error: unknown) => {
          for (const note of notes) note.forget();
          logger.warn('collaboration: noting writers failed', { notes: notes.length, error });
        }),
      );
    }
    return this.writing;
  }
}

/** The process's queue (flushed by the collaboration server's close). */
export const writerNoteQueue = new WriterNoteQueue();

/**
 * Who wrote in one live document (issue 17), noted at most every ten seconds per member. A failure only costs a
 * name in a changelog, so it is logged and never holds a batch of changes back.
 */
export class WriterNotes {
  /** When each member's writing was last noted. */
  private readonly noted = new Map<string, number>();

  constructor(
    private readonly name: string,
    private readonly queue: WriterNoteQueue = writerNoteQueue,
  ) {}

  /** Notes the members who wrote a batch of changes (null: the server or the public), unless noted lately. */
  note(memberIds: Iterable<string | null | undefined>) {
    const now = Date.now();
    for (const id of memberIds) {
      if (!id || now - (this.noted.get(id) ?? 0) < NOTE_EVERY_MS) continue;
      this.noted.set(id, now);
      this.queue.add(this.name, id, () => this.noted.delete(id));
    }
  }
}
