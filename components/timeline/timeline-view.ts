/**
 * The timeline panel under a playground's editor, loaded with import() only when the learner asks
 * for a timeline: one lane per goroutine on a time axis, spans coloured by state AND patterned and
 * labelled, arrows for wakes, race accesses on their goroutines' lanes, the deadlock's wait-for
 * picture, a legend, zoom (+/−, Ctrl+wheel) and pan (drag, arrow keys on the lanes' region), spans
 * with a roving tabindex (←/→ within a lane, ↑/↓ between lanes), a selected span's sentence in an
 * aria-live region, the table view and the step mode. The words come from components/i18n; what
 * is drawn comes from the pure model (model.ts, sentences.ts, view-window.ts).
 * N.B. BROWSER CODE.
 */
import type { RunResult } from '../../contract/run.ts';
import type { Timeline } from '../../contract/timeline.ts';
import { t, type Locale, type TimelineKey } from '../i18n/index.ts';
import { h, svg } from '../visualizer/render/dom.ts';
import { buildModel, moveFocus, type Place, type SpanBox, type Sources } from './model.ts';
import {
  atText,
  edgePhrase,
  raceMarkPhrase,
  raceMarks,
  spanSentence,
  waitForPicture,
  type Step,
} from './sentences.ts';
import { buildStepMode } from './timeline-steps.ts';
import { buildTable } from './timeline-table.ts';
import {
  bringIntoView,
  panBy,
  position,
  visibleBox,
  wholeRun,
  zoomAround,
  type ViewWindow,
} from './view-window.ts';
import { duration, say } from './words.ts';

export interface TimelineViewOptions {
  locale: Locale;
  timeline: Timeline;
  /** The learner's files as they were run, to find their lines and quote their calls. */
  sources: Sources;
  result: Pick<RunResult, 'races' | 'goroutines' | 'status'>;
  /** A span was selected (or a step shown): mark its line in the editor (null: unmark). */
  onSelect: (place: Place | null) => void;
  onClose: () => void;
}

export interface TimelineView {
  el: HTMLElement;
  /** Selects a span as Enter on it does (by its index in time order). */
  select: (span: number) => void;
  destroy: () => void;
}

/** Each lane's height in px: the wake arrows are drawn between lane centres. */
const LANE_PX = 34;
/** How much one zoom step (a button, a key, a wheel notch) zooms. */
const ZOOM_STEP = 2;
const WHEEL_STEP = 1.25;
/** A press that moves less than this is a click, not a drag. */
const DRAG_PX = 4;

const STATE_MARK: Record<SpanBox['state'], string> = {
  running: '▮',
  runnable: '▱',
  waiting: '‖',
  syscall: '⇅',
};

