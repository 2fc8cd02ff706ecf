/**
 * English narration of the sync.Once model: one template per narration key. Its keys are the model's
 * key union (OnceKey); narration-zh.ts must have exactly the same keys.
 */
import { s, type Template } from '../../i18n/format.ts';

/** Templates by narration key. */
export const NARRATION_EN = {
  'once.work': (p) => `${s(p.g)} runs one step of ordinary code.`,
  'once.fast.done': (p) => `${s(p.g)}: Do: o.done is set, so Do returns at once without calling f.`,
  'once.fast.slow': (p) => `${s(p.g)}: Do: o.done is not set, so it takes the slow path (doSlow).`,
  'once.lock': (p) => `${s(p.g)}: doSlow: o.m.Lock() takes the free lock.`,
  'once.lock.blocked': (p) =>
    `${s(p.g)}: doSlow: o.m.Lock(): ${s(p.holder)} holds it while f runs, so ${s(p.g)} queues and parks [sync.Mutex.Lock].`,
  'once.nested.blocked': (p) =>
    `${s(p.g)}: the nested Do's o.m.Lock(): ${s(p.g)} itself holds o.m and will only unlock it after f returns, which it never will. It parks [sync.Mutex.Lock].`,
  'once.check.done': (p) =>
    `${s(p.g)}: doSlow checks o.done again under the lock: another f already ran; it returns without calling f.`,
  'once.check.run': (p) =>
    `${s(p.g)}: doSlow checks o.done again under the lock: still not set, so ${s(p.g)} runs f.`,
  'once.f.work': (p) => `${s(p.g)} runs a statement of f.`,
  'once.f.panic': (p) =>
    `${s(p.g)}: f panics (${s(p.message)}); the deferred calls of doSlow run as the panic unwinds.`,
  'once.f.nested': (p) =>
    `${s(p.g)}: f calls once.Do again: o.done is not set yet (f has not returned), so the nested Do takes the slow path.`,
  'once.store': (p) => `${s(p.g)}: f returned; the deferred o.done.Store(true) sets done.`,
  'once.store.panic': (p) =>
    `${s(p.g)}: the deferred o.done.Store(true) runs even though f panicked: done is set, and f will never run again.`,
  'once.unlock': (p) => `${s(p.g)}: the deferred o.m.Unlock(); nobody waits.`,
  'once.unlock.handoff': (p) =>
    `${s(p.g)}: the deferred o.m.Unlock() hands o.m to ${s(p.to)}, which will find done set.`,
  'once.recovered': (p) =>
    `${s(p.g)}: the caller's deferred recover() stops the panic (${s(p.message)}); Do's caller goes on.`,
  'once.panic': (p) => `${s(p.g)}: panic: ${s(p.message)}`,
  'once.use': (p) => `${s(p.g)} uses ${s(p.name)}: the f that sets it has returned, so it is set.`,
  'once.use.early': (p) =>
    `${s(p.g)} uses ${s(p.name)} while ${s(p.runner)} is still running the f that sets it: ${s(p.g)} reads ${s(p.name)} before it is loaded.`,
  'once.use.unset': (p) => `${s(p.g)} uses ${s(p.name)}, but no f has returned to set it: it is not loaded.`,
  // The CAS-only Do that the comment in sync/once.go calls incorrect.
  'once.cas.won': (p) =>
    `${s(p.g)}: CAS-only Do: o.done.CompareAndSwap(false, true) succeeds, so done is set now, before f has run; ${s(p.g)} calls f.`,
  'once.cas.lost': (p) =>
    `${s(p.g)}: CAS-only Do: the CAS fails because done is already set, so Do returns at once, without waiting for ${s(p.runner)}'s f to finish.`,
  'once.cas.lost.after': (p) =>
    `${s(p.g)}: CAS-only Do: the CAS fails because done is already set, so Do returns at once; no f is running now.`,
  'once.cas.f.return': (p) => `${s(p.g)}: f returns, and the CAS-only Do returns with it.`,
  'once.cas.f.panic': (p) =>
    `${s(p.g)}: f panics (${s(p.message)}); the CAS already set done, so f will never run again.`,
  'once.cas.nested': (p) =>
    `${s(p.g)}: f calls once.Do again: its CAS fails (done is set), so it returns at once without calling f.`,
  // Scheduler button labels: what the goroutine's next step does.
  'once.label.work': () => 'work',
  'once.label.start': () => 'Do: load done',
  'once.label.lock': () => 'doSlow: lock o.m',
  'once.label.nested': () => 'nested Do: lock o.m',
  'once.label.check': () => 'doSlow: check done',
  'once.label.f': () => 'run f',
  'once.label.store': () => 'defer: set done',
  'once.label.unlock': () => 'defer: unlock o.m',
  'once.label.cas': () => 'Do: CAS done',
  'once.label.use': (p) => `use ${s(p.name)}`,
} satisfies Record<string, Template>;

/** A narration key of the sync.Once model. */
export type OnceKey = keyof typeof NARRATION_EN;
