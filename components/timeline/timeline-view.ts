/**
 * The timeline panel under a playground's editor, loaded with import() only when the learner asks
 * for a timeline: one lane per goroutine on a time axis, spans coloured by state AND patterned and
 * labelled, arrows for wakes, race accesses on their goroutines' lanes, the deadlock's wait-for
 * picture, a legend, zoom and pan, spans with a roving tabindex, a selected span's sentence in an
 * aria-live region, the table view and the step mode. This file only composes the parts: the
 * window and the spans the learner is on (timeline-window.ts, timeline-selection.ts), the controls
 * (timeline-bar.ts), the legend (timeline-legend.ts), the lanes (timeline-lanes.ts,
 * timeline-edges.ts) and their input (timeline-input.ts), the table (timeline-table.ts), the step
 * mode (timeline-steps.ts) and the words under the lanes (timeline-extra.ts). The words come from
 * components/i18n;
 * what is drawn comes from the pure model (model.ts, sentences.ts, view-window.ts).
 * N.B. BROWSER CODE.
 */
import type { RunResult } from '../../contract/run.ts';
import type { Timeline } from '../../contract/timeline.ts';
import { t, type Locale } from '../i18n/index.ts';
import { h } from '../visualizer/render/dom.ts';
import { buildModel, type Place, type Sources } from './model.ts';
import { raceMarks } from './race-marks.ts';
import { buildBar } from './timeline-bar.ts';
import { buildExtra } from './timeline-extra.ts';
import { wireLaneInput } from './timeline-input.ts';
import { buildLanes } from './timeline-lanes.ts';
import { buildLegend, buildNotes } from './timeline-legend.ts';
import { buildStepMode } from './timeline-steps.ts';
import { tableSlot } from './timeline-table.ts';
import { panelSelection } from './timeline-selection.ts';
import { panelWindow } from './timeline-window.ts';
import { wholeRun } from './view-window.ts';

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

export function createTimelineView(opts: TimelineViewOptions): TimelineView {
  const { locale } = opts;
  const model = buildModel(opts.timeline, opts.sources);
  const marks = raceMarks(model, opts.result.races);
  const lanes = buildLanes(model, marks, locale);
  const win = panelWindow(model, lanes, (view) => bar.sync(view, model.endNs));
  const chosen = panelSelection(model, locale, lanes, win, {
    onSelect: opts.onSelect,
    markRow: (span) => table.mark(span),
  });
  const table = tableSlot(model, locale, chosen.select);
  const stepMode = buildStepMode(model, locale, chosen.showStep);
  stepMode.el.hidden = true;
  const bar = buildBar(locale, {
    zoom: win.zoom,
    pan: win.pan,
    whole: () => win.show(wholeRun(model.endNs)),
    table: (on) => {
      bar.tableToggle.setAttribute('aria-pressed', String(on));
      table.show(on, win.state.selected);
    },
    stepping: (on) => {
      bar.stepToggle.setAttribute('aria-pressed', String(on));
      stepMode.el.hidden = !on;
      if (!on) {
        stepMode.pause();
        chosen.showStep(null);
      } else stepMode.el.querySelector<HTMLElement>('[data-focus="forward"]')?.focus();
    },
    close: () => opts.onClose(),
  });
  const detachInput = wireLaneInput(model, lanes, { ...win, ...chosen, view: () => win.state.view });

  const el = h(
    'section',
    { class: 'tl', 'aria-label': t(locale, 'tl.title') },
    [
      h('p', { class: 'tl-title' }, t(locale, 'tl.title')),
      bar.el,
      buildLegend(locale, marks),
      bar.windowText,
    ],
    [buildNotes(locale, opts.timeline), stepMode.el, lanes.scroll, table.el],
    [chosen.sayEl, buildExtra(locale, model, marks, opts.result)],
  );
  win.show(win.state.view);
  const destroy = () => {
    stepMode.pause();
    detachInput();
    el.remove();
  };
  return { el, select: chosen.select, destroy };
}
