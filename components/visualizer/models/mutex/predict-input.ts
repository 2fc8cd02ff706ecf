/**
 * The "predict m.state" input: one toggle button per bit of the state word, labelled with its role
 * (locked, woken, starving, waiters ×n) so the learner builds the number bit by bit. N.B. BROWSER CODE.
 */
import { bitCaption, bitParts } from '../../render/bits.ts';
import { h } from '../../render/dom.ts';
import { hex, mutexBitCells, wordFromBits } from '../../render/layout.ts';
import type { PredictInput } from '../define.ts';

export const wordInput: PredictInput = (t, changed) => {
  const bits = Array.from({ length: 8 }, () => false);
  const toggle = (bit: number, b: HTMLButtonElement): void => {
    bits[bit] = !bits[bit];
    b.setAttribute('aria-pressed', String(bits[bit]));
    b.dataset.on = bits[bit] ? '1' : '0';
    b.querySelector('.viz-bit-value')!.textContent = bits[bit] ? '1' : '0';
    changed();
  };
  const cells = mutexBitCells(0).map((c) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'viz-bit viz-bit-toggle',
          'aria-pressed': 'false',
          'aria-label': `${t('viz.bit', { bit: c.bit })}: ${bitCaption({ t }, c)}`,
          'data-role': c.role,
          'data-focus': `bit-${c.bit}`,
          onclick: (e: Event) => toggle(c.bit, e.currentTarget as HTMLButtonElement),
        },
        ...bitParts({ t }, c),
      ),
    ),
  );
  return {
    el: h(
      'div',
      {},
      h('p', { class: 'viz-queue-label' }, t('viz.predict.bits')),
      h('ol', { class: 'viz-bits' }, cells),
    ),
    read: () => wordFromBits(bits),
    describe: (v) => `m.state = ${v} (${hex(v)})`,
  };
};
