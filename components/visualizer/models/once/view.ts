/** The state panel of the sync.Once model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { facts, h } from '../../render/dom.ts';
import { queueView } from '../../render/widgets.ts';
import type { OnceState } from './state.ts';

/**
 * sync.Once: which Do runs, done (as Go 1.25+ stores it), who holds o.m, who runs f, o.m's queue, and
 * the goroutines that used f's result before f returned (the CAS-only Do's break level).
 */
export function onceView(ctx: RenderCtx, o: OnceState): HTMLElement[] {
  return [
    facts([
      [ctx.t('viz.once.impl'), ctx.t(o.impl === 'cas' ? 'viz.once.impl.cas' : 'viz.once.impl.go')],
      [ctx.t('viz.once.done'), h('code', {}, `${o.done} (${o.done ? 'true' : 'false'})`)],
      [ctx.t('viz.once.mutex'), o.m.holder ?? ctx.t('viz.none')],
      [ctx.t('viz.once.runner'), o.runner ?? ctx.t('viz.none')],
      [ctx.t('viz.once.early'), o.early.length ? o.early.join(', ') : ctx.t('viz.none')],
    ]),
    queueView(ctx, 'o.m', o.m.queue),
  ];
}
