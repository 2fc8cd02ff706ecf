/**
 * The words above the lanes that do not move with the window: the legend (colour, pattern and mark
 * of each state, the wake arrow, the race mark when there is one on a lane) and the notes on what
 * the trace left out (goroutines hidden, events cut).
 * N.B. BROWSER CODE.
 */
import type { Timeline } from '../../contract/timeline.ts';
import { t, type Locale } from '../i18n/index.ts';
import { h } from '../visualizer/render/dom.ts';
import type { RaceMark } from './race-marks.ts';
import { STATE_MARK } from './span-words.ts';

export function buildLegend(locale: Locale, marks: readonly RaceMark[]): HTMLElement {
  const item = (swatchClass: string, mark: string, text: string) =>
    h('li', {}, h('span', { class: `tl-swatch ${swatchClass}`, 'aria-hidden': 'true' }, mark), text);
  return h(
    'ul',
    { class: 'tl-legend', 'aria-label': t(locale, 'tl.legend') },
    (['running', 'runnable', 'waiting', 'syscall'] as const).map((state) =>
      item(`tl-s-${state}`, STATE_MARK[state], t(locale, `tl.state.${state}`)),
    ),
    item('tl-swatch-edge', '↓', t(locale, 'tl.legend.edge')),
    marks.some((m) => m.g !== null) ? item('tl-swatch-race', '⚠', t(locale, 'tl.legend.race')) : null,
  );
}

export function buildNotes(locale: Locale, timeline: Timeline): HTMLElement {
  const notes = h('div', { class: 'tl-notes' });
  if (timeline.hiddenGoroutines > 0)
    notes.append(h('p', {}, t(locale, 'tl.hidden', { count: timeline.hiddenGoroutines })));
  if (timeline.truncated)
    notes.append(
      h(
        'p',
        {},
        t(locale, `tl.truncated.${timeline.truncated.cause}`, { count: timeline.truncated.afterEvents }),
      ),
    );
  return notes;
}
