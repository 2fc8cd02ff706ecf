/**
 * The level builder's form (the outcome to reach, the goal, Make) and the export/import panel
 * (copy or download the JSON, copy a share link, paste or pick a file to import). Markup only:
 * the element wires the actions and writes the live status lines. N.B. BROWSER CODE.
 */
import type { Predicate } from '../engine/types.ts';
import { h } from '../render/dom.ts';
import type { Locale, VizKey } from '../../i18n/index.ts';
import { MAX_GOAL } from './format.ts';
import { winText } from './words.ts';

type T = (key: VizKey, params?: Record<string, string | number>) => string;

/** The builder's fields, for the element to read. */
export interface BuilderForm {
  el: HTMLElement;
  win: () => Predicate | null;
  goal: () => string;
}

/** The builder: `wins` are the outcomes the count found that break something. */
export function builderForm(t: T, locale: Locale, wins: Predicate[], make: () => void): BuilderForm {
  if (!wins.length) return { el: h('p', {}, t('viz.sb.level.noBreak')), win: () => null, goal: () => '' };
  const select = h(
    'select',
    { id: 'sb-win', class: 'viz-select', 'data-focus': 'win' },
    wins.map((w, i) => h('option', { value: i }, winText(locale, w))),
  );
  const goal = h('textarea', {
    id: 'sb-goal',
    class: 'sb-goal',
    rows: 2,
    maxlength: MAX_GOAL,
    'data-focus': 'goal',
  });
  const el = h(
    'div',
    { class: 'sb-builder' },
    h('p', {}, h('label', { for: 'sb-win' }, t('viz.sb.level.win')), ' ', select),
    h('p', {}, h('label', { for: 'sb-goal' }, t('viz.sb.level.goal')), goal),
    h(
      'button',
      { type: 'button', class: 'viz-button viz-primary', 'data-focus': 'make', onclick: make },
      t('viz.sb.level.make'),
    ),
  );
  return { el, win: () => wins[Number(select.value)] ?? null, goal: () => goal.value.trim() };
}

/** What the export/import panel asks of the element. */
export interface IoActions {
  copyJson: () => void;
  download: () => void;
  copyLink: () => void;
  importText: (text: string) => void;
}

/** The panel and its fields. */
export function ioPanel(
  t: T,
  a: IoActions,
): { el: HTMLElement; json: HTMLTextAreaElement; link: HTMLInputElement } {
  const json = h('textarea', { id: 'sb-json', class: 'sb-json', rows: 8, spellcheck: 'false' });
  const link = h('input', { id: 'sb-link', class: 'viz-input sb-link', readonly: true, type: 'text' });
  const file = h('input', {
    id: 'sb-file',
    type: 'file',
    accept: 'application/json,.json',
    onchange: () => {
      const f = file.files?.[0];
      if (f) void f.text().then(a.importText);
      file.value = '';
    },
  });
  const button = (key: VizKey, focus: string, onclick: () => void) =>
    h('button', { type: 'button', class: 'viz-button', 'data-focus': focus, onclick }, t(key));
  const el = h(
    'div',
    { class: 'sb-io' },
    h(
      'div',
      { class: 'sb-row' },
      button('viz.sb.copyJson', 'copy-json', a.copyJson),
      button('viz.sb.download', 'download', a.download),
      button('viz.sb.copyLink', 'copy-link', a.copyLink),
    ),
    h('p', {}, h('label', { for: 'sb-link' }, t('viz.sb.linkField')), link),
    h('p', {}, h('label', { for: 'sb-json' }, t('viz.sb.json')), json),
    h(
      'div',
      { class: 'sb-row' },
      button('viz.sb.import', 'import', () => a.importText(json.value)),
      h('label', { for: 'sb-file', class: 'sb-file' }, t('viz.sb.importFile'), file),
    ),
  );
  return { el, json, link };
}
