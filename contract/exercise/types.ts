/**
 * A loaded, validated exercise as the server holds it: everything, hidden tests and the solution
 * included. Only public.ts may turn it into something for the browser.
 */
import type { RunStatus } from '../run.ts';
import type { Difficulty, Locale } from '../grade.ts';

/** A text in every locale of the course. */
export type LocalizedText = Record<Locale, string>;

/** One graded test: its name as `go test` reports it, its weight, and whether its source is hidden. */
export interface TestRule {
  name: string;
  weight: number;
  hidden: boolean;
}

/** How a submission is graded. */
export interface GradingRules {
  race: boolean;
  /** Runs of the test binary per grade; the first one that does not pass decides. */
  count: number;
  /** The reference solution's test run must fit in this (checked by check:exercises). */
  timeBudgetMs: number;
  /** Visible tests first, then hidden ones, each in the order of exercise.json. */
  tests: TestRule[];
}

/** What check:exercises expects of the starter and how often it grades the solution. */
export interface CheckRules {
  starter: { status: RunStatus[]; failing: string[] };
  repeats: number;
}

/** File name → content of one flat folder. */
export type Files = Record<string, string>;

export interface Exercise {
  id: string;
  /** The folder, for messages. */
  dir: string;
  title: LocalizedText;
  chapter: string;
  difficulty: Difficulty;
  /** The oldest Go that builds it ("1.25"); absent: every Go the course supports. */
  go?: string;
  objective: LocalizedText;
  statement: LocalizedText;
  hints: LocalizedText[];
  explanation: LocalizedText;
  /** starter/: the learner's files plus go.mod. */
  starter: Files;
  /** Starter names the learner may send (every starter file but go.mod). */
  editable: string[];
  /** tests/: visible _test.go files. */
  tests: Files;
  /** hidden/: _test.go files that never leave the server. */
  hidden: Files;
  /** solution/: reference versions of some editable files. */
  solution: Files;
  grading: GradingRules;
  check: CheckRules;
}
