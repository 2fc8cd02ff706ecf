/**
 * 简体中文 narration of the sync.Once model, keyed like its narration. Go's own messages (panic: …,
 * wait reasons) stay as Go prints them.
 */
import { s, type Template } from '../../i18n/format.ts';
import type { OnceKey } from './narration-en.ts';

/** Templates by narration key. */
export const NARRATION_ZH: Record<OnceKey, Template> = {
  'once.work': (p) => `${s(p.g)} 执行一步普通代码。`,
  'once.fast.done': (p) => `${s(p.g)}：Do：o.done 已置位，Do 立即返回，不调用 f。`,
  'once.fast.slow': (p) => `${s(p.g)}：Do：o.done 未置位，进入慢路径（doSlow）。`,
  'once.lock': (p) => `${s(p.g)}：doSlow：o.m.Lock() 拿到空闲的锁。`,
  'once.lock.blocked': (p) =>
    `${s(p.g)}：doSlow：o.m.Lock()：f 运行期间锁由 ${s(p.holder)} 持有，${s(p.g)} 排队并休眠 [sync.Mutex.Lock]。`,
  'once.nested.blocked': (p) =>
    `${s(p.g)}：嵌套 Do 的 o.m.Lock()：o.m 正由 ${s(p.g)} 自己持有，要等 f 返回才会解锁，而 f 永远不会返回。它休眠 [sync.Mutex.Lock]。`,
  'once.check.done': (p) =>
    `${s(p.g)}：doSlow 在锁内再次检查 o.done：别的 f 已经执行过，它不调用 f 直接返回。`,
  'once.check.run': (p) => `${s(p.g)}：doSlow 在锁内再次检查 o.done：仍未置位，由 ${s(p.g)} 执行 f。`,
  'once.f.work': (p) => `${s(p.g)} 执行 f 中的一条语句。`,
  'once.f.panic': (p) =>
    `${s(p.g)}：f 发生 panic（${s(p.message)}）；随着 panic 展开，doSlow 的 defer 调用依次执行。`,
  'once.f.nested': (p) =>
    `${s(p.g)}：f 再次调用 once.Do：o.done 还没置位（f 尚未返回），嵌套的 Do 进入慢路径。`,
  'once.store': (p) => `${s(p.g)}：f 已返回；defer 的 o.done.Store(true) 把 done 置位。`,
  'once.store.panic': (p) =>
    `${s(p.g)}：尽管 f 发生了 panic，defer 的 o.done.Store(true) 依然执行：done 被置位，f 再也不会执行。`,
  'once.unlock': (p) => `${s(p.g)}：defer 的 o.m.Unlock()；没有人在等。`,
  'once.unlock.handoff': (p) =>
    `${s(p.g)}：defer 的 o.m.Unlock() 把 o.m 交给 ${s(p.to)}，它会发现 done 已置位。`,
  'once.recovered': (p) =>
    `${s(p.g)}：调用方 defer 的 recover() 截住了 panic（${s(p.message)}）；Do 的调用方继续执行。`,
  'once.panic': (p) => `${s(p.g)}：panic: ${s(p.message)}`,
  'once.use': (p) => `${s(p.g)} 使用 ${s(p.name)}：设置它的 f 已经返回，它已就绪。`,
  'once.use.early': (p) =>
    `${s(p.g)} 使用 ${s(p.name)}，而设置它的 f 仍在由 ${s(p.runner)} 执行：${s(p.g)} 在 ${s(p.name)} 加载完成之前就读了它。`,
  'once.use.unset': (p) => `${s(p.g)} 使用 ${s(p.name)}，但还没有哪个 f 返回并设置它：它尚未加载。`,
  // sync/once.go 注释里指出的错误实现：只用 CAS 的 Do。
  'once.cas.won': (p) =>
    `${s(p.g)}：仅 CAS 的 Do：o.done.CompareAndSwap(false, true) 成功，done 在 f 运行之前就已置位；${s(p.g)} 调用 f。`,
  'once.cas.lost': (p) =>
    `${s(p.g)}：仅 CAS 的 Do：done 已置位，CAS 失败，Do 立即返回，并不等待 ${s(p.runner)} 的 f 执行完。`,
  'once.cas.lost.after': (p) =>
    `${s(p.g)}：仅 CAS 的 Do：done 已置位，CAS 失败，Do 立即返回；此刻没有 f 在运行。`,
  'once.cas.f.return': (p) => `${s(p.g)}：f 返回，仅 CAS 的 Do 随之返回。`,
  'once.cas.f.panic': (p) =>
    `${s(p.g)}：f 发生 panic（${s(p.message)}）；done 早已由 CAS 置位，f 再也不会执行。`,
  'once.cas.nested': (p) =>
    `${s(p.g)}：f 再次调用 once.Do：它的 CAS 失败（done 已置位），不调用 f 立即返回。`,
  // Scheduler button labels: what the goroutine's next step does.
  'once.label.work': () => '普通代码',
  'once.label.start': () => 'Do：读取 done',
  'once.label.lock': () => 'doSlow：锁 o.m',
  'once.label.nested': () => '嵌套 Do：锁 o.m',
  'once.label.check': () => 'doSlow：检查 done',
  'once.label.f': () => '执行 f',
  'once.label.store': () => 'defer：置位 done',
  'once.label.unlock': () => 'defer：解锁 o.m',
  'once.label.cas': () => 'Do：CAS done',
  'once.label.use': (p) => `使用 ${s(p.name)}`,
};
