/**
 * Bit cells for a state word: each cell shows its bit index, its role and 0/1 as text, so the
 * meaning never depends on colour. Also used (as toggle buttons) by "predict the state" levels.
 * N.B. BROWSER CODE.
 */
import { h } from './dom.ts';
import { binary, hex, mutexBitCells, type BitCell } from './layout.ts';
import type { RenderCtx } from './context.ts';

/** The role caption of a cell: `locked`, or `waiters ×4` for waiter bits. */
export function bitCaption(ctx: Pick<RenderCtx, 't'>, c: BitCell): string {
  return c.role === 'waiters' ? `${ctx.t('viz.bit.waiters')} ×${c.weight}` : ctx.t(`viz.bit.${c.role}`);
}

/** The cell's inner parts: caption, the 0/1 digit and the bit index. */
export function bitParts(ctx: Pick<RenderCtx, 't'>, c: BitCell): HTMLElement[] {
  return [
    h('span', { class: 'viz-bit-role' }, bitCaption(ctx, c)),
    h('span', { class: 'viz-bit-value' }, String(c.value)),
    h('span', { class: 'viz-bit-index' }, ctx.t('viz.bit', { bit: c.bit })),
  ];
}

/**
 * A read-only row of bit cells plus the word in decimal, hex and binary. The word carries its name and
 * value and each cell a stable key (`bit:m.state:0`), so motion.ts can flip the cells that changed.
 */
export function wordView(ctx: RenderCtx, name: string, word: number): HTMLElement {
  const cells = mutexBitCells(word);
  return h(
    'div',
    { class: 'viz-word', 'data-word': name, 'data-value': word },
    h(
      'ol',
      { class: 'viz-bits', 'aria-label': ctx.t('viz.bits', { name }), 'data-key': `word:${name}` },
      cells.map((c) =>
        h(
          'li',
          { class: 'viz-bit', 'data-on': c.value, 'data-role': c.role, 'data-key': `bit:${name}:${c.bit}` },
          ...bitParts(ctx, c),
        ),
      ),
    ),
    h(
      'p',
      { class: 'viz-word-value' },
      h('code', {}, ctx.t('viz.value', { name, dec: word, hex: hex(word) })),
      ' ',
      h('code', { class: 'viz-binary' }, `0b ${binary(word)}`),
    ),
  );
}
