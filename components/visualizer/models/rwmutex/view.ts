/** The state panel of the rwmutex model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { facts, h } from '../../render/dom.ts';
import { hex } from '../../render/layout.ts';
import { queueView, yesNo } from '../../render/widgets.ts';
import { describeReaderCount, type RWMutexState } from './rwmutex.ts';

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
