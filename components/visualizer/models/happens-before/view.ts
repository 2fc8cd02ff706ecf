/** The state panel of the happens-before model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { h } from '../../render/dom.ts';
import { group, table } from '../../render/widgets.ts';
import { raceReport, type HappensBeforeState, type VectorClock } from './happens-before.ts';

const clockText = (c: VectorClock | undefined): string =>
  `[${Object.entries(c ?? {})
    .sort()
    .map(([g, t]) => `${g}:${t}`)
    .join(' ')}]`;

/** Happens-before: vector clocks, what sync objects carry, the edges drawn so far and any race reports. */
export function happensBeforeView(ctx: RenderCtx, s: HappensBeforeState): HTMLElement[] {
  return [
    table(
      ctx.t('viz.field.clocks'),
      ['g', 'clock'],
      Object.entries(s.clocks).map(([g, c]) => [g, clockText(c)]),
    ),
    table(
      ctx.t('viz.field.syncClocks'),
      ['sync', 'clock'],
      Object.entries(s.syncClocks).map(([k, c]) => [k, clockText(c)]),
    ),
    group(
      ctx.t('viz.field.edges'),
      s.edges.length
        ? h(
            'ul',
            { class: 'viz-edges' },
            s.edges.map((e) => h('li', {}, `${e.from.join(', ')} → ${e.to} (${e.kind}, ${e.sync})`)),
          )
        : h('p', { class: 'viz-queue-empty' }, ctx.t('viz.none')),
    ),
    group(
      ctx.t('viz.field.races'),
      s.races.length
        ? h('pre', { class: 'viz-race' }, s.races.map((r) => raceReport(s, r).join('\n')).join('\n\n'))
        : h('p', { class: 'viz-queue-empty' }, ctx.t('viz.none')),
    ),
  ];
}
