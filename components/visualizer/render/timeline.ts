/**
 * The SVG timeline: one row per goroutine (plus the clock), one box per step, the current step
 * filled and outlined, steps still ahead dashed. The step log is its text equivalent.
 * N.B. BROWSER CODE.
 */
import type { Move } from '../engine/types.ts';
import type { RenderCtx } from './context.ts';
import { h, svg } from './dom.ts';
import { TIMELINE, timelineLayout } from './layout.ts';

/** The timeline figure for past and future moves. */
export function timelineView(ctx: RenderCtx, past: readonly Move[], future: readonly Move[]): HTMLElement {
  const lanes = ctx.scenario.goroutines.map((g) => g.id);
  const t = timelineLayout(lanes, past, future);
  const summary = ctx.t('viz.timeline.summary', { done: past.length, ahead: future.length });
  const label = `${ctx.t('viz.timeline')}: ${summary}`;
  const rows = t.rows.map((r) =>
    svg(
      'text',
      { x: 4, y: r.y + TIMELINE.box - 4, class: 'viz-tl-label' },
      r.id === 'tick' ? ctx.t('viz.timeline.tick') : r.id,
    ),
  );
  const guides = t.rows.map((r) =>
    svg('line', {
      x1: TIMELINE.label - 4,
      x2: t.width,
      y1: r.y + TIMELINE.box / 2,
      y2: r.y + TIMELINE.box / 2,
      class: 'viz-tl-guide',
    }),
  );
  const boxes = t.boxes.map((b) =>
    svg(
      'g',
      { class: `viz-tl-box viz-tl-${b.kind}` },
      svg('rect', { x: b.x, y: b.y, width: b.size, height: b.size, rx: 3 }),
      svg('text', { x: b.x + b.size / 2, y: b.y + b.size - 4.5, 'text-anchor': 'middle' }, String(b.step)),
    ),
  );
  const figure = svg(
    'svg',
    {
      viewBox: `0 0 ${t.width} ${t.height}`,
      role: 'img',
      'aria-label': label,
      class: 'viz-tl',
      // Shrinks to the column instead of scrolling (a scroll box would need its own tab stop).
      style: `max-width: ${t.width}px`,
    },
    ...guides,
    ...rows,
    ...boxes,
  );
  return h(
    'div',
    { class: 'viz-timeline' },
    h('p', { class: 'viz-section-title' }, ctx.t('viz.timeline')),
    figure,
  );
}
