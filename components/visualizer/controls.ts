/**
 * The playback toolbar (Reset, Back/Undo, Step, Play/Pause, speed, Copy link, position) and the
 * keyboard map, which only acts while focus is inside the visualizer and never inside form fields.
 * N.B. BROWSER CODE.
 */
import { h } from './render/dom.ts';
import type { VizKey } from '../i18n/index.ts';

/** Speeds offered, in ms per step. */
export const SPEEDS = { slow: 1600, normal: 900, fast: 400 } as const;
/** A speed name. */
export type Speed = keyof typeof SPEEDS;

/** Actions the toolbar and keys trigger. */
export interface ControlActions {
  reset: () => void;
  back: () => void;
  forward: () => void;
  togglePlay: () => void;
  setSpeed: (s: Speed) => void;
  share: () => void;
  pickIndex: (n: number) => void;
}

/** The toolbar's live parts, updated after every move. */
export interface Toolbar {
  el: HTMLElement;
  back: HTMLButtonElement;
  forward: HTMLButtonElement;
  play: HTMLButtonElement;
  position: HTMLElement;
  shareStatus: HTMLElement;
}

/** Builds the toolbar. `undo` renames Back for levels. */
export function buildToolbar(t: (k: VizKey) => string, a: ControlActions, undo: boolean): Toolbar {
  const btn = (key: VizKey, focus: string, keys: string, on: () => void, symbol: string): HTMLButtonElement =>
    h(
      'button',
      { type: 'button', class: 'viz-button', 'data-focus': focus, 'aria-keyshortcuts': keys, onclick: on },
      h('span', { 'aria-hidden': 'true' }, `${symbol} `),
      t(key),
    );
  const back = btn(undo ? 'viz.undo' : 'viz.back', 'back', 'ArrowLeft', a.back, '◀');
  const forward = btn('viz.step', 'forward', 'ArrowRight', a.forward, '▶');
  const play = btn('viz.play', 'play', 'Space', a.togglePlay, '►');
  const speed = h(
    'select',
    {
      class: 'viz-select',
      'data-focus': 'speed',
      onchange: (e: Event) => a.setSpeed((e.target as HTMLSelectElement).value as Speed),
    },
    (Object.keys(SPEEDS) as Speed[]).map((s) =>
      h('option', { value: s, selected: s === 'normal' }, t(`viz.speed.${s}`)),
    ),
  );
  const position = h('span', { class: 'viz-position' });
  const shareStatus = h('span', { class: 'viz-share-status', role: 'status' });
  const el = h(
    'div',
    { class: 'viz-toolbar', role: 'toolbar', 'aria-label': t('viz.controls') },
    btn('viz.reset', 'reset', 'R', a.reset, '↺'),
    back,
    forward,
    play,
    h('label', { class: 'viz-speed' }, t('viz.speed'), ' ', speed),
    h(
      'button',
      { type: 'button', class: 'viz-button', 'data-focus': 'share', onclick: a.share },
      t('viz.share'),
    ),
    position,
    shareStatus,
  );
  return { el, back, forward, play, position, shareStatus };
}

const FIELD = /^(INPUT|SELECT|TEXTAREA)$/;

/** Handles a keydown inside the visualizer; returns true when it acted (the caller prevents default). */
export function handleKey(e: KeyboardEvent, a: ControlActions): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey) return false;
  const target = e.target as HTMLElement | null;
  if (target && (FIELD.test(target.tagName) || target.isContentEditable)) return false;
  const onButton = target?.tagName === 'BUTTON' || target?.tagName === 'SUMMARY' || target?.tagName === 'A';
  if (e.key === 'ArrowRight') a.forward();
  else if (e.key === 'ArrowLeft') a.back();
  else if (e.key === ' ' && !onButton)
    a.togglePlay(); // on a button Space keeps its native meaning
  else if (e.key === 'r' || e.key === 'R') a.reset();
  else if (/^[1-9]$/.test(e.key)) a.pickIndex(Number(e.key) - 1);
  else return false;
  return true;
}
