/** The state panel of the map-check model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { facts, h } from '../../render/dom.ts';
import { table, yesNo } from '../../render/widgets.ts';
import type { MapState } from './map-check.ts';

/** Built-in map: the `writing` flag as a bit cell, the entries and whether operations overlapped. */
export function mapView(ctx: RenderCtx, m: MapState): HTMLElement[] {
  return [
    h(
      'ol',
      { class: 'viz-bits', 'aria-label': ctx.t('viz.bits', { name: 'm.writing' }) },
      h(
        'li',
        { class: 'viz-bit', 'data-on': m.writing, 'data-role': 'writing' },
        h('span', { class: 'viz-bit-role' }, ctx.t('viz.bit.writing')),
        h('span', { class: 'viz-bit-value' }, String(m.writing)),
        h('span', { class: 'viz-bit-index' }, ctx.t('viz.bit', { bit: 0 })),
      ),
    ),
    table(
      ctx.t('viz.field.entries'),
      ['key', 'value'],
      Object.entries(m.entries).map(([k, v]) => [`"${k}"`, `"${v}"`]),
    ),
    facts([[ctx.t('viz.field.race'), yesNo(ctx, m.raceObserved)]]),
  ];
}
