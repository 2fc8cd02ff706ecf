/** The state panel of the false-sharing model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { h } from '../../render/dom.ts';
import { table } from '../../render/widgets.ts';
import type { FalseSharingState } from './false-sharing.ts';

/** False sharing: where each variable lives, each line's M/S/I state per core, traffic counters. */
export function falseSharingView(ctx: RenderCtx, s: FalseSharingState): HTMLElement[] {
  const lineIds = [...new Set(s.vars.map((v) => Math.floor(v.offset / s.lineSize)))].sort((a, b) => a - b);
  const cores = Array.from({ length: s.cores }, (_, i) => ctx.t('viz.field.core', { core: i }));
  return [
    table(
      ctx.t('viz.field.variables'),
      ['var', 'offset', 'line'],
      s.vars.map((v) => [v.name, String(v.offset), String(Math.floor(v.offset / s.lineSize))]),
    ),
    table(
      ctx.t('viz.field.lineStates'),
      ['line', ...cores],
      lineIds.map((l) => [
        ctx.t('viz.field.line', { line: l }),
        ...(s.lines[l] ?? cores.map(() => 'I')).map((x) =>
          h('span', { class: 'viz-mesi', 'data-mesi': x }, x),
        ),
      ]),
    ),
    h('p', { class: 'viz-counters' }, ctx.t('viz.field.counters', { ...s.counters })),
  ];
}
