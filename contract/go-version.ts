/**
 * Pure: Go versions as the course declares them (a minimum, "1.25") and as a Go reports itself
 * ("go1.24.6", "go1.26rc1", "devel go1.27-abc…"). Used by the content checkers, the tests that run
 * content, the API audit and the browser's "needs a newer Go" note, so all of them agree.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */

/** A declared minimum: a Go language version, major.minor (the form of go.mod's `go` line). */
export const GO_MINIMUM_PATTERN = '^1\\.(0|[1-9][0-9]*)$';

/** The oldest Go the course supports; a minimum at or below it says nothing. */
export const OLDEST_SUPPORTED_GO = '1.24';

export interface GoVersion {
  major: number;
  minor: number;
}

/** Returns the language version (major.minor) of a declared minimum or a Go's own version, or null. */
export function parseGoVersion(text: string | null | undefined): GoVersion | null {
  const m = /(?:^|\s|go)(\d+)\.(\d+)/.exec(text?.trim() ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** Negative when a is older than b, 0 for the same language version, positive when newer. */
export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  return a.major - b.major || a.minor - b.minor;
}

/**
 * Returns true when content that declares `minimum` cannot build with the Go that reported
 * `runner` (go1.24.6 runs content for 1.24 but not 1.25). False when either is absent or
 * unreadable: a runner whose Go is unknown is not said to be too old.
 */
export function needsNewerGo(minimum: string | null | undefined, runner: string | null | undefined): boolean {
  const want = parseGoVersion(minimum);
  const have = parseGoVersion(runner);
  return want !== null && have !== null && compareGoVersions(have, want) < 0;
}

/** Returns the Go's version as people write it: "1.24.6" for "go1.24.6", the text itself otherwise. */
export function shownGoVersion(runner: string): string {
  return /go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)/.exec(runner)?.[1] ?? runner.trim();
}

/**
 * For the content checkers and the tests (English, for authors; the browser words its own note
 * from the same facts): why content declaring `minimum` is skipped on this runner, or null when
 * the runner's Go can build it.
 */
export function skipReasonForGo(minimum: string | null | undefined, runner: string): string | null {
  return needsNewerGo(minimum, runner)
    ? `needs Go ${minimum} or later; this runner has Go ${shownGoVersion(runner)}`
    : null;
}
