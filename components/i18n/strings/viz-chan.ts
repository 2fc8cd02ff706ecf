/**
 * UI strings of the channel model's state panel (hchan's ring buffer, sendx/recvx, recvq/sendq,
 * values received, sends dropped by a select's default) and its deadlock report, in every locale;
 * spread into the visualizer's table in visualizer.ts. Field names of hchan stay as Go spells them.
 * N.B. IMPORTED BY BROWSER CODE.
 */

export const CHAN_EN = {
  'viz.chan.title': '{name}: make(chan int, {cap})',
  'viz.chan.nil': '{name}: nil channel (no hchan; sends and receives block forever)',
  'viz.chan.ring': 'buf: a ring of {size} slots',
  'viz.chan.unbuffered': 'buf: none (unbuffered: a value passes straight from stack to stack)',
  'viz.chan.slot': 'slot {i}: {value}',
  'viz.chan.empty': 'empty',
  'viz.chan.at': '{what} here',
  'viz.chan.qcount': 'qcount / dataqsiz',
  'viz.chan.closed': 'closed',
  'viz.chan.recvq': '{name}.recvq: parked receivers, head first',
  'viz.chan.sendq': '{name}.sendq: parked senders, head first',
  'viz.chan.sudogRecv': '{g} receives',
  'viz.chan.sudogSend': '{g} sends {v}',
  'viz.chan.inSelect': '{who}, in a select',
  'viz.chan.stale': '{who}: stale, its select already won',
  'viz.chan.received': 'Values received',
  'viz.chan.got': '{v} from {ch}',
  'viz.chan.gotClosed': '0 from {ch} (ok = false: closed)',
  'viz.chan.dropped': 'Sends a select dropped (it ran default)',
  'viz.chan.drop': '{g}: {ch} <- {v}',
  'viz.chan.asleep': 'goroutine {g} [{reason}]',
};

export const CHAN_ZH: Record<keyof typeof CHAN_EN, string> = {
  'viz.chan.title': '{name}：make(chan int, {cap})',
  'viz.chan.nil': '{name}：nil channel（没有 hchan；发送和接收都会永远阻塞）',
  'viz.chan.ring': 'buf：{size} 个槽组成的环形缓冲区',
  'viz.chan.unbuffered': 'buf：无（无缓冲：值直接从一个栈复制到另一个栈）',
  'viz.chan.slot': '第 {i} 槽：{value}',
  'viz.chan.empty': '空',
  'viz.chan.at': '{what} 在此',
  'viz.chan.qcount': 'qcount / dataqsiz',
  'viz.chan.closed': '已关闭（closed）',
  'viz.chan.recvq': '{name}.recvq：休眠的接收者，队头在前',
  'viz.chan.sendq': '{name}.sendq：休眠的发送者，队头在前',
  'viz.chan.sudogRecv': '{g} 接收',
  'viz.chan.sudogSend': '{g} 发送 {v}',
  'viz.chan.inSelect': '{who}，在 select 中',
  'viz.chan.stale': '{who}：已失效，它的 select 已经胜出',
  'viz.chan.received': '收到的值',
  'viz.chan.got': '从 {ch} 收到 {v}',
  'viz.chan.gotClosed': '从 {ch} 收到 0（ok = false：已关闭）',
  'viz.chan.dropped': '被 select 丢弃的发送（执行了 default）',
  'viz.chan.drop': '{g}：{ch} <- {v}',
  'viz.chan.asleep': 'goroutine {g} [{reason}]',
};
