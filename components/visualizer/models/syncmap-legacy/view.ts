/** The state panel of the syncmap-legacy model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { facts, h } from '../../render/dom.ts';
import { table } from '../../render/widgets.ts';
import type { LegacySyncMapState } from './syncmap-legacy.ts';

/** Legacy sync.Map: read (with amended), dirty and misses; entry pointers shown as value/nil/expunged. */
export function legacySyncMapView(ctx: RenderCtx, s: LegacySyncMapState): HTMLElement[] {
  const entry = (id: number): string => {
    const p = s.entries[id];
    return p?.kind === 'value'
      ? `"${p.value}"`
      : ctx.t(p?.kind === 'expunged' ? 'viz.field.expunged' : 'viz.field.nil');
  };
  const rows = (m: Record<string, number>): string[][] =>
    Object.entries(m).map(([k, id]) => [`"${k}"`, entry(id)]);
  return [
    table(ctx.t('viz.field.read'), ['key', 'p'], rows(s.read.m)),
    s.dirty
      ? table(ctx.t('viz.field.dirty'), ['key', 'p'], rows(s.dirty))
      : h('p', {}, `${ctx.t('viz.field.dirty')}: nil`),
    facts([
      [ctx.t('viz.field.amended'), String(s.read.amended)],
      [ctx.t('viz.field.misses'), String(s.misses)],
    ]),
  ];
}
