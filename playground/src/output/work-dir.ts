/**
 * Pure: the sandbox's source directory removed from paths, so learners see their own file names
 * ("main.go:12", not "/sandbox/src/main.go:12"), in the result and in the stream alike. On a
 * stream the prefix can be split across two chunks (a pipe read ends anywhere); WorkDirStream
 * holds back a chunk's end that may be the start of the prefix, so that the streamed text is
 * exactly stripWorkDir of the whole.
 */
import { SANDBOX_SRC } from '../sandbox/plan/bwrap-args.ts';
import { heldSuffixLength } from './held-suffix.ts';

/** What is removed: the source directory with its slash. */
export const WORK_DIR_PREFIX = `${SANDBOX_SRC}/`;

/** Returns text with the sandbox's source directory removed from paths. */
export function stripWorkDir(text: string): string {
  return text.replaceAll(WORK_DIR_PREFIX, '');
}

/** stripWorkDir over a stream of chunks. */
export class WorkDirStream {
  /** Raw text after the last removed prefix that may begin one. */
  private held = '';

  /** Adds a chunk; returns the text that can be shown now. */
  push(chunk: string): string {
    const text = this.held + chunk;
    let shown = '';
    let from = 0;
    for (let at = text.indexOf(WORK_DIR_PREFIX); at >= 0; at = text.indexOf(WORK_DIR_PREFIX, from)) {
      shown += text.slice(from, at);
      from = at + WORK_DIR_PREFIX.length;
    }
    // Only raw text is held: what a removal brought together is not searched again (as replaceAll).
    const tail = text.slice(from);
    const keep = heldSuffixLength(tail, WORK_DIR_PREFIX);
    this.held = tail.slice(tail.length - keep);
    return shown + tail.slice(0, tail.length - keep);
  }

  /** Ends the stream; returns what was held back. */
  end(): string {
    const rest = this.held;
    this.held = '';
    return rest;
  }
}
