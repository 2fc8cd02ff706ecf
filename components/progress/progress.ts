/**
 * The learner's progress, kept in the browser (no account): exercise attempts, passes, hints used
 * and last code; chapters read; quiz answers; visualizer levels; the last page visited. One
 * document in localStorage under `lockstep:progress:v1`, changed only through the pure update
 * functions below, exported and imported as JSON.
 * N.B. BROWSER CODE (pure functions; the storage adapter is injected so tests run in Node).
 */

export const PROGRESS_KEY = 'lockstep:progress:v1';
export const PROGRESS_VERSION = 1;

export interface ExerciseProgress {
  attempts: number;
  passed: boolean;
  bestScore: number;
  maxScore: number;
  hintsUsed: number;
  solutionShown: boolean;
  lastCode: Record<string, string>;
  updatedAt: string;
}

export interface QuizProgress {
  correct: boolean;
  answeredAt: string;
}

export interface Progress {
  version: number;
  exercises: Record<string, ExerciseProgress>;
  /** Chapter path (locale-neutral, e.g. "/locks/production-lockup/") → when it was read to the end. */
  chapters: Record<string, { readAt: string }>;
  quizzes: Record<string, QuizProgress>;
  /** Visualizer levels (components/visualizer/progress.ts writes the same section). */
  /** `moves`/`star`: a break level's fewest winning moves and whether that was at par; `tried`: a predict level's one counted answer. */
  /** `hints`: how many hints were shown (any gives up the star); `spin`: the GOMAXPROCS choice of the best win. */
  visual: Record<
    string,
    {
      won: boolean;
      at: string;
      moves?: number;
      star?: boolean;
      tried?: boolean;
      hints?: number;
      spin?: string;
    }
  >;
  /** The last lesson opened, for "continue where you left off". */
  last: { path: string; title: string; at: string } | null;
}

/** Returns an empty document. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, exercises: {}, chapters: {}, quizzes: {}, visual: {}, last: null };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** What is wrong with an imported file, as facts the page words (pr.import.problem.*). */
export type ImportProblem =
  | { code: 'not_json' }
  | { code: 'not_export' }
  | { code: 'version'; found: string; expected: number }
  | { code: 'field'; field: string; rule: FieldRule };

/** What an entry of the file must be. */
export type FieldRule = 'object' | 'whole_number' | 'number' | 'boolean' | 'date' | 'file_map' | 'last';

const bad = (field: string, rule: FieldRule): ImportProblem => ({ code: 'field', field, rule });

function checkExercise(id: string, v: unknown): ImportProblem | null {
  const at = `exercises.${id}`;
  if (!isObject(v)) return bad(at, 'object');
  for (const k of ['attempts', 'hintsUsed'] as const)
    if (!isCount(v[k])) return bad(`${at}.${k}`, 'whole_number');
  for (const k of ['bestScore', 'maxScore'] as const)
    if (typeof v[k] !== 'number' || v[k] < 0) return bad(`${at}.${k}`, 'number');
  for (const k of ['passed', 'solutionShown'] as const)
    if (typeof v[k] !== 'boolean') return bad(`${at}.${k}`, 'boolean');
  if (!isObject(v.lastCode) || !Object.values(v.lastCode).every((c) => typeof c === 'string'))
    return bad(`${at}.lastCode`, 'file_map');
  if (!isIso(v.updatedAt)) return bad(`${at}.updatedAt`, 'date');
  return null;
}

/** Returns the document if value is a valid progress export, or what is wrong with it. */
export function parseProgress(
  value: unknown,
): { ok: true; progress: Progress } | { ok: false; problem: ImportProblem } {
  const problem = progressProblem(value);
  if (problem) return { ok: false, problem };
  const doc = value as unknown as Progress;
  return { ok: true, progress: { ...doc, last: doc.last ?? null } };
}

function progressProblem(value: unknown): ImportProblem | null {
  if (!isObject(value)) return { code: 'not_export' };
  if (value.version !== PROGRESS_VERSION)
    return { code: 'version', found: String(value.version), expected: PROGRESS_VERSION };
  for (const section of ['exercises', 'chapters', 'quizzes', 'visual'] as const) {
    if (!isObject(value[section])) return bad(section, 'object');
  }
  for (const [id, e] of Object.entries(value.exercises as Record<string, unknown>)) {
    const problem = checkExercise(id, e);
    if (problem) return problem;
  }
  for (const [path, c] of Object.entries(value.chapters as Record<string, unknown>)) {
    if (!isObject(c) || !isIso(c.readAt)) return bad(`chapters.${path}.readAt`, 'date');
  }
  for (const [id, q] of Object.entries(value.quizzes as Record<string, unknown>)) {
    if (!isObject(q) || typeof q.correct !== 'boolean') return bad(`quizzes.${id}.correct`, 'boolean');
    if (!isIso(q.answeredAt)) return bad(`quizzes.${id}.answeredAt`, 'date');
  }
  for (const [id, r] of Object.entries(value.visual as Record<string, unknown>)) {
    if (!isObject(r) || typeof r.won !== 'boolean') return bad(`visual.${id}.won`, 'boolean');
    if (!isIso(r.at)) return bad(`visual.${id}.at`, 'date');
    if (r.moves !== undefined && !isCount(r.moves)) return bad(`visual.${id}.moves`, 'whole_number');
    if (r.hints !== undefined && !isCount(r.hints)) return bad(`visual.${id}.hints`, 'whole_number');
    for (const flag of ['star', 'tried'] as const)
      if (r[flag] !== undefined && typeof r[flag] !== 'boolean')
        return bad(`visual.${id}.${flag}`, 'boolean');
  }
  const last = value.last;
  const lastOk =
    last === null ||
    last === undefined ||
    (isObject(last) && typeof last.path === 'string' && typeof last.title === 'string' && isIso(last.at));
  return lastOk ? null : bad('last', 'last');
}

