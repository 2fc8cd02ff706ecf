/**
 * UI strings of the visualizer's sync.Cond and sync.Once state panels, in every locale; spread into
 * the visualizer's table in visualizer.ts.
 * N.B. IMPORTED BY BROWSER CODE.
 */

export const COND_EN = {
  'viz.cond.state': 'Condition state ({name})',
  'viz.cond.wait': 'notify.wait: the next ticket Wait takes',
  'viz.cond.notify': 'notify.notify: the next ticket Signal wakes',
  'viz.cond.list': 'Notify list: parked in Wait, head first',
  'viz.cond.ticket': '{g}, ticket {t}',
  'viz.cond.window': 'Ticket taken, not parked yet',
  'viz.once.done': 'o.done',
  'viz.once.runner': 'Running f',
  'viz.once.mutex': 'o.m held by',
  'viz.once.impl': 'Do',
  'viz.once.impl.go': 'Go’s Do: fast path, then doSlow under o.m',
  'viz.once.impl.cas': 'CAS only (the incorrect Do in sync/once.go’s comment)',
  'viz.once.early': 'Used before f returned',
} as const;

export const COND_ZH: Record<keyof typeof COND_EN, string> = {
  'viz.cond.state': '条件状态（{name}）',
  'viz.cond.wait': 'notify.wait：Wait 领到的下一个票号',
  'viz.cond.notify': 'notify.notify：Signal 唤醒的下一个票号',
  'viz.cond.list': '通知队列：在 Wait 中休眠的 goroutine，队首在前',
  'viz.cond.ticket': '{g}，票号 {t}',
  'viz.cond.window': '已领票号、尚未休眠',
  'viz.once.done': 'o.done',
  'viz.once.runner': '正在执行 f',
  'viz.once.mutex': 'o.m 的持有者',
  'viz.once.impl': 'Do',
  'viz.once.impl.go': 'Go 的 Do：先走快路径，再在 o.m 保护下执行 doSlow',
  'viz.once.impl.cas': '仅 CAS（sync/once.go 注释里那个错误的 Do）',
  'viz.once.early': '在 f 返回前就被使用',
};
