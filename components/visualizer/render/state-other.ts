/**
 * State panels for the map check, the wait-for graph, happens-before clocks, cache lines and the
 * legacy sync.Map. Tables, not pictures, so screen readers get the same facts. N.B. BROWSER CODE.
 */
import type { FalseSharingState } from '../models/false-sharing.ts';
import { raceReport, type HappensBeforeState, type VectorClock } from '../models/happens-before.ts';
import type { MapState } from '../models/map-check.ts';
import type { LegacySyncMapState } from '../models/syncmap-legacy.ts';
import type { WaitForState } from '../models/wait-for.ts';
import type { RenderCtx } from './context.ts';
import { facts, h } from './dom.ts';

const yesNo = (ctx: RenderCtx, b: boolean): string => ctx.t(b ? 'viz.yes' : 'viz.no');

/** A simple table with a caption and header row. */
export function table(caption: string, head: string[], rows: (string | Node)[][]): HTMLElement {
  return h(
    'div',
    { class: 'viz-table-wrap' },
    h(
      'table',
      { class: 'viz-table' },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))),
          ),
        ),
      ),
    ),
  );
}

/** A titled block inside the state panel. */
function group(title: string, body: HTMLElement): HTMLElement {
  return h('div', { class: 'viz-group' }, h('p', { class: 'viz-queue-label' }, title), body);
}

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
