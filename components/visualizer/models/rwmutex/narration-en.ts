/**
 * English narration of the rwmutex model: one template per narration key. Its keys are the model's
 * key union (RWMutexKey); narration-zh.ts must have exactly the same keys. Go's own messages
 * (fatal error: …, wait reasons) are quoted as Go prints them.
 */
import { n, s, type Template } from '../../i18n/format.ts';
import type { Param } from '../types.ts';
import { describeReaderCount } from './state.ts';

/** readerCount as `2 − 2^30` while a writer is pending. */
const rc = (v: Param | undefined): string => describeReaderCount(n(v)).text;
/** A list param (comma-separated ids) as `G1, G2`. */
const list = (v: Param | undefined): string => s(v).split(',').join(', ');

/** Templates by narration key. */
export const NARRATION_EN = {
  'rw.rlock.pending': (p) =>
    `${s(p.g)}: RLock adds 1 → readerCount = ${rc(p.readerCount)} < 0: a writer is pending, so ${s(p.g)} must wait.`,
  'rw.rlock.ok': (p) => `${s(p.g)}: RLock adds 1 → readerCount = ${s(p.readerCount)}; it reads.`,
  'rw.rlock.parked': (p) => `${s(p.g)} parks on readerSem until the writer unlocks [sync.RWMutex.RLock].`,
  'rw.runlock.slow': (p) =>
    `${s(p.g)}: RUnlock → readerCount = ${rc(p.readerCount)} < 0: a writer is pending, take the slow path.`,
  'rw.runlock.ok': (p) => `${s(p.g)}: RUnlock → readerCount = ${s(p.readerCount)}.`,
  'rw.runlock.fatal': (p) => `${s(p.g)}: fatal error: ${s(p.message)}`,
  'rw.runlock.lastReader': (p) =>
    `${s(p.g)} is the last departing reader (readerWait = 0): it wakes the writer.`,
  'rw.runlock.departing': (p) =>
    `${s(p.g)} leaves; the writer still waits for ${s(p.readerWait)} reader(s) (readerWait = ${s(p.readerWait)}).`,
  'rw.lock.w': (p) => `${s(p.g)}: Lock takes the writer mutex w.`,
  'rw.lock.wBlocked': (p) =>
    `${s(p.g)}: Lock waits for writer mutex w (held by ${s(p.holder)}); status waiting [sync.Mutex.Lock].`,
  'rw.lock.announce': (p) =>
    `${s(p.g)} subtracts 2^30: readerCount = ${rc(p.readerCount)}. New readers will now block; ${s(p.r)} active reader(s) must leave.`,
  'rw.lock.acquired': (p) =>
    `${s(p.g)} subtracts 2^30: readerCount = ${rc(p.readerCount)}; no active readers, it owns the write lock.`,
  'rw.lock.readersGone': (p) =>
    `${s(p.g)}: readerWait += ${s(p.r)} gives 0: the readers already left; it owns the write lock.`,
  'rw.lock.wait': (p) =>
    `${s(p.g)}: readerWait = ${s(p.readerWait)}; it parks on writerSem until the last reader leaves [sync.RWMutex.Lock].`,
  'rw.lock.wHandoff': (p) => `${s(p.g)} now holds the writer mutex w.`,
  'rw.woken.readerSem': (p) => `${s(p.g)} wakes: the writer finished, its RLock returns.`,
  'rw.woken.writerSem': (p) => `${s(p.g)} wakes: all readers left, it owns the write lock.`,
  'rw.sema.repark': (p) =>
    `${s(p.g)} wakes but finds no count left on ${s(p.sem)} (another goroutine took it), so semacquire queues it again at the back and it parks once more.`,
  'rw.unlock.fatal': (p) => `${s(p.g)}: fatal error: ${s(p.message)}`,
  'rw.unlock.announce': (p) =>
    `${s(p.g)}: Unlock adds 2^30 back: readerCount = ${s(p.readerCount)} (${s(p.readerCount)} reader(s) were blocked).`,
  'rw.unlock.release': (p) =>
    `${s(p.g)} releases readerSem ${s(p.count)} time(s)${p.woken ? `, waking ${list(p.woken)}` : ''}.`,
  'rw.unlock.w': (p) => `${s(p.g)} unlocks the writer mutex w${p.next ? `; ${s(p.next)} gets it` : ''}.`,
  'rw.work': (p) => `${s(p.g)} runs one step of ordinary code.`,
  'rw.deadlock.reader': (p) =>
    `${s(p.g)} waits in RLock behind pending writer ${s(p.writer) || '?'}${n(p.readHeld) > 0 ? ` while it already holds ${s(p.readHeld)} read lock(s)` : ''}.`,
  'rw.deadlock.writer': (p) =>
    `${s(p.g)} waits in Lock for reader(s) ${list(p.readers)} to call RUnlock (readerWait = ${s(p.readerWait)}).`,
  'rw.deadlock.w': (p) => `${s(p.g)} waits for writer mutex w held by ${s(p.holder) || '?'}.`,
  'rw.deadlock.summary': () => 'No goroutine can proceed: fatal error: all goroutines are asleep - deadlock!',
  // Scheduler button labels: what the goroutine's next step does.
  'rw.label.rlock': () => 'rlock',
  'rw.label.runlock': () => 'runlock',
  'rw.label.lock': () => 'lock',
  'rw.label.unlock': () => 'unlock',
  'rw.label.work': () => 'work',
  'rw.label.rlockSem': () => 'rlockSem',
  'rw.label.runlockSlow': () => 'runlockSlow',
  'rw.label.lockAnnounce': () => 'lockAnnounce',
  'rw.label.lockWait': () => 'lockWait',
  'rw.label.unlockRelease': () => 'unlockRelease',
  'rw.label.unlockW': () => 'unlockW',
  'rw.label.woken': () => 'woken',
} satisfies Record<string, Template>;

/** A narration key of the rwmutex model. */
export type RWMutexKey = keyof typeof NARRATION_EN;
