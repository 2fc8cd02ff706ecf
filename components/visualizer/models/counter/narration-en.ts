/**
 * English narration of the counter model: one template per narration key. Its keys are the model's
 * key union (CounterKey); narration-zh.ts must have exactly the same keys.
 */
import { s, type Template } from '../../i18n/format.ts';

/** Templates by narration key. */
export const NARRATION_EN = {
  'counter.lock.blocked': (p) => `${s(p.g)} blocks in mu.Lock(): ${s(p.holder)} holds it.`,
  'counter.lock': (p) => `${s(p.g)} locks mu.`,
  'counter.load': (p) => `${s(p.g)} loads counter = ${s(p.value)} into its register.`,
  'counter.add': (p) => `${s(p.g)} adds 1 in its register: ${s(p.value)}.`,
  'counter.store.lost': (p) =>
    `${s(p.g)} stores ${s(p.value)}, overwriting another goroutine's increment: an update is lost.`,
  'counter.store': (p) => `${s(p.g)} stores counter = ${s(p.value)}.`,
  'counter.unlock': (p) =>
    `${s(p.g)} unlocks mu${p.woken ? `; ${s(p.woken).split(',').join(', ')} may try again` : ''}.`,
  'counter.atomic': (p) =>
    `${s(p.g)} runs atomic.AddInt64(&counter, 1): counter = ${s(p.value)} in one step.`,
  // Scheduler button labels: what the goroutine's next step does.
  'counter.label.lock': () => 'lock',
  'counter.label.load': () => 'load',
  'counter.label.add': () => 'add',
  'counter.label.store': () => 'store',
  'counter.label.unlock': () => 'unlock',
  'counter.label.atomicAdd': () => 'atomicAdd',
} satisfies Record<string, Template>;

/** A narration key of the counter model. */
export type CounterKey = keyof typeof NARRATION_EN;
