/**
 * State panels for the lock models: the Mutex state word and semaphore queue, RWMutex counters and
 * its three queues, the counter++ registers and the WaitGroup word. N.B. BROWSER CODE.
 */
import type { CounterState } from '../models/counter.ts';
import { describeMutexState, type MutexState } from '../models/mutex.ts';
import { describeReaderCount, type RWMutexState } from '../models/rwmutex.ts';
import { waitGroupWord, type WaitGroupState } from '../models/waitgroup.ts';
import { wordView } from './bits.ts';
import type { RenderCtx } from './context.ts';
import { facts, h } from './dom.ts';
import { hex } from './layout.ts';

const yesNo = (ctx: RenderCtx, b: boolean): string => ctx.t(b ? 'viz.yes' : 'viz.no');

/** A queue of goroutine ids, head first, as an ordered list (or "none"). */
export function queueView(ctx: RenderCtx, sema: string, ids: readonly string[]): HTMLElement {
  const label = ctx.t('viz.queue', { sema });
  return h(
    'div',
    { class: 'viz-queue-box' },
    h('p', { class: 'viz-queue-label' }, label),
    ids.length
      ? h(
          'ol',
          { class: 'viz-queue', 'aria-label': label },
          ids.map((g) => h('li', {}, g)),
        )
      : h('p', { class: 'viz-queue-empty' }, ctx.t('viz.none')),
  );
}

/** sync.Mutex: bits, decoded fields, holder, clock and m.sema's queue. */
export function mutexView(ctx: RenderCtx, m: MutexState): HTMLElement[] {
  const d = describeMutexState(m.word);
  return [
    wordView(ctx, 'm.state', m.word),
    facts([
      [ctx.t('viz.field.locked'), yesNo(ctx, d.locked)],
      [ctx.t('viz.field.woken'), yesNo(ctx, d.woken)],
      [ctx.t('viz.field.starving'), yesNo(ctx, d.starving)],
      [ctx.t('viz.field.waiters'), String(d.waiters)],
      [ctx.t('viz.field.holder'), m.holder ?? ctx.t('viz.none')],
      [ctx.t('viz.field.semaCount'), String(m.sema.count)],
      [ctx.t('viz.field.clock'), `${m.now.toLocaleString('en-US')} ns`],
    ]),
    queueView(ctx, 'm.sema', m.sema.waiters),
  ];
}

/** sync.RWMutex: readerCount (decimal, hex, "n − 2^30"), readerWait, w and the semaphores' queues. */
export function rwmutexView(ctx: RenderCtx, m: RWMutexState): HTMLElement[] {
  const rc = describeReaderCount(m.readerCount);
  return [
    h(
      'p',
      { class: 'viz-word-value' },
      h(
        'code',
        {},
        ctx.t('viz.value', { name: 'readerCount', dec: m.readerCount, hex: hex(m.readerCount, 8) }),
      ),
      rc.writerPending ? h('code', { class: 'viz-binary' }, ` = ${rc.text}`) : null,
    ),
    facts([
      [ctx.t('viz.field.readers'), String(rc.readers)],
      [ctx.t('viz.field.writerPending'), yesNo(ctx, rc.writerPending)],
      [ctx.t('viz.field.readerWait'), String(m.readerWait)],
      [ctx.t('viz.field.w'), m.w.holder ?? ctx.t('viz.none')],
    ]),
    h(
      'div',
      { class: 'viz-queues' },
      queueView(ctx, 'w', m.w.waiters),
      queueView(ctx, 'writerSem', m.writerSem.waiters),
      queueView(ctx, 'readerSem', m.readerSem.waiters),
    ),
  ];
}

/** counter++: the shared counter next to the number of increments that ran (registers are in the lanes). */
export function counterView(ctx: RenderCtx, c: CounterState): HTMLElement[] {
  const iterations = c.expected / Math.max(1, c.goroutines.length);
  const made = c.goroutines.reduce((sum, g) => sum + (iterations - g.remaining), 0);
  return [
    h('p', { class: 'viz-big' }, h('code', {}, `counter = ${c.counter}`)),
    facts([
      [ctx.t('viz.field.expected'), `${made} / ${c.expected}`],
      ...(c.variant === 'mutex'
        ? ([[ctx.t('viz.field.holder'), c.mutex.holder ?? ctx.t('viz.none')]] as [string, string][])
        : []),
    ]),
    ...(c.variant === 'mutex' ? [queueView(ctx, 'mu', c.mutex.waiters)] : []),
  ];
}

/** sync.WaitGroup: the 64-bit state word split into counter and waiters, and the semaphore queue. */
export function waitGroupView(ctx: RenderCtx, w: WaitGroupState): HTMLElement[] {
  return [
    h('p', { class: 'viz-word-value' }, h('code', {}, `wg.state = ${waitGroupWord(w)}`)),
    facts([
      [ctx.t('viz.field.wgCounter'), String(w.counter)],
      [ctx.t('viz.field.wgWaiters'), String(w.waiters)],
    ]),
    queueView(ctx, 'wg.sema', w.sema.waiters),
  ];
}
