/**
 * The visualizer's fixed frame, built once: header, level box, toolbar, keyboard help, the
 * focusable stage (lanes, state, timeline), the live narration, the log slot and "About".
 * The element fills the slots on every move. N.B. BROWSER CODE.
 */
import type { Toolbar } from '../controls.ts';
import type { Scenario } from '../engine/types.ts';
import type { ModelInfo } from '../models/types.ts';
import type { VizKey } from '../../i18n/index.ts';
import { h } from './dom.ts';
import { aboutView } from './panels.ts';

/** The slots the element updates. */
export interface Slots {
  stage: HTMLElement;
  lanes: HTMLElement;
  state: HTMLElement;
  timeline: HTMLElement;
  narration: HTMLElement;
  log: HTMLElement;
  note: HTMLElement;
  bar: Toolbar;
}

/** Decodes the element's base64 JSON attribute; null if missing or malformed. */
export function decodeScenario(attr: string | null): Scenario | null {
  if (!attr) return null;
  try {
    const bytes = Uint8Array.from(atob(attr), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Scenario;
  } catch {
    return null;
  }
}

/** Builds the frame; returns its root and the slots. */
export function buildSkeleton(
  s: Scenario,
  t: (k: VizKey, p?: Record<string, string | number>) => string,
  bar: Toolbar,
  level: HTMLElement | null,
  info: ModelInfo,
): { root: HTMLElement; slots: Slots } {
  const keysId = `viz-${s.id}-keys`;
  const slots: Slots = {
    // The stage is the keyboard target: focus it and ←/→/Space/R/1–9 drive the visualizer.
    stage: h('div', {
      class: 'viz-stage',
      tabindex: 0,
      role: 'group',
      'aria-label': t('viz.region', { title: s.title }),
      'aria-describedby': keysId,
      'data-focus': 'stage',
    }),
    lanes: h('div'),
    state: h('div', { class: 'viz-state' }),
    timeline: h('div'),
    narration: h('p', { class: 'viz-narration', 'aria-live': 'polite' }),
    log: h('div'),
    note: h('p', { class: 'viz-note', hidden: true }),
    bar,
  };
  const stateBox = h(
    'div',
    { class: 'viz-state-box' },
    h('p', { class: 'viz-section-title' }, t('viz.state')),
    slots.state,
  );
  slots.stage.append(slots.lanes, stateBox, slots.timeline);
  const root = h(
    'div',
    { class: 'viz' },
    h(
      'div',
      { class: 'viz-header' },
      h('p', { class: 'viz-title' }, s.title),
      h('p', { class: 'viz-desc' }, s.description),
    ),
    level,
    bar.el,
    h('p', { class: 'viz-keys', id: keysId }, t('viz.keys', { n: Math.min(9, s.goroutines.length) })),
    slots.note,
    slots.stage,
    h(
      'div',
      { class: 'viz-narration-box' },
      h('p', { class: 'viz-section-title' }, t('viz.narration')),
      slots.narration,
    ),
    slots.log,
    aboutView(t, info),
  );
  return { root, slots };
}
