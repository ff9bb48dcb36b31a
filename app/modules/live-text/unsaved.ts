import * as Y from 'yjs';

/**
 * The text a member typed that the server did not store (issue 17): the characters of `local` that are not in the
 * state the server sent back (`stored`, its state vector), still shown (neither deleted since nor formatting), in
 * the order they were typed. A run of characters typed one after the other is one line; a new paragraph or a jump
 * elsewhere in the text starts another. Empty when everything typed was stored. Safe in the browser.
 */
export function unsavedText(local: Y.Doc, stored: Uint8Array): string {
  const { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(local, stored));
  const lines: string[] = [];
  let line = '';
  let next: { client: number; clock: number } | null = null;
  const endLine = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!(struct.content instanceof Y.ContentString)) {
      // A new paragraph, list item or heading (or formatting): what follows is another line.
      if (struct.content instanceof Y.ContentType) endLine();
      continue;
    }
    const follows =
      next !== null &&
      struct.origin !== null &&
      struct.origin.client === next.client &&
      struct.origin.clock === next.clock;
    if (!follows) endLine();
    line += struct.content.str;
    next = { client: struct.id.client, clock: struct.id.clock + struct.length - 1 };
  }
  endLine();
  return lines.join('\n');
}
