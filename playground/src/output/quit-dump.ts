/**
 * Pure: a stopped program's stderr on the stream ends with the account the result gives, not
 * with the runtime's raw dump. When the sandbox stops a program with SIGQUIT (watchdog or time
 * limit), Go prints "SIGQUIT: quit" at the start of a line and then registers, runtime goroutines
 * and addresses; the result cuts all that (cutQuitDump) and carries the learner's goroutines and
 * a stop code instead, which the stream sends as a typed message after the text (learner-output.ts).
 * QuitDumpStream passes stderr through until that line, holds everything from it, and at the end
 * gives whatever of the result's stderr follows what was shown, so the terminal is never rewritten.
 */
import { SIGQUIT_LINE } from '../parsers/dump-text.ts';
import { heldSuffixLength } from './held-suffix.ts';

/** The mark as it is searched for: at the start of a line (the stream's start counts as one). */
const MARK = `\n${SIGQUIT_LINE}`;

export class QuitDumpStream {
  private held = '';
  /** The held text starts a line (nothing, or a newline, came before it). */
  private atLineStart = true;
  private dumping = false;
  private shown = '';

  /** Adds a chunk of stderr; returns the text that can be shown now. */
  push(chunk: string): string {
    if (this.dumping) return '';
    const text = this.held + chunk;
    const lead = this.atLineStart ? '\n' : '';
    const searched = lead + text;
    const at = searched.indexOf(MARK);
    if (at >= 0) {
      this.dumping = true;
      this.held = '';
      return this.show(searched.slice(lead.length, at + 1));
    }
    // The newline that may begin the mark ends the line before it: it is shown, what follows is held.
    const keep = Math.max(0, heldSuffixLength(searched, MARK) - 1);
    const now = text.slice(0, text.length - keep);
    this.held = text.slice(text.length - keep);
    if (now !== '') this.atLineStart = now.endsWith('\n');
    return this.show(now);
  }

  /**
   * Ends the stream; returns the rest to show: after a dump began, the part of the result's stderr
   * that follows what was shown (its account of the stop); otherwise what was held back.
   */
  end(resultStderr: string): string {
    const held = this.held;
    this.held = '';
    if (!this.dumping) return this.show(held);
    return resultStderr.startsWith(this.shown) ? this.show(resultStderr.slice(this.shown.length)) : '';
  }

  private show(text: string): string {
    this.shown += text;
    return text;
  }
}
