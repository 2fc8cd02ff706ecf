/**
 * Pure: the text `go test -v` prints, recovered from the test2json stream the sandbox's test
 * binary writes (see test2json.ts for the event format). test2json's `output` events carry exactly
 * the -v text, framing included ("=== RUN   TestA", "--- PASS: TestA (0.00s)", "PASS", "ok"), so
 * the text of a stream is the concatenation of those fields. This module says which text a line
 * stands for; parseTestEvents builds the result's text with it, and TestTextStream turns the
 * stream into the same text chunk by chunk while the binary runs, so a learner sees the tests
 * as they happen and the result then says the same thing.
 */

/** The fields of a test2json event this project reads. */
export interface TestEvent {
  Time?: string;
  Action?: string;
  Test?: string;
  Output?: string;
  Elapsed?: number;
  ImportPath?: string;
  FailedBuild?: string;
}

/** Returns the event of one line, or null when the line is not a test2json event. */
export function parseEvent(line: string): TestEvent | null {
  if (!line.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && 'Action' in value ? (value as TestEvent) : null;
  } catch {
    return null;
  }
}

/** How every event line of the sandbox's test2json (-t) begins. */
const EVENT_START = '{"Time":"';

/**
 * The `Output` of an event line cut short (the output limit stops the binary mid-line; the cut is
 * followed by the sandbox's truncation marker): what was printed up to the cut, '' when the cut
 * came before it, or null when the line is no cut event. Every line test2json writes is a JSON
 * object, so a line that opens one with a key and does not parse was cut; its raw fragment would
 * put JSON in front of the learner.
 */
export function cutEventOutput(line: string): string | null {
  if (!line.startsWith('{"') && !EVENT_START.startsWith(line)) return null;
  const field = /"Action":"output"[^]*?"Output":"((?:[^"\\]|\\.)*)/.exec(line);
  if (!field) return '';
  // An escape cut in the middle ("\u00", "\") cannot be decoded; the characters before it can.
  const body = field[1]!.replace(/\\u[0-9a-fA-F]{0,3}$/, '');
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return '';
  }
}

/**
 * The -v text one line of the stream stands for: an output event's Output; nothing for the other
 * events (run, pass, fail; build-output: the compiler's text is shown from the build step); of an
 * event cut short, what it printed before the cut; a line that is no event at all (the sandbox's
 * truncation marker, anything else on the pipe) as it is. Blank lines carry nothing.
 */
export function lineText(line: string, event: TestEvent | null = parseEvent(line)): string {
  if (event === null) {
    if (line.trim() === '') return '';
    // A cut event ends where the truncation marker's newline begins, as a cut program line does.
    const cut = cutEventOutput(line);
    return cut === null ? `${line}\n` : `${cut}\n`;
  }
  return event.Action === 'output' ? (event.Output ?? '') : '';
}

/** Splits a stream into lines the way parseTestEvents reads it (LF or CRLF). */
export const LINE_BREAK = /\r?\n/;

/**
 * The -v text of a test2json stream, chunk by chunk: a JSON line may arrive in pieces, so the
 * text of a line is given once its newline has arrived, and the unfinished last line at the end.
 * Concatenating every piece gives parseTestEvents(stream).text.
 */
export class TestTextStream {
  private pending = '';

  /** Adds a chunk of the stream; returns the text of the lines it completed ('' when none). */
  push(chunk: string): string {
    const lines = (this.pending + chunk).split(LINE_BREAK);
    this.pending = lines.pop() ?? '';
    return lines.map((line) => lineText(line)).join('');
  }

  /** Ends the stream; returns the text of a last line that had no newline. */
  end(): string {
    const last = this.pending;
    this.pending = '';
    return lineText(last);
  }
}
