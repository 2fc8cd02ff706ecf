/**
 * Which span the learner is on: the focused one (the lanes' single tab stop), the selected one
 * (its sentence said in an aria-live region, its line marked in the editor, its table row marked)
 * and the step mode's current one (its line marked too). Each brings its span into the window.
 * N.B. BROWSER CODE.
 */
import type { Locale } from '../i18n/index.ts';
import { h } from '../visualizer/render/dom.ts';
import type { Place, TimelineModel } from './model.ts';
import { spanSentence, type Step } from './sentences.ts';
import type { TimelineLanes } from './timeline-lanes.ts';
import type { PanelWindow } from './timeline-window.ts';
import { bringIntoView } from './view-window.ts';
import { say } from './words.ts';

export interface PanelSelection {
  /** The aria-live line that says the selected span's sentence. */
  sayEl: HTMLElement;
  select: (span: number) => void;
  /** The step mode moved (null: back before the first event). */
  showStep: (step: Step | null) => void;
  /** Moves the focus to a span (arrow keys), bringing it into the window. */
  moveTo: (span: number) => void;
  /** A span took the focus by itself (Tab, a click): it holds the tab stop now. */
  focused: (span: number) => void;
}

export interface SelectionHooks {
  /** Marks the span's line in the editor (null: unmark). */
  onSelect: (place: Place | null) => void;
  /** Marks the span's row in the table, if it is built. */
  markRow: (span: number) => void;
}

export function panelSelection(
  model: TimelineModel,
  locale: Locale,
  lanes: TimelineLanes,
  win: PanelWindow,
  hooks: SelectionHooks,
): PanelSelection {
  const { state } = win;
  const sayEl = h('p', { class: 'tl-say', 'aria-live': 'polite', role: 'status' });
  const select = (index: number) => {
    const s = model.spans[index];
    if (!s) return;
    state.selected = index;
    state.focused = index;
    win.bringSpan(index);
    hooks.markRow(index);
    sayEl.textContent = say(locale, spanSentence(model, s));
    hooks.onSelect(s.at);
  };
  const showStep = (step: Step | null) => {
    state.stepAt = step ? step.span : null;
    const s = step ? model.spans[step.span]! : null;
    hooks.onSelect(s?.at ?? null);
    // The window takes in both the span and the step's moment (a wake comes after its span starts).
    win.update(
      s
        ? bringIntoView(state.view, Math.min(s.start, step!.t), Math.max(s.start, step!.t), model.endNs)
        : state.view,
    );
  };
  const moveTo = (index: number) => {
    state.focused = index;
    win.bringSpan(index);
    lanes.focusSpan(index);
  };
  const focused = (index: number) => {
    state.focused = index;
    for (const b of lanes.scroll.querySelectorAll<HTMLElement>('.tl-span'))
      b.tabIndex = Number(b.dataset.span) === index ? 0 : -1;
  };
  return { sayEl, select, showStep, moveTo, focused };
}
