/**
 * The timeline's controls: zoom out/in, the whole run, pan earlier/later, the table and step mode
 * toggles and Close, in one named group; and the line saying which part of the run is shown. The
 * bar only reports presses: the panel owns the window and what the toggles do.
 * N.B. BROWSER CODE.
 */
import { t, type Locale, type TimelineKey } from '../i18n/index.ts';
import { h } from '../visualizer/render/dom.ts';
import type { ViewWindow } from './view-window.ts';
import { duration } from './words.ts';

/** How much one zoom step (a button or a key) zooms. */
export const ZOOM_STEP = 2;
/** How much of the window one pan step (a button or an arrow key) moves. */
export const PAN_SHARE = 0.25;

export interface BarActions {
  zoom: (factor: number) => void;
  pan: (share: number) => void;
  whole: () => void;
  table: (on: boolean) => void;
  stepping: (on: boolean) => void;
  close: () => void;
}

export interface TimelineBar {
  el: HTMLElement;
  /** The line under the legend that says the window shown. */
  windowText: HTMLElement;
  tableToggle: HTMLButtonElement;
  stepToggle: HTMLButtonElement;
  /** Says the window and disables what cannot move it further. */
  sync: (view: ViewWindow, endNs: number) => void;
}

export function buildBar(locale: Locale, actions: BarActions): TimelineBar {
  const button = (key: TimelineKey, on: () => void, symbol?: string, extra: Record<string, string> = {}) =>
    h(
      'button',
      { type: 'button', class: 'pg-button tl-button', onclick: on, ...extra },
      symbol ? h('span', { 'aria-hidden': 'true' }, `${symbol} `) : null,
      t(locale, key),
    );
  const toggle = (key: TimelineKey, on: (pressed: boolean) => void) => {
    const b: HTMLButtonElement = button(key, () => on(b.getAttribute('aria-pressed') !== 'true'));
    b.setAttribute('aria-pressed', 'false');
    return b;
  };
  const zoomOut = button('tl.zoom.out', () => actions.zoom(1 / ZOOM_STEP), '−', { 'aria-keyshortcuts': '-' });
  const zoomIn = button('tl.zoom.in', () => actions.zoom(ZOOM_STEP), '+', { 'aria-keyshortcuts': '+' });
  const whole = button('tl.zoom.reset', actions.whole);
  const earlier = button('tl.pan.left', () => actions.pan(-PAN_SHARE), '←');
  const later = button('tl.pan.right', () => actions.pan(PAN_SHARE), '→');
  const tableToggle = toggle('tl.view.table', actions.table);
  const stepToggle = toggle('tl.step.mode', actions.stepping);
  const close = button('tl.close', actions.close, '✕');
  const el = h('div', { class: 'tl-bar', role: 'group', 'aria-label': t(locale, 'tl.controls') }, [
    zoomOut,
    zoomIn,
    whole,
    earlier,
    later,
    tableToggle,
    stepToggle,
    close,
  ]);
  const windowText = h('p', { class: 'tl-window' });
  const sync = (view: ViewWindow, endNs: number) => {
    windowText.textContent = t(locale, 'tl.window', {
      from: duration(locale, Math.round(view.from)),
      to: duration(locale, Math.round(view.to)),
      total: duration(locale, endNs),
    });
    zoomOut.disabled = view.from <= 0 && view.to >= Math.max(1, endNs);
    earlier.disabled = view.from <= 0;
    later.disabled = view.to >= Math.max(1, endNs);
    whole.disabled = zoomOut.disabled;
  };
  return { el, windowText, tableToggle, stepToggle, sync };
}
