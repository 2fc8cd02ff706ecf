/**
 * 简体中文 narration of the channel model, keyed like narration-en.ts. Go's own messages (panic: …,
 * wait reasons) stay as Go prints them.
 */
import { n, s, type Template } from '../../i18n/format.ts';
import type { ChanKey } from './narration-en.ts';

/** Templates by narration key. */
export const NARRATION_ZH: Record<ChanKey, Template> = {
  'chan.send.direct': (p) =>
    `${s(p.g)}：${s(p.ch)} <- ${s(p.v)} 发现 ${s(p.other)} 在 recvq 中等待，直接把 ${s(p.v)} 复制到它的栈上（send），不经过缓冲区；${s(p.other)} 被唤醒。`,
  'chan.send.buf': (p) =>
    `${s(p.g)}：${s(p.ch)} <- ${s(p.v)} 写入第 ${s(p.slot)} 个槽（sendx）；qcount = ${s(p.qcount)}/${s(p.size)}。`,
  'chan.send.park': (p) =>
    `${s(p.g)}：${s(p.ch)} <- ${s(p.v)} 找不到接收者${p.full ? '且缓冲区已满' : ''}；它进入 sendq 并休眠 [chan send]。`,
  'chan.send.nil': (p) => `${s(p.g)}：向 nil channel ${s(p.ch)} 发送，永远休眠 [chan send (nil chan)]。`,
  'chan.send.closed': (p) => `${s(p.g)}：${s(p.ch)} 已关闭：panic: ${s(p.message)}`,
  'chan.recv.closed': (p) => `${s(p.g)}：${s(p.ch)} 已关闭且为空：接收返回零值 0，ok = false。`,
  'chan.recv.direct': (p) =>
    `${s(p.g)}：<-${s(p.ch)} 直接从 sendq 中休眠的 ${s(p.other)} 的栈上取走 ${s(p.v)}（recv）；${s(p.other)} 被唤醒。`,
  'chan.recv.rotate': (p) =>
    `${s(p.g)}：<-${s(p.ch)} 从队头第 ${s(p.slot)} 个槽取走 ${s(p.v)}，并把 ${s(p.other)} 的值 ${s(p.moved)} 放进同一个槽，它成为新的队尾（缓冲区满时的 recv）；${s(p.other)} 被唤醒。`,
  'chan.recv.buf': (p) =>
    `${s(p.g)}：<-${s(p.ch)} 从第 ${s(p.slot)} 个槽（recvx）取走 ${s(p.v)}；qcount = ${s(p.qcount)}/${s(p.size)}。`,
  'chan.recv.park': (p) => `${s(p.g)}：<-${s(p.ch)} 没有可取的值；它进入 recvq 并休眠 [chan receive]。`,
  'chan.recv.nil': (p) => `${s(p.g)}：从 nil channel ${s(p.ch)} 接收，永远休眠 [chan receive (nil chan)]。`,
  'chan.close': (p) =>
    `${s(p.g)} 关闭 ${s(p.ch)}。${n(p.nr) ? `接收者 ${s(p.receivers)} 得到 0，ok = false。` : ''}${n(p.ns) ? `发送者 ${s(p.senders)} 被唤醒，之后会 panic。` : ''}${n(p.nr) + n(p.ns) === 0 ? '没有人在等待。' : ''}`,
  'chan.close.nil': (p) => `${s(p.g)}：panic: ${s(p.message)}`,
  'chan.close.closed': (p) => `${s(p.g)}：${s(p.ch)} 已经关闭过：panic: ${s(p.message)}`,
  'chan.work': (p) => `${s(p.g)} 执行一步普通代码。`,
  'chan.woken.send': (p) => `${s(p.g)} 再次运行：接收者已取走 ${s(p.v)}，所以 ${s(p.ch)} <- ${s(p.v)} 返回。`,
  'chan.woken.sendClosed': (p) =>
    `${s(p.g)} 再次运行，但唤醒它的是 close（sg.success = false）：panic: ${s(p.message)}`,
  'chan.woken.recv': (p) =>
    `${s(p.g)} 再次运行：<-${s(p.ch)} 返回 ${s(p.v)}，ok = ${p.ok ? 'true' : 'false（已关闭）'}。`,
  'chan.dequeue.stale': (p) =>
    `${s(p.g)} 跳过 ${s(p.ch)}.${s(p.q)} 中 ${s(p.other)} 的 select 条目：那个 select 已由另一个 case 胜出。`,
  'chan.select.none': (p) => `${s(p.g)}：select {} 永远休眠 [select (no cases)]。`,
  'chan.select.poll': (p) => `${s(p.g)}：select 按 ${s(p.order)} 的顺序轮询各个 case。`,
  'chan.select.case': (p) => `${s(p.g)}：select 选中 case ${s(p.kase)}。`,
  'chan.select.default': (p) =>
    `${s(p.g)}：没有就绪的 case，select 执行 default${n(p.nd) ? `：发送 ${s(p.dropped)} 没有发生` : ''}。`,
  'chan.select.park': (p) =>
    `${s(p.g)}：没有就绪的 case，也没有 default：它在 ${s(p.n)} 个 channel 队列上各放一个 sudog，然后休眠 [select]。`,
  'chan.select.woken': (p) =>
    `${s(p.g)} 再次运行：case ${s(p.kase)} 胜出${p.recv ? `（值 ${s(p.v)}，ok = ${p.ok ? 'true' : 'false'}）` : ''}${n(p.nr) ? `；它把其余的 sudog 从 ${s(p.removed)} 上摘下` : ''}。`,
  'chan.select.sendClosed': (p) => `${s(p.g)}：case ${s(p.kase)} 的 channel 已关闭：panic: ${s(p.message)}`,
  // Scheduler button labels: what the goroutine's next move does.
  'chan.label.op': (p) => s(p.code),
  'chan.label.select': (p) => `select（${s(p.n)} 个 case${p.def ? ' + default' : ''}）`,
  'chan.label.woken': () => '从 gopark 返回',
  'chan.label.work': () => '普通代码',
};
