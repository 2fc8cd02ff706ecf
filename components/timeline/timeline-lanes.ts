/**
 * The lanes: one per goroutine on a time axis, each a labelled group whose track holds the spans
 * in the window as buttons (a roving tabindex: one tab stop) and the race accesses as bars, under
 * an axis of times and the wake arrows, all in one focusable scroll region.
 * N.B. BROWSER CODE.
 */
import { t, type Locale } from '../i18n/index.ts';
import { h, svg } from '../visualizer/render/dom.ts';
import type { SpanBox, TimelineModel } from './model.ts';
import { raceMarkPhrase, type RaceMark } from './race-marks.ts';
import { atText } from './sentences.ts';
import { spanLabel, stateText, STATE_MARK } from './span-words.ts';
import { drawEdges, LANE_PX } from './timeline-edges.ts';
import { visibleBox, type ViewWindow } from './view-window.ts';
import { duration, say } from './words.ts';

/** What the lanes show: the window, and the spans that hold the tab stop, the selection, the step. */
export interface LanesState {
  view: ViewWindow;
  focused: number;
  selected: number | null;
  stepAt: number | null;
}

export interface TimelineLanes {
  /** The focusable scroll region holding axis, lanes and arrows. */
  scroll: HTMLElement;
  /** Redraws every span, race bar, arrow and the axis for the state's window. */
  draw: (state: LanesState) => void;
  /** Updates only the marks on the spans already drawn, and the arrows (the window did not move). */
  mark: (state: LanesState) => void;
  focusSpan: (index: number) => void;
  /** The first track's box: where the window's times fall on screen. */
  trackRect: () => DOMRect | undefined;
}

function laneEl(locale: Locale, lane: TimelineModel['lanes'][number], raced: boolean, track: HTMLElement) {
  const created = lane.created
    ? t(locale, 'tl.lane.created', { at: atText(lane.created) })
    : t(locale, 'tl.lane.unknown');
  const name = t(locale, 'tl.lane', { g: lane.g, func: lane.func });
  return h(
    'div',
    { class: 'tl-lane', role: 'group', 'aria-label': `${name}, ${created}` },
    h(
      'div',
      { class: 'tl-lane-label', 'aria-hidden': 'true', title: `${name}, ${created}` },
      h('span', { class: 'tl-lane-name' }, raced ? h('span', { class: 'tl-race-badge' }, '⚠ ') : null, name),
      h('span', { class: 'tl-lane-created' }, created),
    ),
    track,
  );
}

function spanButton(locale: Locale, s: SpanBox, state: LanesState): HTMLButtonElement | null {
  const boxed = visibleBox(state.view, s.start, s.end);
  if (!boxed) return null;
  const b = h(
    'button',
    {
      type: 'button',
      class: `tl-span tl-s-${s.state}`,
      'data-span': s.index,
      tabindex: s.index === state.focused ? 0 : -1,
      'aria-label': spanLabel(locale, s),
      'aria-pressed': String(s.index === state.selected),
      style: `left: ${boxed.left * 100}%; width: ${boxed.width * 100}%`,
    },
    h('span', { 'aria-hidden': 'true' }, `${STATE_MARK[s.state]} ${stateText(locale, s)}`),
  );
  if (s.index === state.stepAt) b.classList.add('tl-step-current');
  return b;
}

function raceBar(locale: Locale, m: RaceMark, view: ViewWindow): HTMLElement | null {
  const boxed = visibleBox(view, m.from, m.to);
  return boxed
    ? h('span', {
        class: 'tl-race',
        title: say(locale, raceMarkPhrase(m)),
        style: `left: ${boxed.left * 100}%; width: ${boxed.width * 100}%`,
      })
    : null;
}

function axisTicks(locale: Locale, view: ViewWindow): HTMLElement[] {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => {
    const ns = Math.round(view.from + share * (view.to - view.from));
    return h('span', { class: 'tl-tick', style: `left: ${share * 100}%` }, duration(locale, ns));
  });
  return [h('span', { class: 'tl-axis-pad' }), h('span', { class: 'tl-axis-ticks' }, ticks)];
}

export function buildLanes(model: TimelineModel, marks: readonly RaceMark[], locale: Locale): TimelineLanes {
  const arrowId = `tl-arrow-${Math.random().toString(36).slice(2, 8)}`;
  const axis = h('div', { class: 'tl-axis', 'aria-hidden': 'true' });
  const tracks = model.lanes.map(() => h('div', { class: 'tl-track' }));
  const edgesSvg = svg('svg', {
    class: 'tl-edges',
    'aria-hidden': 'true',
    height: model.lanes.length * LANE_PX,
  });
  const lanes = model.lanes.map((lane, i) =>
    laneEl(
      locale,
      lane,
      marks.some((m) => m.g === lane.g),
      tracks[i]!,
    ),
  );
  const grid = h(
    'div',
    { class: 'tl-grid', style: `--tl-lane: ${LANE_PX}px` },
    axis,
    h('div', { class: 'tl-lanes' }, lanes, edgesSvg),
  );
  const scroll = h(
    'div',
    { class: 'tl-scroll', tabindex: 0, role: 'region', 'aria-label': t(locale, 'tl.lanes.label') },
    grid,
  );
  const arrows = (state: LanesState) =>
    drawEdges(edgesSvg, model, locale, state.view, state.selected ?? state.stepAt, arrowId);
  const focusSpan = (index: number) =>
    scroll.querySelector<HTMLElement>(`.tl-span[data-span="${index}"]`)?.focus({ preventScroll: false });

  const draw = (state: LanesState) => {
    const hadFocus = scroll.contains(document.activeElement) && document.activeElement !== scroll;
    model.lanes.forEach((lane, i) => {
      const boxes = lane.spans.map((s) => spanButton(locale, s, state)).filter((b) => b !== null);
      const bars = marks.filter((m) => m.g === lane.g).map((m) => raceBar(locale, m, state.view));
      tracks[i]!.replaceChildren(...boxes, ...bars.filter((b) => b !== null));
    });
    arrows(state);
    axis.replaceChildren(...axisTicks(locale, state.view));
    // A focused span never has tabindex -1 alone: if it left the window, the first shown one takes the stop.
    if (!scroll.querySelector('.tl-span[tabindex="0"]'))
      scroll.querySelector<HTMLElement>('.tl-span')?.setAttribute('tabindex', '0');
    if (hadFocus) focusSpan(state.focused);
  };

  const mark = (state: LanesState) => {
    for (const b of scroll.querySelectorAll<HTMLElement>('.tl-span')) {
      const index = Number(b.dataset.span);
      b.tabIndex = index === state.focused ? 0 : -1;
      b.setAttribute('aria-pressed', String(index === state.selected));
      b.classList.toggle('tl-step-current', index === state.stepAt);
    }
    arrows(state);
  };

  return { scroll, draw, mark, focusSpan, trackRect: () => tracks[0]?.getBoundingClientRect() };
}
