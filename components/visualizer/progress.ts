/**
 * Level results in localStorage under `lockstep:progress:v1`, shape
 * `{ visual: { [scenarioId]: { won, at, moves?, star?, tried?, hints?, spin? } } }`, kept to this one
 * module so the course-wide progress system can adopt it. Storage errors (private mode, quota) are ignored.
 * A break level keeps the fewest moves it was won in (and the spin environment of that win) and a star
 * once won at par without a hint: using a hint is recorded at once (`hints`, how many were shown) and
 * gives up the star for the level from then on (a star already earned stays). A predict level counts
 * only its first answer (`tried`), so a retry after a wrong answer or after Reveal wins nothing.
 * N.B. BROWSER CODE.
 */

/** The storage key. */
export const PROGRESS_KEY = 'lockstep:progress:v1';

/** One level's result. */
export interface VisualResult {
  won: boolean;
  at: string;
  /** Break levels: the fewest moves a win took. */
  moves?: number;
  /** Break levels: won in at most par moves. */
  star?: boolean;
  /** Predict levels: the one counted answer has been given (or the attempt ended by Reveal). */
  tried?: boolean;
  /** How many of the level's hints were shown; any at all gives up the star. */
  hints?: number;
  /** Break levels with spin choices: the GOMAXPROCS choice of the fewest-moves win (`2`, `2i`). */
  spin?: string;
}

/** The stored document (other sections belong to other parts of the course and are kept as they are). */
export interface ProgressDoc {
  visual?: Record<string, VisualResult>;
  [section: string]: unknown;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const defaultStore = (): Store | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

/** Reads the whole document; `{}` when missing or unreadable. */
export function readProgress(store: Store | null = defaultStore()): ProgressDoc {
  try {
    const raw = store?.getItem(PROGRESS_KEY);
    const doc: unknown = raw ? JSON.parse(raw) : {};
    return doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as ProgressDoc) : {};
  } catch {
    return {};
  }
}

/** The stored result of one level, if any. */
export function visualResult(id: string, store: Store | null = defaultStore()): VisualResult | null {
  return readProgress(store).visual?.[id] ?? null;
}

function write(store: Store | null, doc: ProgressDoc): void {
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(doc));
  } catch {
    // Full or blocked storage: the result still shows on the page, it just is not remembered.
  }
}

function put(id: string, result: VisualResult, store: Store | null): void {
  const doc = readProgress(store);
  write(store, { ...doc, visual: { ...doc.visual, [id]: result } });
}

/**
 * Records a break level won in `moves` moves (a later loss never erases a win): keeps the date of
 * the first win, the fewest moves (with the spin choice they were played in), and the star once
 * `moves` ≤ `par` in a win without any hint shown for the level.
 */
export function recordWin(
  id: string,
  win: { moves: number; par?: number; spin?: string },
  now = new Date(),
  store: Store | null = defaultStore(),
): void {
  const old = visualResult(id, store);
  const best = win.moves < (old?.moves ?? Infinity);
  const moves = best ? win.moves : old!.moves!;
  const unhinted = !old?.hints;
  const star = Boolean(old?.star) || (unhinted && win.par !== undefined && win.moves <= win.par);
  const spin = best ? win.spin : old?.spin;
  if (old?.won && old.moves === moves && Boolean(old.star) === star && old.spin === spin) return;
  const at = old?.won ? old.at : now.toISOString();
  put(id, { ...old, won: true, at, moves, star, ...(spin ? { spin } : {}) }, store);
}

/**
 * Records that `shown` hints of a level have been shown (the count only grows). From then on a win
 * of the level earns no star. Returns the stored count.
 */
export function recordHint(
  id: string,
  shown: number,
  now = new Date(),
  store: Store | null = defaultStore(),
): number {
  const old = visualResult(id, store);
  const hints = Math.max(shown, old?.hints ?? 0);
  if (old?.hints !== hints)
    put(id, { ...old, won: old?.won ?? false, at: old?.at ?? now.toISOString(), hints }, store);
  return hints;
}

/**
 * Records a predict level's answer if it is the first: the first answer (or Reveal, which ends
 * the attempt as not won) is the one that counts. Returns whether this answer counted.
 */
export function recordAnswer(
  id: string,
  right: boolean,
  now = new Date(),
  store: Store | null = defaultStore(),
): boolean {
  const old = visualResult(id, store);
  if (old?.tried || old?.won) return false;
  put(id, { ...old, won: right, at: now.toISOString(), tried: true }, store);
  return true;
}
