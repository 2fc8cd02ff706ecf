/**
 * "Predict the state" levels: which number the learner must produce, read from the model state
 * after the level's script, and how a learner's bit or reader inputs turn into that number.
 */
import type { CounterState } from '../models/counter/counter.ts';
import type { MutexState } from '../models/mutex/mutex.ts';
import { rwmutexMaxReaders, type RWMutexState } from '../models/rwmutex/rwmutex.ts';
import type { WaitGroupState } from '../models/waitgroup/waitgroup.ts';
import type { PredictField, Scenario } from './types.ts';

/** The true value of the level's field in `state`. */
export function predictedValue(s: Scenario, state: unknown): number | null {
  const field: PredictField | undefined = s.level?.predict?.field;
  switch (field) {
    case 'word':
      return (state as MutexState).word;
    case 'readerCount':
      return (state as RWMutexState).readerCount;
    case 'readerWait':
      return (state as RWMutexState).readerWait;
    case 'counter':
      return (state as CounterState | WaitGroupState).counter;
    case 'waiters':
      return (state as WaitGroupState).waiters;
    default:
      return null;
  }
}

/** A state word from the learner's bit toggles (index 0 = bit 0). */
export function wordFromBits(bits: readonly boolean[]): number {
  return bits.reduce((w, on, i) => (on ? w | (1 << i) : w), 0);
}

/** readerCount from the learner's "active readers" and "writer pending" inputs. */
export function readerCountFrom(readers: number, writerPending: boolean): number {
  return readers - (writerPending ? rwmutexMaxReaders : 0);
}
