/**
 * The wake arrows over the lanes: one SVG line per wake in the window, from the waker's lane to
 * the woken goroutine's span, its words in a <title>, the arrow of the span shown (selected or
 * the step's) highlighted. The SVG is aria-hidden: the span's sentence says the same.
 * N.B. BROWSER CODE.
 */
import type { Locale } from '../i18n/index.ts';
import { svg } from '../visualizer/render/dom.ts';
import type { TimelineModel } from './model.ts';
import { edgePhrase } from './sentences.ts';
import { position, type ViewWindow } from './view-window.ts';
import { say } from './words.ts';

/** Each lane's height in px: the wake arrows are drawn between lane centres. */
export const LANE_PX = 34;

/** The arrowhead's marker, defined once per SVG under an id unique to the panel. */
function arrowDefs(arrowId: string): SVGElement {
  return svg(
    'defs',
    {},
    svg(
      'marker',
      {
        id: arrowId,
        viewBox: '0 0 8 8',
        refX: 7,
        refY: 4,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto-start-reverse',
      },
      svg('path', { d: 'M0,0 L8,4 L0,8 z', class: 'tl-arrowhead' }),
    ),
  );
}

/** Redraws the arrows into edgesSvg for view; shown: the span whose arrow is highlighted. */
export function drawEdges(
  edgesSvg: SVGElement,
  model: TimelineModel,
  locale: Locale,
  view: ViewWindow,
  shown: number | null,
  arrowId: string,
): void {
  const laneIndex = new Map(model.lanes.map((l, i) => [l.g, i]));
  edgesSvg.replaceChildren(
    arrowDefs(arrowId),
    ...model.edges
      .filter((e) => e.t >= view.from && e.t <= view.to)
      .map((e) => {
        const x = `${position(view, e.t) * 100}%`;
        const from = laneIndex.get(e.waker)! * LANE_PX + LANE_PX / 2;
        const toLane = laneIndex.get(e.waiter)!;
        // Stop at the waiter's box, on the side the arrow comes from.
        const to = toLane * LANE_PX + (from < toLane * LANE_PX ? 5 : LANE_PX - 5);
        const span = model.spans[e.span]!;
        return svg(
          'line',
          {
            x1: x,
            x2: x,
            y1: from,
            y2: to,
            class: e.span === shown ? 'tl-edge tl-edge-on' : 'tl-edge',
            'marker-end': `url(#${arrowId})`,
          },
          svg('title', {}, say(locale, edgePhrase(span)!)),
        );
      }),
  );
}
