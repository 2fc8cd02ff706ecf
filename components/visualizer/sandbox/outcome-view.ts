/**
 * The outcome table after a count: each outcome class with its number of schedules, its share and
 * a "show me one" button that loads a shortest schedule for it into the scheduler.
 * N.B. BROWSER CODE.
 */
import type { OutcomeRow } from '../engine/outcomes.ts';
import { parseOutcomeKey } from '../models/program/outcome.ts';
import { h } from '../render/dom.ts';
import type { Locale, VizKey } from '../../i18n/index.ts';
import { outcomeText } from './words.ts';

type T = (key: VizKey, params?: Record<string, string | number>) => string;

/** A share of all schedules as a percentage with one decimal, in the page's number format. */
export function percent(locale: Locale, part: bigint, total: bigint): string {
  const tenths = total === 0n ? 0 : Number((part * 1000n + total / 2n) / total) / 10;
  return `${tenths.toLocaleString(locale === 'zh-cn' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 1 })} %`;
}

/** A schedule count with grouping. */
export const countText = (locale: Locale, n: bigint): string =>
  n.toLocaleString(locale === 'zh-cn' ? 'zh-CN' : 'en-US');

/** The table; `show` loads a row's shortest schedule. */
export function outcomeTable(
  t: T,
  locale: Locale,
  rows: OutcomeRow[],
  total: bigint,
  show: (row: OutcomeRow, words: string) => void,
): HTMLElement {
  return h(
    'div',
    {
      class: 'viz-table-wrap sb-table-wrap',
      tabindex: 0,
      role: 'region',
      'aria-label': t('viz.sb.table.caption'),
    },
    h(
      'table',
      { class: 'viz-table sb-table' },
      h('caption', {}, t('viz.sb.table.caption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          (
            [
              'viz.sb.table.outcome',
              'viz.sb.table.schedules',
              'viz.sb.table.share',
              'viz.sb.table.example',
            ] as const
          ).map((k) => h('th', { scope: 'col' }, t(k))),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row, i) => {
          const words = outcomeText(locale, parseOutcomeKey(row.cls));
          return h(
            'tr',
            { 'data-outcome': parseOutcomeKey(row.cls).end },
            h('th', { scope: 'row' }, words),
            h('td', { class: 'sb-num' }, countText(locale, row.count)),
            h('td', { class: 'sb-num' }, percent(locale, row.count, total)),
            h(
              'td',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'viz-button',
                  'data-focus': `show-${i}`,
                  'aria-label': t('viz.sb.showOneLabel', { outcome: words }),
                  onclick: () => show(row, words),
                },
                t('viz.sb.showOne'),
              ),
            ),
          );
        }),
      ),
    ),
  );
}
