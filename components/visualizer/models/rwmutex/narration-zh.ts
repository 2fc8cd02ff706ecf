/**
 * 简体中文 narration of the rwmutex model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { n, s, type Template } from '../../i18n/format.ts';
import type { RWMutexKey } from './narration-en.ts';
import { describeReaderCount } from './rwmutex.ts';
import type { Param } from '../types.ts';

/** readerCount as `2 − 2^30` while a writer is pending. */
const rc = (v: Param | undefined): string => describeReaderCount(n(v)).text;

/** Templates by narration key. */
export const NARRATION_ZH: Record<RWMutexKey, Template> = {
  'rw.rlock.pending': (p) =>
    `${s(p.g)}：RLock 加 1 → readerCount = ${rc(p.readerCount)} < 0：有写者在等待，${s(p.g)} 必须等待。`,
  'rw.rlock.ok': (p) => `${s(p.g)}：RLock 加 1 → readerCount = ${s(p.readerCount)}；开始读。`,
  'rw.rlock.parked': (p) => `${s(p.g)} 在 readerSem 上休眠，直到写者解锁 [sync.RWMutex.RLock]。`,
  'rw.runlock.slow': (p) =>
    `${s(p.g)}：RUnlock → readerCount = ${rc(p.readerCount)} < 0：有写者在等待，进入慢路径。`,
  'rw.runlock.ok': (p) => `${s(p.g)}：RUnlock → readerCount = ${s(p.readerCount)}。`,
  'rw.runlock.fatal': (p) => `${s(p.g)}：fatal error: sync: RUnlock of unlocked RWMutex`,
  'rw.runlock.lastReader': (p) => `${s(p.g)} 是最后一个离开的读者（readerWait = 0）：它唤醒写者。`,
  'rw.runlock.departing': (p) =>
    `${s(p.g)} 离开；写者还在等 ${s(p.readerWait)} 个读者（readerWait = ${s(p.readerWait)}）。`,
  'rw.lock.w': (p) => `${s(p.g)}：Lock 先拿到写者互斥锁 w。`,
  'rw.lock.wBlocked': (p) =>
    `${s(p.g)}：Lock 等待写者互斥锁 w（由 ${s(p.holder)} 持有）；状态为 waiting [sync.Mutex.Lock]。`,
  'rw.lock.announce': (p) =>
    `${s(p.g)} 减去 2^30：readerCount = ${rc(p.readerCount)}。新的读者从此会阻塞；还有 ${s(p.r)} 个活跃读者必须离开。`,
  'rw.lock.acquired': (p) =>
    `${s(p.g)} 减去 2^30：readerCount = ${rc(p.readerCount)}；没有活跃读者，它拿到了写锁。`,
  'rw.lock.readersGone': (p) => `${s(p.g)}：加上后 readerWait 为 0：读者已经离开，它拿到了写锁。`,
  'rw.lock.wait': (p) =>
    `${s(p.g)}：readerWait = ${s(p.readerWait)}；它在 writerSem 上休眠，直到最后一个读者离开 [sync.RWMutex.Lock]。`,
  'rw.lock.wHandoff': (p) => `${s(p.g)} 现在持有写者互斥锁 w。`,
  'rw.woken.readerSem': (p) => `${s(p.g)} 醒来：写者已完成，它的 RLock 返回。`,
  'rw.woken.writerSem': (p) => `${s(p.g)} 醒来：所有读者都已离开，它拿到了写锁。`,
  'rw.sema.repark': (p) =>
    `${s(p.g)} 醒来，但 ${s(p.sem)} 上已没有计数（被别的 goroutine 取走了），于是 semacquire 把它重新排到队尾，它再次休眠。`,
  'rw.unlock.fatal': (p) => `${s(p.g)}：fatal error: sync: Unlock of unlocked RWMutex`,
  'rw.unlock.announce': (p) =>
    `${s(p.g)}：Unlock 把 2^30 加回去：readerCount = ${s(p.readerCount)}（有 ${s(p.readerCount)} 个读者曾被阻塞）。`,
  'rw.unlock.release': (p) =>
    `${s(p.g)} 释放 readerSem ${s(p.count)} 次${p.woken ? `，唤醒 ${s(p.woken)}` : ''}。`,
  'rw.unlock.w': (p) => `${s(p.g)} 解锁写者互斥锁 w${p.next ? `；${s(p.next)} 拿到它` : ''}。`,
  'rw.work': (p) => `${s(p.g)} 执行一步普通代码。`,
  'rw.deadlock.reader': (p) =>
    `${s(p.g)} 在 RLock 中排在等待中的写者 ${s(p.writer)} 之后${n(p.readHeld) > 0 ? `，而它自己已经持有 ${s(p.readHeld)} 个读锁` : ''}。`,
  'rw.deadlock.writer': (p) =>
    `${s(p.g)} 在 Lock 中等待读者 ${s(p.readers)} 调用 RUnlock（readerWait = ${s(p.readerWait)}）。`,
  'rw.deadlock.w': (p) => `${s(p.g)} 等待由 ${s(p.holder)} 持有的写者互斥锁 w。`,
  'rw.deadlock.summary': () =>
    '没有 goroutine 能继续执行：fatal error: all goroutines are asleep - deadlock!',
  // Scheduler button labels: what the goroutine's next step does.
  'rw.label.rlock': () => 'RLock',
  'rw.label.runlock': () => 'RUnlock',
  'rw.label.lock': () => 'Lock',
  'rw.label.unlock': () => 'Unlock',
  'rw.label.work': () => '普通代码',
  'rw.label.rlockSem': () => 'RLock：等待 readerSem',
  'rw.label.runlockSlow': () => 'rUnlockSlow',
  'rw.label.lockAnnounce': () => 'Lock：readerCount 减去 2^30',
  'rw.label.lockWait': () => 'Lock：等待读者离开',
  'rw.label.unlockRelease': () => 'Unlock：释放 readerSem',
  'rw.label.unlockW': () => 'Unlock：解锁 w',
  'rw.label.woken': () => '醒来',
};
