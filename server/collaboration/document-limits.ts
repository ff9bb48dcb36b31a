/**
 * What a client's change to a live document may be, before it is stored: no larger than the document may grow,
 * and (unless a benchmark turns it off) within the editor's schema (app/modules/live-text/schema-check.ts).
 */

/** The largest a live document may grow (a section's text is far smaller; this bounds abuse). */
export const DOCUMENT_LIMITS = { maxBytes: 4 * 1024 * 1024 };

/** A change that would make the document larger than DOCUMENT_LIMITS.maxBytes. */
export class DocumentTooLargeError extends Error {
  constructor() {
    super('document too large');
    this.name = 'DocumentTooLargeError';
  }
}

/**
 * Whether incoming updates are checked against the editor's schema before they are stored (issue 15). Always, but
 * for bench:collab, which measures the check by running with it and without it in the same run.
 */
export const SCHEMA_CHECK = { enabled: process.env.PLENUM_BENCH_SCHEMA_CHECK !== 'off' };
