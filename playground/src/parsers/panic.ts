/**
 * `panic: …` output: an unrecovered panic, its message (which may span lines, and may be a chain
 * `panic: a [recovered]` / `\tpanic: b`), and the goroutine traceback that follows it.
 * The testing package's `-timeout` alarm is also a panic (`panic: test timed out after 2s`);
 * it is reported separately because it means "timeout", not "the code panicked".
 */
import { parseGoroutineDump, type ParsedGoroutine } from './goroutines.ts';

export interface PanicInfo {
  /** The panic value as printed, annotations like ` [recovered]` removed; last of a chain. */
  message: string;
  /** The `-timeout` alarm of a test binary, with its duration text (e.g. "2s"). */
  testTimeout: string | null;
  /** The goroutines of the traceback; the first is the one that panicked. */
  goroutines: ParsedGoroutine[];
}

const PANIC_LINE = /^panic: /m;
const GOROUTINE_HEADER = /^goroutine \d+ .*\]:\s*$/m;
const TEST_TIMEOUT = /^test timed out after (\S+)/;
/** Added by the runtime to a re-panicked value: ` [recovered]`, ` [recovered, repanicked]`. */
const ANNOTATION = / \[recovered(?:, repanicked)?\]$/;

/** Returns the message part: up to the `[signal …]` line or the blank line before the traceback. */
function messageOf(block: string): string {
  const lines = block.split(/\r?\n/);
  const kept: string[] = [];
  for (const line of lines) {
    if (line.startsWith('[signal ') || line.startsWith('goroutine ')) break;
    kept.push(line);
  }
  // A chain prints later panics as "\tpanic: …"; the last one is what killed the program.
  const text = kept.join('\n').trim();
  const chain = text.split(/\n\tpanic: /);
  const last = chain[chain.length - 1] ?? text;
  return last
    .split('\n')
    .map((l) => l.replace(ANNOTATION, ''))
    .join('\n')
    .trim();
}

/**
 * Returns the first unrecovered panic in the text, or null. A `panic: ` line counts only when a
 * goroutine traceback follows it, so a program merely printing "panic: " is not mistaken for one.
 */
export function detectPanic(stderr: string, workDir: string): PanicInfo | null {
  const start = PANIC_LINE.exec(stderr);
  if (!start) return null;
  const rest = stderr.slice(start.index);
  const header = GOROUTINE_HEADER.exec(rest);
  if (!header) return null;
  const message = messageOf(rest.slice('panic: '.length, header.index));
  const goroutines = parseGoroutineDump(rest.slice(header.index), workDir);
  const timeout = TEST_TIMEOUT.exec(message);
  return { message, testTimeout: timeout?.[1] ?? null, goroutines };
}
