/**
 * 简体中文 narration for the sync.Mutex and sync.RWMutex models, keyed like the models' narration.
 * Go's own messages (fatal error: …, wait reasons) stay as Go prints them.
 */
import { n, rc, s, wordZh as w, type Template } from './format.ts';

/** Mutex and RWMutex templates. */
export const LOCKS_ZH: Record<string, Template> = {
  'mutex.tick': (p) => `经过 ${s(p.ns)} 纳秒（时钟 ${s(p.now)} 纳秒）。`,
  'mutex.fastpath.acquired': (p) => `${s(p.g)} 用一次 CompareAndSwap 拿到未加锁的互斥锁（state 0 → 1）。`,
  'mutex.fastpath.failed': (p) => `${s(p.g)}：快速路径的 CAS 失败（state 为 ${w(p.word)}），进入 lockSlow。`,
  'mutex.trylock.ok': (p) => `${s(p.g)}：TryLock 成功（state ${s(p.old)} → ${s(p.word)}）。`,
  'mutex.trylock.fail': (p) =>
    `${s(p.g)}：TryLock 返回 false，因为${p.starving ? '互斥锁处于饥饿模式' : '互斥锁已被锁住'}（state ${w(p.word)}）。`,
  'mutex.work': (p) => `${s(p.g)} 执行一步普通代码。`,
  'mutex.unlock.fast': (p) => `${s(p.g)} 解锁：AddInt32(-1) 后 state 为 0，无需唤醒任何人。`,
  'mutex.unlock.fatal': (p) => `${s(p.g)}：fatal error: ${s(p.message)}`,
  'mutex.throw.inconsistent': (p) => `${s(p.g)}：fatal error: ${s(p.message)}`,
  'mutex.unlock.slow': (p) =>
    `${s(p.g)} 解锁：state 变为 ${w(p.word)}，进入 unlockSlow，看是否需要唤醒等待者。`,
  'mutex.unlock.starving': (p) =>
    `${s(p.g)} 在饥饿模式下解锁（state ${w(p.word)}）：它将把互斥锁直接交给队首的等待者。`,
  'mutex.spin.setWoken': (p) =>
    `${s(p.g)} 设置 woken 位（state ${s(p.old)} → ${s(p.word)}），这样 Unlock 就不会再唤醒休眠者。`,
  'mutex.spin': (p) => `${s(p.g)} 自旋（第 ${s(p.iter)} 次，最多 4 次），重新读取 state ${w(p.word)}。`,
  'mutex.new.computed': (p) => `${s(p.g)} 根据 old = ${w(p.old)} 计算出 new = ${w(p.new)}。`,
  'mutex.cas.failed': (p) => `${s(p.g)}：CAS 失败（state 已变为 ${w(p.word)}），重新循环。`,
  'mutex.cas.acquired': (p) => `${s(p.g)}：CAS 把 state 从 ${s(p.old)} 改为 ${s(p.word)}，锁住了互斥锁。`,
  'mutex.cas.queued': (p) => `${s(p.g)}：CAS 把 state 从 ${s(p.old)} 改为 ${w(p.word)}，登记为等待者。`,
  'mutex.sema.fast': (p) => `${s(p.g)} 发现信号量已被释放，无需休眠。`,
  'mutex.sema.parked': (p) =>
    `${s(p.g)} 在 m.sema 上休眠，${p.lifo ? '排在队首（LIFO：它已被唤醒过一次）' : '排在队尾'}；状态为 waiting [sync.Mutex.Lock]。`,
  'mutex.sema.repark': (p) => `${s(p.g)} 醒来，但信号量计数已被取走，于是再次休眠。`,
  'mutex.handoff.acquired': (p) =>
    `${s(p.g)} 得到移交来的互斥锁：AddInt32(${s(p.delta)}) 把 state 从 ${s(p.old)} 变为 ${w(p.word)}。`,
  'mutex.starvation.exit': (p) =>
    `${s(p.g)} 把互斥锁切回正常模式，因为${n(p.waited) <= 1e6 ? `它只等待了 ${s(p.waited)} 纳秒（< 1 毫秒）` : '它是最后一个等待者'}。`,
  'mutex.wake': (p) =>
    `${s(p.g)} 醒来（正常模式，state ${w(p.word)}），必须重新竞争互斥锁。${p.starving ? `它已等待 ${s(p.waited)} 纳秒（> 1 毫秒），现在处于饥饿状态。` : ''}`,
  'mutex.unlock.noWake': (p) => `${s(p.g)} 直接离开，不唤醒任何人（state ${w(p.word)}）。`,
  'mutex.unlock.grabWake': (p) =>
    `${s(p.g)} 取得唤醒等待者的权利：CAS 把 state 从 ${s(p.old)} 改为 ${w(p.word)}。`,
  'mutex.unlock.casFailed': (p) => `${s(p.g)}：CAS 失败（state 现在是 ${w(p.word)}），重新检查。`,
  'mutex.semrelease.handoff': (p) =>
    `${s(p.g)} 把互斥锁交给 ${s(p.woken)}，并让出时间片，让 ${s(p.woken)} 接着运行。`,
  'mutex.semrelease.wake': (p) => `${s(p.g)} 唤醒 ${s(p.woken)}；${s(p.woken)} 此时还没有拥有互斥锁。`,
  'mutex.semrelease.none': (p) => `${s(p.g)} 释放信号量；目前还没有人休眠。`,

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
};
