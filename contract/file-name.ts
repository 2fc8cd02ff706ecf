/**
 * The one file-name rule and its one wording. The request schemas (run, grade, lab submissions),
 * the sandbox's own check before names become paths on the host, and the exercise loader all use
 * it. N.B. browser code may import this through the contracts: keep it free of Node APIs.
 */

/** Names a learner may give files: one flat directory, no leading dot or dash, four extensions. */
export const FILE_NAME_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}\\.(go|mod|sum|txt)$';

/** FILE_NAME_PATTERN as a RegExp. */
export const FILE_NAME = new RegExp(FILE_NAME_PATTERN);

/** The rule in words, for a name it refuses. */
export function fileNameMessage(name: string): string {
  return `File name "${name}" is not allowed: use letters, digits, "_", "-" and "." ending in .go, .mod, .sum or .txt, with no folders.`;
}
