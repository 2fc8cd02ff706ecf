/**
 * The one lookup of learner-facing UI strings: every area's table (one file per area in strings/) merged into one
 * registry, and t() over the union of their keys, so a wrong key is a TypeScript error. Each area
 * prefixes its keys (pg., ex., grade., lab., pr., quiz., viz., home., api., err., tl.); tests/unit/ui-strings.test.ts
 * asserts that no key is in two areas, so merging loses nothing.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */
import { fill } from './fill.ts';
import { LOCALES, type Locale } from './locale.ts';
import { API_STRINGS, type ApiKey } from './strings/api.ts';
import { ERROR_STRINGS, type ErrorKey } from './strings/errors.ts';
import { EXERCISE_STRINGS, type ExerciseKey } from './strings/exercise.ts';
import { GRADING_STRINGS, type GradingKey } from './strings/grading.ts';
import { HOME_STRINGS, type HomeKey } from './strings/home.ts';
import { LAB_STRINGS, type LabKey } from './strings/labs.ts';
import { PLAYGROUND_STRINGS, type PlaygroundKey } from './strings/playground.ts';
import { PROGRESS_STRINGS, type ProgressKey } from './strings/progress.ts';
import { QUIZ_STRINGS, type QuizKey } from './strings/quiz.ts';
import { TIMELINE_STRINGS, type TimelineKey } from './strings/timeline.ts';
import { VIZ_STRINGS, type VizKey } from './strings/visualizer.ts';

export type {
  ApiKey,
  ErrorKey,
  ExerciseKey,
  GradingKey,
  HomeKey,
  LabKey,
  PlaygroundKey,
  ProgressKey,
  QuizKey,
  TimelineKey,
  VizKey,
};

/** Any UI string key of any area. */
export type UiKey =
  | PlaygroundKey
  | ExerciseKey
  | GradingKey
  | LabKey
  | ProgressKey
  | QuizKey
  | VizKey
  | HomeKey
  | ApiKey
  | ErrorKey
  | TimelineKey;

/** Each area's table, by area name (the tests check them one by one and against each other). */
export const AREAS = {
  playground: PLAYGROUND_STRINGS,
  exercise: EXERCISE_STRINGS,
  grading: GRADING_STRINGS,
  labs: LAB_STRINGS,
  progress: PROGRESS_STRINGS,
  quiz: QUIZ_STRINGS,
  visualizer: VIZ_STRINGS,
  home: HOME_STRINGS,
  api: API_STRINGS,
  errors: ERROR_STRINGS,
  timeline: TIMELINE_STRINGS,
} as const;

function merged(locale: Locale): Record<UiKey, string> {
  return Object.assign({}, ...Object.values(AREAS).map((area) => area[locale])) as Record<UiKey, string>;
}

/** Every UI string of every area, by locale. */
export const STRINGS = Object.fromEntries(LOCALES.map((l) => [l, merged(l)])) as Record<
  Locale,
  Record<UiKey, string>
>;

/** Returns the string for key in locale with {params} filled in. */
export function t(locale: Locale, key: UiKey, params: Record<string, string | number> = {}): string {
  return fill(STRINGS[locale][key], params);
}

/** Whether key is a UI string key (for keys built from a server's code). */
export function isUiKey(key: string): key is UiKey {
  return Object.hasOwn(STRINGS.en, key);
}
