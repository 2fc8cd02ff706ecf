/**
 * What one step should look like in motion, decided without a DOM: given the facts on screen before
 * and after the step (each semaphore queue head first, each state word) and what the step said (its
 * narration keys and their facts), the list of animation intents. A goroutine that parked moves into
 * its queue at the place the model put it (the head when it queued LIFO, the tail when FIFO), one that
 * was woken or handed the lock moves out to its lane, the others in the queue slide along; a failed
 * CAS shakes the word, a changed word flips its bits one at a time (lowest first); a handoff draws
 * the lock passing from the unlocker to the waiter. motion.ts turns these into Web Animations.
 */
import type { Narration } from '../models/types.ts';
import { cueOf } from './motion-cues.ts';

/** What the renderer shows that can move: queues by semaphore name, words by name. */
export interface MotionFacts {
  queues: Record<string, readonly string[]>;
  words: Record<string, number>;
}

/** Where a goroutine entered a queue: the head (LIFO), the tail (FIFO) or an empty queue. */
export type QueueEnd = 'head' | 'tail' | 'only';

/**
 * One animation the step calls for. `phase` orders them: 0 what the stepping goroutine did (a CAS,
 * the handoff), 1 what followed from it (a goroutine parking or waking).
 */
export type Intent =
  | { kind: 'shake'; word: string; phase: 0 }
  | { kind: 'flip'; word: string; bits: number[]; phase: 0 }
  | { kind: 'handoff'; from: string; to: string; phase: 0 }
  | { kind: 'enter'; g: string; queue: string; index: number; end: QueueEnd; phase: 1 }
  | { kind: 'leave'; g: string; queue: string; phase: 1 }
  | { kind: 'shift'; g: string; queue: string; from: number; to: number; phase: 1 };

/** The bit indices (0 = lowest) in which two words differ, lowest first: the order they flip in. */
export function changedBits(before: number, after: number, width = 32): number[] {
  const diff = (before ^ after) >>> 0;
  return Array.from({ length: width }, (_, i) => i).filter((i) => ((diff >>> i) & 1) === 1);
}

function queueIntents(queue: string, before: readonly string[], after: readonly string[]): Intent[] {
  const out: Intent[] = [];
  for (const g of before) if (!after.includes(g)) out.push({ kind: 'leave', g, queue, phase: 1 });
  after.forEach((g, index) => {
    const was = before.indexOf(g);
    if (was >= 0) {
      if (was !== index) out.push({ kind: 'shift', g, queue, from: was, to: index, phase: 1 });
      return;
    }
    const end: QueueEnd = after.length === 1 ? 'only' : index === 0 ? 'head' : 'tail';
    out.push({ kind: 'enter', g, queue, index, end, phase: 1 });
  });
  return out;
}

/** The intents of one step, phase 0 first; empty when nothing that moves changed. */
export function planMotion(before: MotionFacts, after: MotionFacts, said: readonly Narration[]): Intent[] {
  const out: Intent[] = [];
  for (const n of said) {
    const cue = cueOf(n);
    if (cue?.kind === 'casFailed' && cue.word in after.words)
      out.push({ kind: 'shake', word: cue.word, phase: 0 });
    if (cue?.kind === 'handoff') out.push({ kind: 'handoff', from: cue.from, to: cue.to, phase: 0 });
  }
  for (const [word, value] of Object.entries(after.words)) {
    const was = before.words[word];
    if (was === undefined || was === value) continue;
    out.push({ kind: 'flip', word, bits: changedBits(was, value), phase: 0 });
  }
  for (const [queue, ids] of Object.entries(after.queues))
    out.push(...queueIntents(queue, before.queues[queue] ?? [], ids));
  return out;
}
