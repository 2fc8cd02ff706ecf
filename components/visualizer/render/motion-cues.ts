/**
 * Which narration keys stand for a motion the state alone cannot show: a compare-and-swap that failed
 * (the word is unchanged, so only the attempt can be drawn) and a lock passed directly from one
 * goroutine to another. Pure; the sentences stay the models' own.
 */
import type { Narration } from '../models/types.ts';

/** A motion cue read from one narration sentence. */
export type Cue = { kind: 'casFailed'; word: string } | { kind: 'handoff'; from: string; to: string };

/**
 * Narration keys of a failed atomic.CompareAndSwapInt32(&m.state, …) in Go 1.24+
 * src/internal/sync/mutex.go: Lock's fast path (line 63 in Go 1.26), lockSlow's CAS (140) and
 * unlockSlow's (220). TryLock's refusal is not here: it returns false after a plain load, without a CAS.
 * (Go 1.24–1.26 agree; before 1.24 the same code was in src/sync/mutex.go.)
 */
const CAS_FAILED: Record<string, string> = {
  'mutex.fastpath.failed': 'm.state',
  'mutex.cas.failed': 'm.state',
  'mutex.unlock.casFailed': 'm.state',
};

/**
 * Narration keys of a lock handed over, with the params naming giver and taker: unlockSlow's
 * starvation-mode runtime_Semrelease(&m.sema, true, 2) (mutex.go line 232 in Go 1.26; semrelease1 in
 * src/runtime/sema.go gives the waiter the count, `s.ticket = 1`), and the RWMutex model's writer
 * mutex `w` passed to the next writer in line.
 */
const HANDOFF: Record<string, { from: string; to: string }> = {
  'mutex.semrelease.handoff': { from: 'g', to: 'woken' },
  'rw.unlock.w': { from: 'g', to: 'next' },
};

/** The cue of one narration sentence, or null. */
export function cueOf(n: Narration): Cue | null {
  const word = CAS_FAILED[n.key];
  if (word) return { kind: 'casFailed', word };
  const h = HANDOFF[n.key];
  if (!h) return null;
  const from = n.params[h.from];
  const to = n.params[h.to];
  return typeof from === 'string' && typeof to === 'string' && from && to
    ? { kind: 'handoff', from, to }
    : null;
}
