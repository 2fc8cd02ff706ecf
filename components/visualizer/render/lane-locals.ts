/**
 * A lane's lockSlow locals (internal/sync/mutex.go) while its goroutine is inside lockSlow: each local by
 * its Go name with what it means, and its value in words, so nothing is told by colour alone.
 * N.B. BROWSER CODE.
 */
import type { LockSlowLocals } from '../models/define.ts';
import type { RenderCtx } from './context.ts';
import { facts, h } from './dom.ts';
import { yesNo } from './widgets.ts';

/** The locals as a captioned list of label/value pairs, named for screen readers by its caption. */
export function lockSlowView(ctx: RenderCtx, g: string, locals: LockSlowLocals): HTMLElement {
  const id = `viz-${ctx.scenario.id}-locals-${g}`;
  const list = facts(
    [
      [ctx.t('viz.locals.starving'), yesNo(ctx, locals.starving)],
      [
        ctx.t('viz.locals.waitStartTime'),
        locals.waitStartTime === 0
          ? ctx.t('viz.locals.notQueued')
          : `${locals.waitStartTime.toLocaleString('en-US')} ns`,
      ],
      [ctx.t('viz.locals.awoke'), yesNo(ctx, locals.awoke)],
      [ctx.t('viz.locals.iter'), String(locals.iter)],
      [ctx.t('viz.locals.queueLifo'), ctx.t(locals.queueLifo ? 'viz.locals.front' : 'viz.locals.back')],
    ],
    'viz-facts viz-locals-list',
  );
  list.setAttribute('aria-labelledby', id);
  return h(
    'div',
    { class: 'viz-locals', 'data-locals': g },
    h('p', { class: 'viz-locals-title', id }, ctx.t('viz.locals.title', { g })),
    list,
  );
}
