/**
 * English narration of the sync.Cond model: one template per narration key. Its keys are the model's
 * key union (CondKey); narration-zh.ts must have exactly the same keys.
 */
import { n, s, type P, type Template } from '../../i18n/format.ts';

/** What Wait's caller does once Wait returns, by the code around it. */
const after = (p: P): string =>
  p.loop === 'for'
    ? 'the for loop checks the condition again.'
    : p.loop === 'if'
      ? 'the if does not check again: the goroutine goes on as if the condition held.'
      : 'the goroutine goes on.';

/** Templates by narration key. */
export const NARRATION_EN = {
  'cond.lock': (p) => `${s(p.g)}: mu.Lock() takes the free lock.`,
  'cond.lock.blocked': (p) =>
    `${s(p.g)}: mu.Lock(): ${s(p.holder)} holds it, so ${s(p.g)} queues and parks [sync.Mutex.Lock].`,
  'cond.unlock': (p) => `${s(p.g)}: mu.Unlock(); nobody is queued, the lock is free.`,
  'cond.unlock.handoff': (p) =>
    `${s(p.g)}: mu.Unlock() hands the lock to ${s(p.to)}, the first in its queue.`,
  'cond.fatal': (p) =>
    `${s(p.g)}: fatal error: ${s(p.message)} (Wait unlocks c.L, which this goroutine never locked).`,
  'cond.panic': (p) => `${s(p.g)}: panic: ${s(p.message)}`,
  'cond.check.empty': (p) =>
    `${s(p.g)}: the ${s(p.loop)} condition finds the state empty (0), so ${s(p.g)} calls c.Wait().`,
  'cond.check.ready': (p) =>
    `${s(p.g)}: the ${s(p.loop)} condition finds the state ready (${s(p.n)}); no Wait.`,
  'cond.add': (p) =>
    `${s(p.g)}: Wait: t := notifyListAdd() takes ticket ${s(p.t)} (notify.wait is now ${s(p.wait)}). It still holds mu and has not parked.`,
  'cond.wait.unlock': (p) =>
    `${s(p.g)}: Wait: c.L.Unlock(); the lock is free. Its ticket is taken, it parks next.`,
  'cond.wait.unlock.handoff': (p) =>
    `${s(p.g)}: Wait: c.L.Unlock() hands the lock to ${s(p.to)}. Its ticket is taken, it parks next.`,
  'cond.park': (p) =>
    `${s(p.g)}: notifyListWait(${s(p.t)}): ticket ${s(p.t)} is not yet notified (notify = ${s(p.notify)}); it joins the notify list and parks [sync.Cond.Wait].`,
  'cond.park.notified': (p) =>
    `${s(p.g)}: notifyListWait(${s(p.t)}): less(${s(p.t)}, notify = ${s(p.notify)}): a Signal came between its ticket and now, so it returns without parking.`,
  'cond.relock': (p) => `${s(p.g)}: Wait: c.L.Lock() takes the lock again and Wait returns; ${after(p)}`,
  'cond.signal.lost': (p) =>
    `${s(p.g)}: c.Signal(): wait == notify == ${s(p.wait)}: no ticket is waiting, so the signal does nothing and is not remembered.`,
  'cond.signal.wake': (p) =>
    `${s(p.g)}: c.Signal() notifies ticket ${s(p.t)} (notify = ${s(p.notify)}) and readies ${s(p.to)}, which must lock mu again.`,
  'cond.signal.window': (p) =>
    `${s(p.g)}: c.Signal() notifies ticket ${s(p.t)} (notify = ${s(p.notify)}). ${s(p.to)} holds that ticket but has not parked yet: nothing to ready now, and ${s(p.to)} will not park.`,
  'cond.broadcast.none': (p) =>
    `${s(p.g)}: c.Broadcast(): wait == notify == ${s(p.wait)}: nobody waits; nothing happens.`,
  'cond.broadcast': (p) =>
    `${s(p.g)}: c.Broadcast() notifies every ticket below ${s(p.notify)} and readies ${n(p.count) === 0 ? 'no parked goroutine' : `${s(p.woken)}, in the order they parked`}.`,
  'cond.work': (p) => `${s(p.g)} runs one step of ordinary code.`,
  'cond.put': (p) => `${s(p.g)} makes the state ready (${s(p.n)}).`,
  'cond.take': (p) => `${s(p.g)} takes one item (${s(p.n)} left).`,
  // Scheduler button labels: what the goroutine's next step does.
  'cond.label.lock': () => 'mu.Lock',
  'cond.label.unlock': () => 'mu.Unlock',
  'cond.label.check': () => 'check the condition',
  'cond.label.add': () => 'Wait: take a ticket',
  'cond.label.waitUnlock': () => 'Wait: unlock mu',
  'cond.label.park': () => 'Wait: park',
  'cond.label.relock': () => 'Wait: lock again',
  'cond.label.signal': () => 'Signal',
  'cond.label.broadcast': () => 'Broadcast',
  'cond.label.put': () => 'make ready',
  'cond.label.take': () => 'take an item',
  'cond.label.work': () => 'work',
} satisfies Record<string, Template>;

/** A narration key of the sync.Cond model. */
export type CondKey = keyof typeof NARRATION_EN;
