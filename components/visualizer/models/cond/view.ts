/** The state panel of the sync.Cond model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { facts, h } from '../../render/dom.ts';
import { group, queueView } from '../../render/widgets.ts';
import type { CondState } from './state.ts';

/** A list of goroutines with their tickets, or "none". */
function tickets(ctx: RenderCtx, label: string, rows: { g: string; ticket: number }[]): HTMLElement {
  return group(
    label,
    rows.length
      ? h(
          'ol',
          { class: 'viz-queue', 'aria-label': label },
          rows.map((w) => h('li', {}, ctx.t('viz.cond.ticket', { g: w.g, t: w.ticket }))),
        )
      : h('p', { class: 'viz-queue-empty' }, ctx.t('viz.none')),
  );
}

/** sync.Cond: c.L (holder and queue), the notifyList's two counters and its list, and the condition state. */
export function condView(ctx: RenderCtx, c: CondState, name: string): HTMLElement[] {
  // Goroutines that took a ticket and have not reached notifyListWait: the window a Signal may fall into.
  const window = c.goroutines
    .filter((g) => g.ticket !== null && (g.pc === 'unlock' || g.pc === 'park'))
    .map((g) => ({ g: g.id, ticket: g.ticket ?? 0 }));
  return [
    facts([
      [ctx.t('viz.field.holder'), c.L.holder ?? ctx.t('viz.none')],
      [ctx.t('viz.cond.wait'), String(c.wait)],
      [ctx.t('viz.cond.notify'), String(c.notify)],
      [ctx.t('viz.cond.state', { name }), String(c.n)],
    ]),
    queueView(ctx, 'mu', c.L.queue),
    tickets(ctx, ctx.t('viz.cond.list'), c.list),
    tickets(ctx, ctx.t('viz.cond.window'), window),
  ];
}
