/**
 * English narration of the channel model: one template per narration key. Its keys are the model's
 * key union (ChanKey); narration-zh.ts must have exactly the same keys. Go's own messages (panic: …,
 * wait reasons) are quoted as Go prints them.
 */
import { n, s, type Template } from '../../i18n/format.ts';

/** Templates by narration key. */
export const NARRATION_EN = {
  'chan.send.direct': (p) =>
    `${s(p.g)}: ${s(p.ch)} <- ${s(p.v)} finds ${s(p.other)} waiting in recvq and copies ${s(p.v)} straight onto its stack (send), bypassing the buffer; ${s(p.other)} is readied.`,
  'chan.send.buf': (p) =>
    `${s(p.g)}: ${s(p.ch)} <- ${s(p.v)} goes into slot ${s(p.slot)} (sendx); qcount = ${s(p.qcount)} of ${s(p.size)}.`,
  'chan.send.park': (p) =>
    `${s(p.g)}: ${s(p.ch)} <- ${s(p.v)} finds no receiver${p.full ? ' and a full buffer' : ''}; it joins sendq and parks [chan send].`,
  'chan.send.nil': (p) =>
    `${s(p.g)}: a send on the nil channel ${s(p.ch)} parks forever [chan send (nil chan)].`,
  'chan.send.closed': (p) => `${s(p.g)}: ${s(p.ch)} is closed: panic: ${s(p.message)}`,
  'chan.recv.closed': (p) =>
    `${s(p.g)}: ${s(p.ch)} is closed and empty: the receive returns the zero value 0 with ok = false.`,
  'chan.recv.direct': (p) =>
    `${s(p.g)}: <-${s(p.ch)} takes ${s(p.v)} straight from the stack of ${s(p.other)}, parked in sendq (recv); ${s(p.other)} is readied.`,
  'chan.recv.rotate': (p) =>
    `${s(p.g)}: <-${s(p.ch)} takes ${s(p.v)} from the head slot ${s(p.slot)} and moves ${s(p.other)}'s value ${s(p.moved)} into that same slot, now the tail (recv on a full buffer); ${s(p.other)} is readied.`,
  'chan.recv.buf': (p) =>
    `${s(p.g)}: <-${s(p.ch)} takes ${s(p.v)} from slot ${s(p.slot)} (recvx); qcount = ${s(p.qcount)} of ${s(p.size)}.`,
  'chan.recv.park': (p) =>
    `${s(p.g)}: <-${s(p.ch)} finds nothing to take; it joins recvq and parks [chan receive].`,
  'chan.recv.nil': (p) =>
    `${s(p.g)}: a receive from the nil channel ${s(p.ch)} parks forever [chan receive (nil chan)].`,
  'chan.close': (p) =>
    `${s(p.g)} closes ${s(p.ch)}.${n(p.nr) ? ` Receivers ${s(p.receivers)} get 0, ok = false.` : ''}${n(p.ns) ? ` Senders ${s(p.senders)} are readied and will panic.` : ''}${n(p.nr) + n(p.ns) === 0 ? ' Nobody was waiting.' : ''}`,
  'chan.close.nil': (p) => `${s(p.g)}: panic: ${s(p.message)}`,
  'chan.close.closed': (p) => `${s(p.g)}: ${s(p.ch)} is already closed: panic: ${s(p.message)}`,
  'chan.work': (p) => `${s(p.g)} runs one step of ordinary code.`,
  'chan.woken.send': (p) =>
    `${s(p.g)} runs again: a receiver took ${s(p.v)}, so ${s(p.ch)} <- ${s(p.v)} returns.`,
  'chan.woken.sendClosed': (p) =>
    `${s(p.g)} runs again, but close woke it (sg.success = false): panic: ${s(p.message)}`,
  'chan.woken.recv': (p) =>
    `${s(p.g)} runs again: <-${s(p.ch)} returns ${s(p.v)}, ok = ${p.ok ? 'true' : 'false (closed)'}.`,
  'chan.dequeue.stale': (p) =>
    `${s(p.g)} skips ${s(p.other)}'s select entry in ${s(p.ch)}.${s(p.q)}: another case already won that select.`,
  'chan.select.none': (p) => `${s(p.g)}: select {} parks forever [select (no cases)].`,
  'chan.select.poll': (p) => `${s(p.g)}: select polls its cases in the order ${s(p.order)}.`,
  'chan.select.case': (p) => `${s(p.g)}: select takes case ${s(p.kase)}.`,
  'chan.select.default': (p) =>
    `${s(p.g)}: no case is ready, so select runs default${n(p.nd) ? `: the send ${s(p.dropped)} never happens` : ''}.`,
  'chan.select.park': (p) =>
    `${s(p.g)}: no case is ready and there is no default: it puts a sudog on each of ${s(p.n)} channel queue(s) and parks [select].`,
  'chan.select.woken': (p) =>
    `${s(p.g)} runs again: case ${s(p.kase)} won${p.recv ? ` (value ${s(p.v)}, ok = ${p.ok ? 'true' : 'false'})` : ''}${n(p.nr) ? `; it takes its other sudogs off ${s(p.removed)}` : ''}.`,
  'chan.select.sendClosed': (p) =>
    `${s(p.g)}: case ${s(p.kase)} is on a closed channel: panic: ${s(p.message)}`,
  // Scheduler button labels: what the goroutine's next move does.
  'chan.label.op': (p) => s(p.code),
  'chan.label.select': (p) => `select (${s(p.n)} case${n(p.n) === 1 ? '' : 's'}${p.def ? ' + default' : ''})`,
  'chan.label.woken': () => 'return from gopark',
  'chan.label.work': () => 'work',
} satisfies Record<string, Template>;

/** A narration key of the channel model. */
export type ChanKey = keyof typeof NARRATION_EN;
