/**
 * Compaction folds stored updates into the snapshot. Past COMPACT_AFTER updates or bytes it waits for the document
 * to be quiet for COMPACT_IDLE_MS: folding takes the database for tens of milliseconds, and everyone typing would
 * wait for it. Past COMPACT_FORCED it runs at once, busy or not, so that a cold load never replays more.
 */
export const COMPACTION = {
  afterUpdates: 200,
  afterBytes: 512 * 1024,
  idleMs: 1_000,
  forcedUpdates: 2_000,
  forcedBytes: 2 * 1024 * 1024,
};

/**
 * When a live document's stored updates are folded into its snapshot (one concern of LiveDocument): it counts
 * what was stored since the last snapshot, says whether compaction is due now or once the document is quiet, and
 * holds the quiet-time timer. The document runs the compaction itself, in its queue of stores.
 */
export class CompactionSchedule {
  private updates: number;
  private bytes = 0;
  private idle?: NodeJS.Timeout;

  /** @param updatesAtLoad updates stored beyond the snapshot when the document was loaded */
  constructor(updatesAtLoad: number) {
    this.updates = updatesAtLoad;
  }

  /** Counts an update stored (and applied) since the snapshot. */
  stored(bytes: number) {
    this.updates++;
    this.bytes += bytes;
  }

  /** Whether anything was stored since the snapshot: nothing to fold otherwise. */
  get pending(): boolean {
    return this.updates > 0;
  }

  /** `now` past the forced bounds, `idle` past the ordinary ones (once the document is quiet), else null. */
  due(): 'now' | 'idle' | null {
    if (this.updates >= COMPACTION.forcedUpdates || this.bytes >= COMPACTION.forcedBytes) return 'now';
    if (this.updates >= COMPACTION.afterUpdates || this.bytes >= COMPACTION.afterBytes) return 'idle';
    return null;
  }

  /** (Re)arms the quiet-time timer: `run` is called once no change came for COMPACTION.idleMs. */
  whenIdle(run: () => void) {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.idle = undefined;
      run();
    }, COMPACTION.idleMs);
    this.idle.unref();
  }

  /** Disarms the quiet-time timer: the compaction runs now instead, or not at all. */
  cancelIdle() {
    clearTimeout(this.idle);
    this.idle = undefined;
  }

  /** Counts from zero: the snapshot now holds everything stored. */
  compacted() {
    this.updates = 0;
    this.bytes = 0;
  }
}
