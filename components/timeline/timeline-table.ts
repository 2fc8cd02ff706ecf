/**
 * The table view of a timeline: the same spans as the lanes, one row each in time order, in a real
 * <table> with a caption and column headers, inside its own focusable scroll region so a phone
 * never scrolls sideways. A row's button selects its span as Enter on a lane does.
 * N.B. BROWSER CODE.
 */
import { h } from '../visualizer/render/dom.ts';
import { t, type Locale, type TimelineKey } from '../i18n/index.ts';
import { tableRows, type TimelineModel } from './model.ts';
import { atText } from './sentences.ts';
import { duration } from './words.ts';

const COLUMNS: TimelineKey[] = [
  'tl.table.goroutine',
  'tl.table.state',
  'tl.table.start',
  'tl.table.end',
  'tl.table.duration',
  'tl.table.where',
  'tl.table.woken',
];

/** Builds the table; select(span) is called when a row's button is pressed. */
export function buildTable(
  model: TimelineModel,
  locale: Locale,
  select: (span: number) => void,
): { el: HTMLElement; mark: (span: number | null) => void } {
  const w = (key: TimelineKey, params?: Record<string, string | number>) => t(locale, key, params);
  const rows = tableRows(model).map((r) => {
    const state = r.reason
      ? `${w(`tl.state.${r.state}`)} (${w(`tl.reason.${r.reason}`)})`
      : w(`tl.state.${r.state}`);
    return h(
      'tr',
      { 'data-span': r.span },
      h(
        'th',
        { scope: 'row' },
        h(
          'button',
          { type: 'button', class: 'tl-row-select', onclick: () => select(r.span), 'aria-pressed': 'false' },
          `G${r.g}`,
        ),
      ),
      h('td', {}, state),
      h('td', {}, duration(locale, r.start)),
      h('td', {}, duration(locale, r.end)),
      h('td', {}, duration(locale, r.duration)),
      h('td', {}, r.at ? atText(r.at) : '—'),
      h('td', {}, r.wokenBy === null ? '—' : `G${r.wokenBy}`),
    );
  });
  const table = h(
    'table',
    { class: 'tl-table' },
    h('caption', {}, w('tl.table.caption')),
    h('thead', {}, h('tr', {}, ...COLUMNS.map((k) => h('th', { scope: 'col' }, w(k))))),
    h('tbody', {}, ...rows),
  );
  const el = h(
    'div',
    { class: 'tl-table-scroll', tabindex: 0, role: 'region', 'aria-label': w('tl.table.caption') },
    table,
  );
  const mark = (span: number | null) => {
    for (const row of rows) {
      const on = span !== null && row.dataset.span === String(span);
      row.classList.toggle('tl-row-selected', on);
      row.querySelector('button')!.setAttribute('aria-pressed', String(on));
    }
  };
  return { el, mark };
}

export interface TableSlot {
  el: HTMLElement;
  /** Shows (building it the first time) or hides the table; selected: the span whose row is marked. */
  show: (on: boolean, selected: number | null) => void;
  mark: (span: number | null) => void;
}

/** The table's place in the panel. It is built the first time it is asked for: a long trace makes thousands of rows. */
export function tableSlot(model: TimelineModel, locale: Locale, select: (span: number) => void): TableSlot {
  let table: ReturnType<typeof buildTable> | null = null;
  const el = h('div', { class: 'tl-table-slot' });
  const show = (on: boolean, selected: number | null) => {
    if (on && !table) {
      table = buildTable(model, locale, select);
      table.mark(selected);
      el.append(table.el);
    }
    if (table) table.el.hidden = !on;
  };
  return { el, show, mark: (span) => table?.mark(span) };
}
