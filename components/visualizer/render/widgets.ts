/**
 * Small building blocks the models' state panels share: yes/no, a semaphore queue, a table, a titled group.
 * N.B. BROWSER CODE.
 */
import type { RenderCtx } from './context.ts';
import { h } from './dom.ts';

/** A boolean in the page's language. */
export const yesNo = (ctx: RenderCtx, b: boolean): string => ctx.t(b ? 'viz.yes' : 'viz.no');

/**
 * A queue of goroutine ids, head first, as an ordered list (or "none"). The box names its semaphore
 * and each slot its goroutine (`data-queue`, `data-key="g:G2"`) so motion.ts can move a goroutine
 * between its lane and its place in the queue across a step.
 */
export function queueView(ctx: RenderCtx, sema: string, ids: readonly string[]): HTMLElement {
  const label = ctx.t('viz.queue', { sema });
  return h(
    'div',
    { class: 'viz-queue-box', 'data-queue': sema },
    h('p', { class: 'viz-queue-label' }, label),
    ids.length
      ? h(
          'ol',
          { class: 'viz-queue', 'aria-label': label },
          ids.map((g) => h('li', { 'data-key': `g:${g}` }, g)),
        )
      : h('p', { class: 'viz-queue-empty' }, ctx.t('viz.none')),
  );
}

/** A simple table with a caption and header row. */
export function table(caption: string, head: string[], rows: (string | Node)[][]): HTMLElement {
  return h(
    'div',
    { class: 'viz-table-wrap' },
    h(
      'table',
      { class: 'viz-table' },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))),
          ),
        ),
      ),
    ),
  );
}

/** A titled block inside the state panel. */
export function group(title: string, body: HTMLElement): HTMLElement {
  return h('div', { class: 'viz-group' }, h('p', { class: 'viz-queue-label' }, title), body);
}
