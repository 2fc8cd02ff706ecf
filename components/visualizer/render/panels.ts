/**
 * The step log (the timeline's text twin: every step's narration, steps still ahead counted) and
 * the "About this model" disclosure with its Go versions, sources and simplifications.
 * N.B. BROWSER CODE.
 */
import type { ModelInfo } from '../models/types.ts';
import { narrationText } from '../i18n/narrate.ts';
import type { VizKey } from '../../i18n/index.ts';
import type { RenderCtx } from './context.ts';
import { h } from './dom.ts';

/** The ordered log of steps so far; the newest is marked as current. */
export function logView(ctx: RenderCtx, ahead: number): HTMLElement {
  const steps = ctx.run.steps;
  return h(
    'details',
    { class: 'viz-log', open: true },
    h('summary', {}, `${ctx.t('viz.log')} (${steps.length})`),
    steps.length
      ? h(
          'ol',
          { class: 'viz-log-list' },
          steps.map((st, i) =>
            h(
              'li',
              { 'aria-current': i === steps.length - 1 ? 'step' : null },
              st.narration.map((n) => narrationText(ctx.locale, n)).join(' '),
            ),
          ),
        )
      : h('p', { class: 'viz-queue-empty' }, ctx.t('viz.log.empty')),
    ahead
      ? h('p', { class: 'viz-log-ahead' }, ctx.t('viz.timeline.summary', { done: steps.length, ahead }))
      : null,
  );
}

/** Model metadata for the curious (and for honesty about what is simplified). */
export function aboutView(
  t: (k: VizKey, p?: Record<string, string | number>) => string,
  info: ModelInfo,
): HTMLElement {
  return h(
    'details',
    { class: 'viz-about' },
    h('summary', {}, `${t('viz.about')}: ${info.title}`),
    h('p', {}, t('viz.about.versions', { versions: info.goVersions })),
    h('p', { class: 'viz-queue-label' }, t('viz.about.sources')),
    h(
      'ul',
      {},
      info.sources.map((x) => h('li', {}, h('code', {}, x))),
    ),
    h('p', { class: 'viz-queue-label' }, t('viz.about.simplifications')),
    h(
      'ul',
      {},
      info.simplifications.map((x) => h('li', {}, x)),
    ),
  );
}
