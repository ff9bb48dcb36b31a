/**
 * Edit markers of bench:collab: each measured edit types ‹id› (a typist's index and sequence number in base 36),
 * so that a client counts the edits an update carries by scanning its bytes, without decoding it. ‹ is E2 80 B9
 * and › is E2 80 BA in UTF-8, and Yjs (v1 updates) stores strings as UTF-8.
 */

/** Counts the edit markers ‹[0-9a-z.]+› in `data` from `from` up to `to`, without decoding anything. */
export function countMarkers(data: Uint8Array, from: number, to = data.length): number {
  const isIdByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || b === 0x2e;
  let count = 0;
  for (let i = from; i + 2 < to; i++) {
    if (data[i] !== 0xe2 || data[i + 1] !== 0x80 || data[i + 2] !== 0xb9) continue; // ‹
    let j = i + 3;
    while (j < to && j < i + 20 && isIdByte(data[j]!)) j++;
    if (j > i + 3 && j + 2 < to && data[j] === 0xe2 && data[j + 1] === 0x80 && data[j + 2] === 0xba) {
      count++; // › closes it: one edit
      i = j + 2;
    }
  }
  return count;
}
