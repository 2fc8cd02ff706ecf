/**
 * 简体中文 narration of the mutex model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { n, s, type Template } from '../../i18n/format.ts';
import type { MutexKey } from './narration-en.ts';
import { describeMutexState } from './mutex.ts';
import type { Param } from '../types.ts';

/** `9（已加锁，等待者 = 1）`: the Chinese twin of narration-en.ts's w(word). */
export function w(v: Param | undefined): string {
  const d = describeMutexState(n(v));
  const flags = [d.locked && '已加锁', d.woken && '已唤醒', d.starving && '饥饿'].filter(Boolean).join('|');
  return `${d.word}（${flags || '未加锁'}，等待者 = ${d.waiters}）`;
}

/** Templates by narration key. */
export const NARRATION_ZH: Record<MutexKey, Template> = {
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
    `${s(p.g)} 把互斥锁交给 ${s(p.woken)}：semrelease1 把 ${s(p.woken)} 放进当前 P 的 runnext 并调用 goyield，${p.singleP ? `所以在唯一的 P 上，${s(p.woken)} 之前没有别的 goroutine 能运行` : `所以 ${s(p.woken)} 在这个 P 上接着运行（其他 P 照常运行各自的 goroutine）`}。`,
  'mutex.semrelease.wake': (p) => `${s(p.g)} 唤醒 ${s(p.woken)}；${s(p.woken)} 此时还没有拥有互斥锁。`,
  'mutex.semrelease.none': (p) => `${s(p.g)} 释放信号量；目前还没有人休眠。`,
  // Scheduler button labels: what the goroutine's next step does.
  'mutex.label.lock': () => 'Lock：快速路径 CAS',
  'mutex.label.unlock': () => 'Unlock：AddInt32(-1)',
  'mutex.label.tryLock': () => 'TryLock',
  'mutex.label.work': () => '普通代码',
  'mutex.label.loopTop': () => 'lockSlow：自旋或计算新状态',
  'mutex.label.cas': () => 'lockSlow：CAS old → new',
  'mutex.label.semacquire': () => 'runtime_SemacquireMutex',
  'mutex.label.woken': () => '从 semacquire 醒来',
  'mutex.label.unlockSlow': () => 'unlockSlow：要唤醒等待者吗？',
  'mutex.label.semrelease': () => 'runtime_Semrelease',
};
