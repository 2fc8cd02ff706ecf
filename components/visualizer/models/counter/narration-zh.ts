/**
 * 简体中文 narration of the counter model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { s, type Template } from '../../i18n/format.ts';
import type { CounterKey } from './narration-en.ts';

/** Templates by narration key. */
export const NARRATION_ZH: Record<CounterKey, Template> = {
  'counter.lock.blocked': (p) => `${s(p.g)} 阻塞在 mu.Lock()：${s(p.holder)} 持有它。`,
  'counter.lock': (p) => `${s(p.g)} 锁住 mu。`,
  'counter.load': (p) => `${s(p.g)} 把 counter = ${s(p.value)} 载入自己的寄存器。`,
  'counter.add': (p) => `${s(p.g)} 在寄存器中加 1：${s(p.value)}。`,
  'counter.store.lost': (p) =>
    `${s(p.g)} 写回 ${s(p.value)}，覆盖了另一个 goroutine 的自增：一次更新丢失了。`,
  'counter.store': (p) => `${s(p.g)} 写回 counter = ${s(p.value)}。`,
  'counter.unlock': (p) => `${s(p.g)} 解锁 mu${p.woken ? `；${s(p.woken)} 可以再试` : ''}。`,
  'counter.atomic': (p) => `${s(p.g)} 执行 atomic.AddInt64(&counter, 1)：一步得到 counter = ${s(p.value)}。`,
  // Scheduler button labels: what the goroutine's next step does.
  'counter.label.lock': () => 'mu.Lock()',
  'counter.label.load': () => '载入（load）',
  'counter.label.add': () => '加一（add）',
  'counter.label.store': () => '写回（store）',
  'counter.label.unlock': () => 'mu.Unlock()',
  'counter.label.atomicAdd': () => 'atomic.AddInt64',
};
