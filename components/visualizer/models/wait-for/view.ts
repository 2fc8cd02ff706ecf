/** The state panel of the wait-for model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { table } from '../../render/widgets.ts';
import type { WaitForState } from './wait-for.ts';

/** Wait-for graph: each lock's holders and queue. */
export function waitForView(ctx: RenderCtx, s: WaitForState): HTMLElement[] {
  const rows = Object.entries(s.locks).map(([name, l]) => [
    name,
    [...(l.writer ? [l.writer] : []), ...l.readers.map((r) => `${r} (R)`)].join(', ') || ctx.t('viz.none'),
    l.queue.map((q) => (q.mode === 'read' ? `${q.g} (R)` : q.g)).join(' → ') || ctx.t('viz.none'),
  ]);
  return [
    table(
      ctx.t('viz.field.locks'),
      [ctx.t('viz.field.lock'), ctx.t('viz.field.holder'), ctx.t('viz.field.queue')],
      rows,
    ),
  ];
}
