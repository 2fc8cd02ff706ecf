/**
 * Test-only: finds English sentences in text shown to a Chinese reader. What counts: three English
 * words in a row (two or more letters each, joined by spaces or commas) — a sentence or a phrase
 * of ours, not an identifier (sync.Mutex.Lock, TestTransfer), a path or file:line (bank.go:45), a
 * number or a status code. What is not ours is left out first: lines a Go test printed about itself
 * (`counter_test.go:31: got 990, want 1000`), which are the test's words in every locale.
 */

/** Three English words in a row. */
export const ENGLISH_RUN = /\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b/;

/** A line a Go test printed with t.Error/t.Log and friends: `name_test.go:12: …` (indent allowed). */
export const GO_TEST_LINE = /^\s*[\w.-]+_test\.go:\d+: /;

/** Returns each English run found in text, line by line, leaving out lines that match `allowed`. */
export function englishSentences(text: string, allowed: readonly RegExp[] = [GO_TEST_LINE]): string[] {
  return text
    .split('\n')
    .filter((line) => !allowed.some((pattern) => pattern.test(line)))
    .flatMap((line) => ENGLISH_RUN.exec(line)?.[0] ?? []);
}
