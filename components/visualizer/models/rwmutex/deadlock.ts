// Why an RWMutex program deadlocked, in learner terms: recursive RLock behind a pending writer,
// an RLock→Lock upgrade, or writers queued on w (see rwmutex.go's doc comment on recursive read locking).

import { teller, type Narration } from '../types.ts';
import type { RWMutexKey } from './narration-en.ts';
import type { RWMutexState } from './state.ts';

/** True when every unfinished goroutine is parked. */
export function rwmutexIsDeadlocked(state: RWMutexState): boolean {
  const live = state.goroutines.filter((g) => g.pc !== 'done');
  return !state.failure && live.length > 0 && live.every((g) => g.pc === 'parked');
}

/** Explains a deadlock in learner terms and classifies it (recursive RLock, RLock→Lock upgrade, other). */
export function explainRWDeadlock(
  state: RWMutexState,
): { kind: 'recursive-rlock' | 'lock-upgrade' | 'other'; narration: Narration<RWMutexKey>[] } | null {
  if (!rwmutexIsDeadlocked(state)) return null;
  const n: Narration<RWMutexKey>[] = [];
  const tell = teller<RWMutexKey>(n);
  let kind: 'recursive-rlock' | 'lock-upgrade' | 'other' = 'other';
  const pendingWriter = state.goroutines.find((g) => g.blockedOn === 'writerSem');
  for (const g of state.goroutines.filter((x) => x.pc === 'parked')) {
    if (g.blockedOn === 'readerSem') {
      if (g.readHeld > 0 && pendingWriter) kind = 'recursive-rlock';
      tell('rw.deadlock.reader', { g: g.id, writer: pendingWriter?.id ?? '', readHeld: g.readHeld });
    } else if (g.blockedOn === 'writerSem') {
      if (g.readHeld > 0 && kind === 'other') kind = 'lock-upgrade';
      const holders = state.goroutines.filter((x) => x.readHeld > 0).map((x) => x.id);
      tell('rw.deadlock.writer', { g: g.id, readers: holders.join(','), readerWait: state.readerWait });
    } else {
      tell('rw.deadlock.w', {
        g: g.id,
        holder: state.w.holder ?? '',
      });
    }
  }
  tell('rw.deadlock.summary', {});
  return { kind, narration: n };
}
