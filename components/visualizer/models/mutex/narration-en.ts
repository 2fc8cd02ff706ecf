/**
 * English narration of the mutex model: one template per narration key. Its keys are the model's
 * key union (MutexKey); narration-zh.ts must have exactly the same keys. Go's own messages
 * (fatal error: …, wait reasons) are quoted as Go prints them.
 */
import { n, s, type Template } from '../../i18n/format.ts';
import type { Param } from '../types.ts';
import { activeSpin, describeMutexState } from './state.ts';

/** The state word as `9 [locked, waiters=1]`. */
export function w(v: Param | undefined): string {
  const d = describeMutexState(n(v));
  const flags = [d.locked && 'locked', d.woken && 'woken', d.starving && 'starving']
    .filter(Boolean)
    .join('|');
  return `${d.word} [${flags || 'unlocked'}, waiters=${d.waiters}]`;
}

/** Templates by narration key. */
export const NARRATION_EN = {
  'mutex.tick': (p) => `${s(p.ns)} ns pass (clock ${s(p.now)} ns).`,
  'mutex.fastpath.acquired': (p) =>
    `${s(p.g)} acquires the unlocked mutex with one CompareAndSwap (state 0 → 1).`,
  'mutex.fastpath.failed': (p) =>
    `${s(p.g)}: the fast-path CAS fails (state is ${w(p.word)}); it enters lockSlow.`,
  'mutex.trylock.ok': (p) => `${s(p.g)}: TryLock succeeds (state ${s(p.old)} → ${s(p.word)}).`,
  'mutex.trylock.fail': (p) =>
    `${s(p.g)}: TryLock returns false because ${p.starving ? 'the mutex is in starvation mode' : 'the mutex is locked'} (state ${w(p.word)}).`,
  'mutex.work': (p) => `${s(p.g)} runs one step of ordinary code.`,
  'mutex.unlock.fast': (p) => `${s(p.g)} unlocks: AddInt32(-1) leaves state 0, nobody to wake.`,
  'mutex.unlock.fatal': (p) => `${s(p.g)}: fatal error: ${s(p.message)}`,
  'mutex.throw.inconsistent': (p) => `${s(p.g)}: fatal error: ${s(p.message)}`,
  'mutex.unlock.slow': (p) =>
    `${s(p.g)} unlocks: state is now ${w(p.word)}, so it enters unlockSlow to maybe wake a waiter.`,
  'mutex.unlock.starving': (p) =>
    `${s(p.g)} unlocks in starvation mode (state ${w(p.word)}): it will hand the mutex directly to the first waiter.`,
  'mutex.spin.setWoken': (p) =>
    `${s(p.g)} sets the woken bit (state ${s(p.old)} → ${s(p.word)}) so Unlock will not wake a sleeper.`,
  'mutex.spin': (p) =>
    `${s(p.g)} spins (iteration ${s(p.iter)} of at most ${activeSpin}) and rereads state ${w(p.word)}.`,
  'mutex.new.computed': (p) => `${s(p.g)} computes new = ${w(p.new)} from old = ${w(p.old)}.`,
  'mutex.cas.failed': (p) => `${s(p.g)}: CAS fails (state changed to ${w(p.word)}); it retries the loop.`,
  'mutex.cas.acquired': (p) => `${s(p.g)}: CAS state ${s(p.old)} → ${s(p.word)} locks the mutex.`,
  'mutex.cas.queued': (p) => `${s(p.g)}: CAS state ${s(p.old)} → ${w(p.word)} registers it as a waiter.`,
  'mutex.sema.fast': (p) => `${s(p.g)} finds the semaphore already released and does not sleep.`,
  'mutex.sema.parked': (p) =>
    `${s(p.g)} parks on m.sema ${p.lifo ? 'at the front of the queue (LIFO: it was already woken once)' : 'at the back of the queue'}; its status is waiting [sync.Mutex.Lock].`,
  'mutex.sema.repark': (p) => `${s(p.g)} wakes but the semaphore count is gone; it parks again.`,
  'mutex.handoff.acquired': (p) =>
    `${s(p.g)} owns the handed-off mutex: AddInt32(${s(p.delta)}) takes state ${s(p.old)} → ${w(p.word)}.`,
  'mutex.starvation.exit': (p) =>
    `${s(p.g)} switches the mutex back to normal mode because ${p.starving ? 'it was the last waiter' : `it waited only ${s(p.waited)} ns (< 1 ms)`}.`,
  'mutex.wake': (p) =>
    `${s(p.g)} wakes up (normal mode, state ${w(p.word)}) and must compete for the mutex again.${p.becameStarving ? ` It waited ${s(p.waited)} ns (> 1 ms), so it is now starving.` : ''}`,
  'mutex.unlock.noWake': (p) => `${s(p.g)} leaves without waking anyone (state ${w(p.word)}).`,
  'mutex.unlock.grabWake': (p) =>
    `${s(p.g)} takes the right to wake a waiter: CAS state ${s(p.old)} → ${w(p.word)}.`,
  'mutex.unlock.casFailed': (p) => `${s(p.g)}: CAS fails (state is now ${w(p.word)}); it looks again.`,
  'mutex.semrelease.handoff': (p) =>
    `${s(p.g)} hands the mutex to ${s(p.woken)}: semrelease1 readies ${s(p.woken)} into this P's runnext slot and calls goyield, ${p.singleP ? `so on the single P nobody else runs before ${s(p.woken)}` : `so ${s(p.woken)} runs next on this P (other Ps keep running theirs)`}.`,
  'mutex.semrelease.wake': (p) => `${s(p.g)} wakes ${s(p.woken)}; ${s(p.woken)} does not own the mutex yet.`,
  'mutex.semrelease.none': (p) => `${s(p.g)} releases the semaphore; nobody is parked yet.`,
  // Scheduler button labels: what the goroutine's next step does.
  'mutex.label.lock': () => 'Lock: fast-path CAS',
  'mutex.label.unlock': () => 'Unlock: AddInt32(-1)',
  'mutex.label.tryLock': () => 'TryLock',
  'mutex.label.work': () => 'work',
  'mutex.label.loopTop': () => 'lockSlow: spin or compute new state',
  'mutex.label.cas': () => 'lockSlow: CAS old → new',
  'mutex.label.semacquire': () => 'runtime_SemacquireMutex',
  'mutex.label.woken': () => 'wake up after semacquire',
  'mutex.label.unlockSlow': () => 'unlockSlow: wake a waiter?',
  'mutex.label.semrelease': () => 'runtime_Semrelease',
} satisfies Record<string, Template>;

/** A narration key of the mutex model. */
export type MutexKey = keyof typeof NARRATION_EN;
