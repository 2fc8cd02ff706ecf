/**
 * 简体中文 narration of the sync.Cond model, keyed like its narration. Go's own messages (fatal error: …,
 * panic: …, wait reasons) stay as Go prints them.
 */
import { n, s, type P, type Template } from '../../i18n/format.ts';
import type { CondKey } from './narration-en.ts';

/** Wait 返回后调用方怎么做，取决于它外面的代码。 */
const after = (p: P): string =>
  p.loop === 'for'
    ? 'for 循环会再次检查条件。'
    : p.loop === 'if'
      ? 'if 不会再检查：goroutine 当作条件成立继续往下走。'
      : 'goroutine 继续执行。';

/** Templates by narration key. */
export const NARRATION_ZH: Record<CondKey, Template> = {
  'cond.lock': (p) => `${s(p.g)}：mu.Lock() 拿到空闲的锁。`,
  'cond.lock.blocked': (p) =>
    `${s(p.g)}：mu.Lock()：锁被 ${s(p.holder)} 持有，${s(p.g)} 排队并休眠 [sync.Mutex.Lock]。`,
  'cond.unlock': (p) => `${s(p.g)}：mu.Unlock()；没有人排队，锁空闲了。`,
  'cond.unlock.handoff': (p) => `${s(p.g)}：mu.Unlock() 把锁直接交给队首的 ${s(p.to)}。`,
  'cond.fatal': (p) =>
    `${s(p.g)}：fatal error: ${s(p.message)}（Wait 要解锁 c.L，而这个 goroutine 从未加锁）。`,
  'cond.panic': (p) => `${s(p.g)}：panic: ${s(p.message)}`,
  'cond.check.empty': (p) => `${s(p.g)}：${s(p.loop)} 条件发现状态为空（0），于是 ${s(p.g)} 调用 c.Wait()。`,
  'cond.check.ready': (p) => `${s(p.g)}：${s(p.loop)} 条件发现状态已就绪（${s(p.n)}），不用 Wait。`,
  'cond.add': (p) =>
    `${s(p.g)}：Wait：t := notifyListAdd() 领到票号 ${s(p.t)}（notify.wait 变为 ${s(p.wait)}）。它仍持有 mu，还没有休眠。`,
  'cond.wait.unlock': (p) => `${s(p.g)}：Wait：c.L.Unlock()，锁空闲了。票号已领，下一步休眠。`,
  'cond.wait.unlock.handoff': (p) =>
    `${s(p.g)}：Wait：c.L.Unlock() 把锁交给 ${s(p.to)}。票号已领，下一步休眠。`,
  'cond.park': (p) =>
    `${s(p.g)}：notifyListWait(${s(p.t)})：票号 ${s(p.t)} 尚未被通知（notify = ${s(p.notify)}），它加入通知队列并休眠 [sync.Cond.Wait]。`,
  'cond.park.notified': (p) =>
    `${s(p.g)}：notifyListWait(${s(p.t)})：less(${s(p.t)}, notify = ${s(p.notify)})：在它领票之后、休眠之前来了一次 Signal，所以它不休眠，立即返回。`,
  'cond.relock': (p) => `${s(p.g)}：Wait：c.L.Lock() 重新拿到锁，Wait 返回；${after(p)}`,
  'cond.signal.lost': (p) =>
    `${s(p.g)}：c.Signal()：wait == notify == ${s(p.wait)}：没有票号在等待，这次通知什么也不做，也不会被记住。`,
  'cond.signal.wake': (p) =>
    `${s(p.g)}：c.Signal() 通知票号 ${s(p.t)}（notify = ${s(p.notify)}），唤醒 ${s(p.to)}；它还要重新锁住 mu。`,
  'cond.signal.window': (p) =>
    `${s(p.g)}：c.Signal() 通知票号 ${s(p.t)}（notify = ${s(p.notify)}）。这个票号属于 ${s(p.to)}，但它还没有休眠：现在无人可唤醒，而 ${s(p.to)} 之后也不会休眠。`,
  'cond.broadcast.none': (p) =>
    `${s(p.g)}：c.Broadcast()：wait == notify == ${s(p.wait)}：没有人在等，什么也不发生。`,
  'cond.broadcast': (p) =>
    `${s(p.g)}：c.Broadcast() 通知所有小于 ${s(p.notify)} 的票号，${n(p.count) === 0 ? '没有休眠中的 goroutine 需要唤醒' : `按休眠的先后唤醒 ${s(p.woken)}`}。`,
  'cond.work': (p) => `${s(p.g)} 执行一步普通代码。`,
  'cond.put': (p) => `${s(p.g)} 让状态就绪（${s(p.n)}）。`,
  'cond.take': (p) => `${s(p.g)} 取走一项（剩 ${s(p.n)} 项）。`,
  // Scheduler button labels: what the goroutine's next step does.
  'cond.label.lock': () => 'mu.Lock',
  'cond.label.unlock': () => 'mu.Unlock',
  'cond.label.check': () => '检查条件',
  'cond.label.add': () => 'Wait：领票号',
  'cond.label.waitUnlock': () => 'Wait：解锁 mu',
  'cond.label.park': () => 'Wait：休眠',
  'cond.label.relock': () => 'Wait：重新加锁',
  'cond.label.signal': () => 'Signal',
  'cond.label.broadcast': () => 'Broadcast',
  'cond.label.put': () => '置为就绪',
  'cond.label.take': () => '取一项',
  'cond.label.work': () => '普通代码',
};
