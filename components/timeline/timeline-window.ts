/**
 * The panel's state and the moves of its window: which part of the run is shown and which spans
 * hold the tab stop, the selection and the step. A new window redraws every span in it; the same
 * window redraws only the marks, since a long trace has thousands of spans and a key press must
 * not rebuild them all.
 * N.B. BROWSER CODE.
 */
import type { TimelineModel } from './model.ts';
import type { LanesState, TimelineLanes } from './timeline-lanes.ts';
import { bringIntoView, panBy, wholeRun, zoomAround, type ViewWindow } from './view-window.ts';

export interface PanelWindow {
  state: LanesState;
  /** Shows a window, redrawing every span in it. */
  show: (next: ViewWindow) => void;
  /** Shows a window if it moved; otherwise redraws only the marks (tab stop, selection, step, arrow). */
  update: (next: ViewWindow) => void;
  /** Zooms by factor around at (ns), or around the window's middle. */
  zoom: (factor: number, at?: number) => void;
  pan: (share: number) => void;
  /** Brings a span (by index) into the window, keeping its width. */
  bringSpan: (index: number) => void;
}

/** onShown: told of every new window (the bar says it and disables what cannot move it further). */
export function panelWindow(
  model: TimelineModel,
  lanes: TimelineLanes,
  onShown: (view: ViewWindow) => void,
): PanelWindow {
  const state: LanesState = {
    view: wholeRun(model.endNs),
    focused: model.spans[0]?.index ?? -1,
    selected: null,
    stepAt: null,
  };
  const show = (next: ViewWindow) => {
    state.view = next;
    lanes.draw(state);
    onShown(state.view);
  };
  const update = (next: ViewWindow) =>
    next.from !== state.view.from || next.to !== state.view.to ? show(next) : lanes.mark(state);
  return {
    state,
    show,
    update,
    zoom: (factor, at = (state.view.from + state.view.to) / 2) =>
      show(zoomAround(state.view, factor, at, model.endNs)),
    pan: (share) => show(panBy(state.view, share, model.endNs)),
    bringSpan: (index) => {
      const s = model.spans[index]!;
      update(bringIntoView(state.view, s.start, s.end, model.endNs));
    },
  };
}
