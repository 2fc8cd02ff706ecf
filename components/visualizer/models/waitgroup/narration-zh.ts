/**
 * 简体中文 narration of the waitgroup model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { n, s, type Template } from '../../i18n/format.ts';
import type { WaitGroupKey } from './narration-en.ts';

/** Templates by narration key. */
export const NARRATION_ZH: Record<WaitGroupKey, Template> = {
  'wg.panic': (p) => `${s(p.g)}：panic: ${s(p.message)}`,
  'wg.add': (p) =>
    `${s(p.g)}：${n(p.delta) === -1 ? 'Done()' : `Add(${s(p.delta)})`} → counter = ${s(p.counter)}，waiters = ${s(p.waiters)}。`,
  'wg.release': (p) =>
    `${s(p.g)}：计数器归零且有 ${s(p.waiters)} 个等待者：state 重置为 0，放行 ${s(p.waiters)} 个等待者。`,
  'wg.work': (p) => `${s(p.g)} 执行一步普通代码。`,
  'wg.wait.zero': (p) => `${s(p.g)}：Wait 看到 counter = 0，立即返回。`,
  'wg.wait.register': (p) =>
    `${s(p.g)}：Wait 看到 counter = ${s(p.counter)}，登记为第 ${s(p.waiters)} 个等待者。`,
  'wg.wait.park': (p) => `${s(p.g)} 休眠 [sync.WaitGroup.Wait]。`,
  'wg.wait.return': (p) => `${s(p.g)}：Wait 返回；每个 Done 之前发生的一切都 happens-before 这一点。`,
  // Scheduler button labels: what the goroutine's next step does.
  'wg.label.add': () => 'Add',
  'wg.label.done': () => 'Done',
  'wg.label.wait': () => 'Wait',
  'wg.label.work': () => '普通代码',
};
