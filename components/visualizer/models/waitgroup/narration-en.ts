/**
 * English narration of the waitgroup model: one template per narration key. Its keys are the
 * model's key union (WaitGroupKey); narration-zh.ts must have exactly the same keys.
 */
import { s, type P, type Template } from '../../i18n/format.ts';

/** The call as written in Go: `Done()` or `Add(2)`. */
const call = (p: P): string => (p.done ? 'Done()' : `Add(${s(p.delta)})`);

/** Templates by narration key. */
export const NARRATION_EN = {
  'wg.panic': (p) => `${s(p.g)}: panic: ${s(p.message)}`,
  'wg.add': (p) => `${s(p.g)}: ${call(p)} → counter = ${s(p.counter)}, waiters = ${s(p.waiters)}.`,
  'wg.release': (p) =>
    `${s(p.g)}: ${call(p)} → counter = 0 with ${s(p.waiters)} waiter(s): state reset to 0 and ${s(p.waiters)} waiter(s) released.`,
  'wg.work': (p) => `${s(p.g)} runs one step of ordinary code.`,
  'wg.wait.zero': (p) => `${s(p.g)}: Wait sees counter = 0 and returns at once.`,
  'wg.wait.register': (p) =>
    `${s(p.g)}: Wait sees counter = ${s(p.counter)} and registers as waiter ${s(p.waiters)}.`,
  'wg.wait.park': (p) => `${s(p.g)} parks [sync.WaitGroup.Wait].`,
  'wg.wait.return': (p) => `${s(p.g)}: Wait returns; everything before each Done happens before this point.`,
  // Scheduler button labels: what the goroutine's next step does.
  'wg.label.add': () => 'add',
  'wg.label.done': () => 'done',
  'wg.label.wait': () => 'wait',
  'wg.label.work': () => 'work',
} satisfies Record<string, Template>;

/** A narration key of the waitgroup model. */
export type WaitGroupKey = keyof typeof NARRATION_EN;