export function createTimelineView(opts: TimelineViewOptions): TimelineView {
  const { locale } = opts;
  const w = (key: TimelineKey, params?: Record<string, string | number>) => t(locale, key, params);
  const model = buildModel(opts.timeline, opts.sources);
  const marks = raceMarks(model, opts.result.races);
  let view: ViewWindow = wholeRun(model.endNs);
  let focused = model.spans[0]?.index ?? -1;
  let selected: number | null = null;
  let stepAt: number | null = null;
  const arrowId = `tl-arrow-${Math.random().toString(36).slice(2, 8)}`;

  const stateText = (s: SpanBox) => {
    const state = w(`tl.state.${s.state}`);
    if (s.state !== 'waiting') return state;
    return w('tl.state.on', { state, what: s.call ?? w(`tl.reason.${s.reason ?? 'other'}`) });
  };
  const spanLabel = (s: SpanBox) =>
    w('tl.span.label', {
      g: s.g,
      state: stateText(s),
      from: duration(locale, s.start),
      to: duration(locale, s.end),
      duration: duration(locale, s.end - s.start),
    });

  // --- the bar: zoom, pan, table, step mode, close
  const button = (key: TimelineKey, on: () => void, symbol?: string, extra: Record<string, string> = {}) =>
    h(
      'button',
      { type: 'button', class: 'pg-button tl-button', onclick: on, ...extra },
      symbol ? h('span', { 'aria-hidden': 'true' }, `${symbol} `) : null,
      w(key),
    );
  const zoomBy = (factor: number, at = (view.from + view.to) / 2) => {
    view = zoomAround(view, factor, at, model.endNs);
    draw();
  };
  const panShare = (share: number) => {
    view = panBy(view, share, model.endNs);
    draw();
  };
  const zoomOut = button('tl.zoom.out', () => zoomBy(1 / ZOOM_STEP), '−', { 'aria-keyshortcuts': '-' });
  const zoomIn = button('tl.zoom.in', () => zoomBy(ZOOM_STEP), '+', { 'aria-keyshortcuts': '+' });
  const whole = button('tl.zoom.reset', () => {
    view = wholeRun(model.endNs);
    draw();
  });
  const earlier = button('tl.pan.left', () => panShare(-0.25), '←');
  const later = button('tl.pan.right', () => panShare(0.25), '→');
  const tableToggle = button('tl.view.table', () =>
    setTable(tableToggle.getAttribute('aria-pressed') !== 'true'),
  );
  tableToggle.setAttribute('aria-pressed', 'false');
  const stepToggle = button('tl.step.mode', () =>
    setStepping(stepToggle.getAttribute('aria-pressed') !== 'true'),
  );
  stepToggle.setAttribute('aria-pressed', 'false');
  const close = button('tl.close', () => opts.onClose(), '✕');
  const bar = h(
    'div',
    { class: 'tl-bar', role: 'group', 'aria-label': w('tl.controls') },
    zoomOut,
    zoomIn,
    whole,
    earlier,
    later,
    tableToggle,
    stepToggle,
    close,
  );

  // --- the legend: colour, pattern and mark for each state
  const legend = h(
    'ul',
    { class: 'tl-legend', 'aria-label': w('tl.legend') },
    (['running', 'runnable', 'waiting', 'syscall'] as const).map((state) =>
      h(
        'li',
        {},
        h('span', { class: `tl-swatch tl-s-${state}`, 'aria-hidden': 'true' }, STATE_MARK[state]),
        w(`tl.state.${state}`),
      ),
    ),
    h(
      'li',
      {},
      h('span', { class: 'tl-swatch tl-swatch-edge', 'aria-hidden': 'true' }, '↓'),
      w('tl.legend.edge'),
    ),
    marks.some((m) => m.onLane)
      ? h(
          'li',
          {},
          h('span', { class: 'tl-swatch tl-swatch-race', 'aria-hidden': 'true' }, '⚠'),
          w('tl.legend.race'),
        )
      : null,
  );

  const windowText = h('p', { class: 'tl-window' });
  const notes = h('div', { class: 'tl-notes' });
  if (opts.timeline.hiddenGoroutines > 0)
    notes.append(h('p', {}, w('tl.hidden', { count: opts.timeline.hiddenGoroutines })));
  if (opts.timeline.truncated)
    notes.append(
      h(
        'p',
        {},
        w(`tl.truncated.${opts.timeline.truncated.cause}`, { count: opts.timeline.truncated.afterEvents }),
      ),
    );

  // --- the lanes
  const axis = h('div', { class: 'tl-axis', 'aria-hidden': 'true' });
  const tracks = model.lanes.map(() => h('div', { class: 'tl-track' }));
  const edgesSvg = svg('svg', {
    class: 'tl-edges',
    'aria-hidden': 'true',
    height: model.lanes.length * LANE_PX,
  });
  const lanes = model.lanes.map((lane, i) => {
    const created = lane.created ? w('tl.lane.created', { at: atText(lane.created) }) : w('tl.lane.unknown');
    const name = w('tl.lane', { g: lane.g, func: lane.func });
    const raced = marks.some((m) => m.g === lane.g && m.onLane);
    return h(
      'div',
      { class: 'tl-lane', role: 'group', 'aria-label': `${name}, ${created}` },
      h(
        'div',
        { class: 'tl-lane-label', 'aria-hidden': 'true', title: `${name}, ${created}` },
        h(
          'span',
          { class: 'tl-lane-name' },
          raced ? h('span', { class: 'tl-race-badge' }, '⚠ ') : null,
          name,
        ),
        h('span', { class: 'tl-lane-created' }, created),
      ),
      tracks[i]!,
    );
  });
  const grid = h(
    'div',
    { class: 'tl-grid', style: `--tl-lane: ${LANE_PX}px` },
    axis,
    h('div', { class: 'tl-lanes' }, lanes, edgesSvg),
  );
  const scroll = h(
    'div',
    { class: 'tl-scroll', tabindex: 0, role: 'region', 'aria-label': w('tl.lanes.label') },
    grid,
  );
  const sayEl = h('p', { class: 'tl-say', 'aria-live': 'polite', role: 'status' });

  // --- races and deadlock, said in words under the lanes
  const extra = h('div', { class: 'tl-extra' });
  if (marks.length) {
    extra.append(
      h(
        'ul',
        { class: 'tl-races' },
        marks.map((m) => h('li', {}, say(locale, raceMarkPhrase(m)))),
      ),
      h('p', { class: 'tl-note' }, w('tl.race.note')),
    );
  }
  if (opts.result.status === 'deadlock' && opts.result.goroutines.length) {
    const picture = waitForPicture(model, opts.result);
    extra.append(
      h('p', { class: 'tl-subtitle' }, w('tl.deadlock.title')),
      h(
        'ul',
        { class: 'tl-waitfor' },
        picture.map((p) =>
          h(
            'li',
            {},
            say(locale, p.waits),
            p.holder ? h('span', { class: 'tl-holder' }, ` — ${say(locale, p.holder)}`) : null,
          ),
        ),
      ),
      h('p', {}, w('tl.deadlock.none')),
    );
  }

  // The table is built the first time it is asked for: a long trace makes thousands of rows.
  let table: ReturnType<typeof buildTable> | null = null;
  const tableSlot = h('div', { class: 'tl-table-slot' });
  const stepMode = buildStepMode(model, locale, (step) => showStep(step));
  stepMode.el.hidden = true;

  const el = h(
    'section',
    { class: 'tl', 'aria-label': w('tl.title') },
    h('p', { class: 'tl-title' }, w('tl.title')),
    bar,
    legend,
    windowText,
    notes,
    stepMode.el,
    scroll,
    tableSlot,
    sayEl,
    extra,
  );

  function spanButton(s: SpanBox): HTMLButtonElement | null {
    const boxed = visibleBox(view, s.start, s.end);
    if (!boxed) return null;
    const b = h(
      'button',
      {
        type: 'button',
        class: `tl-span tl-s-${s.state}`,
        'data-span': s.index,
        tabindex: s.index === focused ? 0 : -1,
        'aria-label': spanLabel(s),
        'aria-pressed': String(s.index === selected),
        style: `left: ${boxed.left * 100}%; width: ${boxed.width * 100}%`,
      },
      h('span', { 'aria-hidden': 'true' }, `${STATE_MARK[s.state]} ${stateText(s)}`),
    );
    if (s.index === stepAt) b.classList.add('tl-step-current');
    return b;
  }

  function drawEdges(): void {
    const laneIndex = new Map(model.lanes.map((l, i) => [l.g, i]));
    const shown = selected ?? stepAt;
    edgesSvg.replaceChildren(
      svg(
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
      ),
      ...model.edges
        .filter((e) => e.t >= view.from && e.t <= view.to)
        .map((e) => {
          const x = `${position(view, e.t) * 100}%`;
          const from = laneIndex.get(e.waker)! * LANE_PX + LANE_PX / 2;
          const toLane = laneIndex.get(e.waiter)!;
          // Stop at the waiter's box, on the side the arrow comes from.
          const to = toLane * LANE_PX + (from < toLane * LANE_PX ? 5 : LANE_PX - 5);
          const span = model.spans[e.span]!;
          const line = svg(
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
          return line;
        }),
    );
  }

  function drawAxis(): void {
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => {
      const ns = Math.round(view.from + share * (view.to - view.from));
      return h('span', { class: 'tl-tick', style: `left: ${share * 100}%` }, duration(locale, ns));
    });
    axis.replaceChildren(h('span', { class: 'tl-axis-pad' }), h('span', { class: 'tl-axis-ticks' }, ticks));
  }

  /** Redraws the window: spans, race marks, edges, axis and the window's words. */
  function draw(): void {
    const hadFocus = scroll.contains(document.activeElement) && document.activeElement !== scroll;
    model.lanes.forEach((lane, i) => {
      const boxes = lane.spans.map(spanButton).filter((b): b is HTMLButtonElement => b !== null);
      const raceBars = marks
        .filter((m) => m.g === lane.g && m.onLane)
        .map((m) => {
          const boxed = visibleBox(view, m.from, m.to);
          return boxed
            ? h('span', {
                class: 'tl-race',
                title: say(locale, raceMarkPhrase(m)),
                style: `left: ${boxed.left * 100}%; width: ${boxed.width * 100}%`,
              })
            : null;
        });
      tracks[i]!.replaceChildren(...boxes, ...raceBars.filter((b) => b !== null));
    });
    drawEdges();
    drawAxis();
    windowText.textContent = w('tl.window', {
      from: duration(locale, Math.round(view.from)),
      to: duration(locale, Math.round(view.to)),
      total: duration(locale, model.endNs),
    });
    zoomOut.disabled = view.from <= 0 && view.to >= Math.max(1, model.endNs);
    earlier.disabled = view.from <= 0;
    later.disabled = view.to >= Math.max(1, model.endNs);
    whole.disabled = zoomOut.disabled;
    // A focused span never has tabindex -1 alone: if it left the window, the first shown one takes the stop.
    if (!el.querySelector('.tl-span[tabindex="0"]'))
      el.querySelector<HTMLElement>('.tl-span')?.setAttribute('tabindex', '0');
    if (hadFocus) focusSpan(focused);
  }

  function focusSpan(index: number): void {
    el.querySelector<HTMLElement>(`.tl-span[data-span="${index}"]`)?.focus({ preventScroll: false });
  }

  /**
   * Shows a new window (redrawing every span) only when it moved; otherwise only the marks that
   * changed (roving tabindex, selection, the step's span, the highlighted arrow): a long trace has
   * thousands of spans, and a key press must not rebuild them all.
   */
  function update(next: ViewWindow): void {
    if (next.from !== view.from || next.to !== view.to) {
      view = next;
      draw();
      return;
    }
    for (const b of el.querySelectorAll<HTMLElement>('.tl-span')) {
      const index = Number(b.dataset.span);
      b.tabIndex = index === focused ? 0 : -1;
      b.setAttribute('aria-pressed', String(index === selected));
      b.classList.toggle('tl-step-current', index === stepAt);
    }
    drawEdges();
  }

  function moveTo(index: number): void {
    focused = index;
    const s = model.spans[index]!;
    update(bringIntoView(view, s.start, s.end, model.endNs));
    focusSpan(index);
  }

  function select(index: number): void {
    const s = model.spans[index];
    if (!s) return;
    selected = index;
    focused = index;
    update(bringIntoView(view, s.start, s.end, model.endNs));
    table?.mark(index);
    sayEl.textContent = say(locale, spanSentence(model, s));
    opts.onSelect(s.at);
  }

  function showStep(step: Step | null): void {
    stepAt = step ? step.span : null;
    const s = step ? model.spans[step.span]! : null;
    opts.onSelect(s?.at ?? null);
    update(
      s ? bringIntoView(view, Math.min(s.start, step!.t), Math.max(s.start, step!.t), model.endNs) : view,
    );
  }

  function setTable(on: boolean): void {
    tableToggle.setAttribute('aria-pressed', String(on));
    if (on && !table) {
      table = buildTable(model, locale, (span) => select(span));
      table.mark(selected);
      tableSlot.append(table.el);
    }
    if (table) table.el.hidden = !on;
  }

  function setStepping(on: boolean): void {
    stepToggle.setAttribute('aria-pressed', String(on));
    stepMode.el.hidden = !on;
    if (!on) {
      stepMode.pause();
      showStep(null);
    } else stepMode.el.querySelector<HTMLElement>('[data-focus="forward"]')?.focus();
  }

  // --- keyboard: on a span, arrows move between spans; on the region itself they pan
  const MOVES: Record<string, Parameters<typeof moveFocus>[2]> = {
    ArrowLeft: 'left',
    ArrowRight: 'right',
    ArrowUp: 'up',
    ArrowDown: 'down',
    Home: 'home',
    End: 'end',
  };
  scroll.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const onSpan = target.classList.contains('tl-span');
    const at = onSpan ? model.spans[Number(target.dataset.span)] : undefined;
    if (e.key === '+' || e.key === '=') zoomBy(ZOOM_STEP, at ? (at.start + at.end) / 2 : undefined);
    else if (e.key === '-') zoomBy(1 / ZOOM_STEP, at ? (at.start + at.end) / 2 : undefined);
    else if (onSpan && MOVES[e.key]) moveTo(moveFocus(model, Number(target.dataset.span), MOVES[e.key]!));
    else if (!onSpan && e.key === 'ArrowLeft') panShare(-0.25);
    else if (!onSpan && e.key === 'ArrowRight') panShare(0.25);
    else return;
    e.preventDefault();
  });
  scroll.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('.tl-span');
    if (target && !dragged) select(Number(target.dataset.span));
    dragged = false;
  });
  scroll.addEventListener('focusin', (e) => {
    const target = e.target as HTMLElement;
    if (target.classList.contains('tl-span')) {
      focused = Number(target.dataset.span);
      for (const b of el.querySelectorAll<HTMLElement>('.tl-span')) b.tabIndex = b === target ? 0 : -1;
    }
  });

  // --- Ctrl+wheel zooms around the pointer; a drag pans
  const nsAt = (clientX: number): number => {
    const rect = tracks[0]?.getBoundingClientRect();
    if (!rect || rect.width === 0) return (view.from + view.to) / 2;
    return view.from + ((clientX - rect.left) / rect.width) * (view.to - view.from);
  };
  const onWheel = (e: WheelEvent) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    zoomBy(e.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP, nsAt(e.clientX));
  };
  scroll.addEventListener('wheel', onWheel, { passive: false });
  let press: { x: number; view: ViewWindow; width: number } | null = null;
  let dragged = false;
  scroll.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    press = { x: e.clientX, view, width: tracks[0]?.getBoundingClientRect().width ?? 1 };
    dragged = false;
  });
  const onMove = (e: PointerEvent) => {
    if (!press) return;
    const dx = e.clientX - press.x;
    if (!dragged && Math.abs(dx) < DRAG_PX) return;
    dragged = true;
    const share = -dx / Math.max(1, press.width);
    view = panBy(press.view, share, model.endNs);
    draw();
  };
  const onUp = () => {
    press = null;
  };
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);

  draw();

  return {
    el,
    select,
    destroy: () => {
      stepMode.pause();
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      el.remove();
    },
  };
}
