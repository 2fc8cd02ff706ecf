/**
 * Level results in localStorage under `lockstep:progress:v1`, shape
 * `{ visual: { [scenarioId]: { won: true, at: ISO date } } }`, kept to this one module so the
 * course-wide progress system can adopt it. Storage errors (private mode, quota) are ignored.
 * N.B. BROWSER CODE.
 */

/** The storage key. */
export const PROGRESS_KEY = 'lockstep:progress:v1';

/** One level's result. */
export interface VisualResult {
  won: boolean;
  at: string;
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

/** Records a win (a later loss never erases a win). */
export function recordWin(id: string, now = new Date(), store: Store | null = defaultStore()): void {
  const doc = readProgress(store);
  if (doc.visual?.[id]?.won) return;
  const next: ProgressDoc = { ...doc, visual: { ...doc.visual, [id]: { won: true, at: now.toISOString() } } };
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(next));
  } catch {
    // Full or blocked storage: the win still shows on the page, it just is not remembered.
  }
}