function exercise(p: Progress, id: string, now: Date): ExerciseProgress {
  return (
    p.exercises[id] ?? {
      attempts: 0,
      passed: false,
      bestScore: 0,
      maxScore: 0,
      hintsUsed: 0,
      solutionShown: false,
      lastCode: {},
      updatedAt: now.toISOString(),
    }
  );
}

function withExercise(
  p: Progress,
  id: string,
  now: Date,
  change: (e: ExerciseProgress) => Partial<ExerciseProgress>,
): Progress {
  const e = exercise(p, id, now);
  return { ...p, exercises: { ...p.exercises, [id]: { ...e, ...change(e), updatedAt: now.toISOString() } } };
}

/** Records a graded attempt: the best score is kept, a pass is never undone. */
export function recordAttempt(
  p: Progress,
  id: string,
  r: { score: number; maxScore: number; passed: boolean; code: Record<string, string> },
  now = new Date(),
): Progress {
  return withExercise(p, id, now, (e) => ({
    attempts: e.attempts + 1,
    passed: e.passed || r.passed,
    bestScore: Math.max(e.bestScore, r.score),
    maxScore: r.maxScore,
    lastCode: r.code,
  }));
}

/** Records that the learner revealed hint number `shown` (1-based); counts only go up. */
export function recordHint(p: Progress, id: string, shown: number, now = new Date()): Progress {
  return withExercise(p, id, now, (e) => ({ hintsUsed: Math.max(e.hintsUsed, shown) }));
}

/** Remembers the code being edited (without counting an attempt). */
export function saveCode(p: Progress, id: string, code: Record<string, string>, now = new Date()): Progress {
  return withExercise(p, id, now, () => ({ lastCode: code }));
}

/** Records that the reference solution was shown. */
export function recordSolutionShown(p: Progress, id: string, now = new Date()): Progress {
  return withExercise(p, id, now, () => ({ solutionShown: true }));
}

/** Records a quiz answer; the first correct answer sticks. */
export function recordQuiz(p: Progress, id: string, correct: boolean, now = new Date()): Progress {
  const before = p.quizzes[id];
  if (before?.correct) return p;
  return { ...p, quizzes: { ...p.quizzes, [id]: { correct, answeredAt: now.toISOString() } } };
}

/** Records that a chapter was read to its end. */
export function markChapterRead(p: Progress, path: string, now = new Date()): Progress {
  if (p.chapters[path]) return p;
  return { ...p, chapters: { ...p.chapters, [path]: { readAt: now.toISOString() } } };
}

/** Remembers the last lesson opened. */
export function visit(p: Progress, path: string, title: string, now = new Date()): Progress {
  return { ...p, last: { path, title, at: now.toISOString() } };
}

/** Storage the progress lives in; localStorage in the browser. */
export type ProgressStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStore(): ProgressStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Reads the stored document, upgrading a partial one (e.g. only visualizer results) to the full shape. */
export function loadProgress(store: ProgressStore | null = browserStore()): Progress {
  try {
    const raw = store?.getItem(PROGRESS_KEY);
    if (!raw) return emptyProgress();
    const merged = { ...emptyProgress(), ...(JSON.parse(raw) as object), version: PROGRESS_VERSION };
    const parsed = parseProgress(merged);
    return parsed.ok ? parsed.progress : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

/** Writes the document; returns false when storage is full or blocked. */
export function storeProgress(p: Progress, store: ProgressStore | null = browserStore()): boolean {
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(p));
    return store !== null;
  } catch {
    return false;
  }
}

/** Applies one pure update to the stored document and returns the new one. */
export function updateProgress(
  change: (p: Progress) => Progress,
  store: ProgressStore | null = browserStore(),
): Progress {
  const next = change(loadProgress(store));
  storeProgress(next, store);
  window.dispatchEvent?.(new CustomEvent('lockstep:progress', { detail: next }));
  return next;
}
