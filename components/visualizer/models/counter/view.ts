/** The state panel of the counter model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { facts, h } from '../../render/dom.ts';
import { queueView } from '../../render/widgets.ts';
import type { CounterState } from './counter.ts';

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
