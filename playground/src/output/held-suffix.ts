/**
 * Pure: how much of a chunk's end must wait for the next chunk. A text searched for in a stream
 * (a path prefix, a marker line) can arrive split across two chunks; the end of a chunk that
 * could be the beginning of it is held back until the next chunk says whether it is.
 */

/** Returns the length of the longest end of text that is a proper beginning of needle (0 when none). */
export function heldSuffixLength(text: string, needle: string): number {
  for (let n = Math.min(text.length, needle.length - 1); n > 0; n--) {
    if (text.endsWith(needle.slice(0, n))) return n;
  }
  return 0;
}
