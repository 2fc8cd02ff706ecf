/**
 * The level box above the lanes: goal, outcome, hints revealed one at a time, and for "predict the
 * state" levels the inputs (bit toggles, readers + writer-pending, or a number) with Check.
 * N.B. BROWSER CODE.
 */
import { readerCountFrom, wordFromBits } from './engine/predict.ts';
import type { Scenario } from './engine/types.ts';
import { bitCaption, bitParts } from './render/bits.ts';
import { h } from './render/dom.ts';
import { hex, mutexBitCells } from './render/layout.ts';
import type { VizKey } from './strings.ts';

/** What the panel asks of the element. */
export interface LevelHooks {
  t: (key: VizKey, params?: Record<string, string | number>) => string;
  /** Checks a predicted value; returns whether it is right. */
  check: (value: number) => boolean;
  /** Shows the level's steps (plays the script). */
  reveal: () => void;
  /** Moves the learner would watch in a predict level, as labels. */
  sequence: string;
}

/** The level panel; the element calls `setStatus` after every move. */
export class LevelPanel {
  readonly el: HTMLElement;
  private readonly status: HTMLElement;
  private readonly hintList: HTMLOListElement;
  private readonly hintButton: HTMLButtonElement;
  private shown = 0;
  private readonly s: Scenario;
  private readonly hooks: LevelHooks;

  constructor(s: Scenario, hooks: LevelHooks, solvedBefore: boolean) {
    this.s = s;
    this.hooks = hooks;
    const level = s.level!;
    const t = hooks.t;
    this.status = h('p', { class: 'viz-level-status', 'data-outcome': 'playing' });
    this.hintList = h('ol', { class: 'viz-hints' });
    this.hintButton = h(
      'button',
      { type: 'button', class: 'viz-button', 'data-focus': 'hint', onclick: () => this.nextHint() },
      t('viz.level.hint'),
    );
    this.el = h(
      'div',
      { class: 'viz-level', 'data-kind': level.kind },
      h(
        'p',
        { class: 'viz-level-kind' },
        t(level.kind === 'break' ? 'viz.level.scheduler' : 'viz.level.predict'),
      ),
      h('p', { class: 'viz-level-goal' }, t('viz.level.goal', { goal: level.goal })),
      level.kind === 'predict'
        ? h('p', { class: 'viz-level-seq' }, t('viz.predict.sequence', { moves: hooks.sequence }))
        : null,
      solvedBefore ? h('p', { class: 'viz-level-solved' }, `✓ ${t('viz.level.solved')}`) : null,
      level.kind === 'predict' ? this.predictForm() : null,
      this.status,
      h('div', { class: 'viz-hint-row' }, this.hintButton),
      this.hintList,
    );
  }

  /** Shows the outcome text; `kind` drives the ✓/✗ marker and styling. */
  setStatus(text: string, kind: 'playing' | 'won' | 'lost'): void {
    const mark = kind === 'won' ? '✓ ' : kind === 'lost' ? '✗ ' : '';
    this.status.textContent = `${mark}${text}`;
    this.status.dataset.outcome = kind;
  }

  private nextHint(): void {
    const hints = this.s.level!.hints;
    if (this.shown >= hints.length) return;
    this.shown += 1;
    this.hintList.append(
      h(
        'li',
        {},
        h('strong', {}, `${this.hooks.t('viz.level.hintN', { n: this.shown, total: hints.length })}: `),
        hints[this.shown - 1]!,
      ),
    );
    if (this.shown >= hints.length) {
      this.hintButton.disabled = true;
      this.hintButton.textContent = this.hooks.t('viz.level.noHints');
    }
  }

  private predictForm(): HTMLElement {
    const t = this.hooks.t;
    const field = this.s.level!.predict!.field;
    const yours = h('p', { class: 'viz-predict-value', 'aria-live': 'polite' });
    let read: () => number;
    let describe: (v: number) => string;
    let inputs: HTMLElement;
    if (field === 'word') {
      const bits = Array.from({ length: 8 }, () => false);
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
              onclick: (e: Event) => {
                bits[c.bit] = !bits[c.bit];
                const b = e.currentTarget as HTMLButtonElement;
                b.setAttribute('aria-pressed', String(bits[c.bit]));
                b.dataset.on = bits[c.bit] ? '1' : '0';
                b.querySelector('.viz-bit-value')!.textContent = bits[c.bit] ? '1' : '0';
                update();
              },
            },
            ...bitParts({ t }, c),
          ),
        ),
      );
      inputs = h(
        'div',
        {},
        h('p', { class: 'viz-queue-label' }, t('viz.predict.bits')),
        h('ol', { class: 'viz-bits' }, cells),
      );
      read = () => wordFromBits(bits);
      describe = (v) => `m.state = ${v} (${hex(v)})`;
    } else if (field === 'readerCount') {
      const readers = h('input', {
        type: 'number',
        min: 0,
        max: 99,
        value: 0,
        class: 'viz-input',
        oninput: () => update(),
      });
      const pending = h('input', { type: 'checkbox', onchange: () => update() });
      inputs = h(
        'div',
        { class: 'viz-predict-fields' },
        h('label', {}, t('viz.predict.readers'), ' ', readers),
        h('label', {}, pending, ' ', t('viz.predict.pending')),
      );
      read = () => readerCountFrom(Number(readers.value) || 0, pending.checked);
      describe = (v) => `readerCount = ${v < 0 ? `${v + 2 ** 30} − 2^30 = ` : ''}${v}`;
    } else {
      const num = h('input', { type: 'number', value: 0, class: 'viz-input', oninput: () => update() });
      inputs = h('label', {}, t('viz.predict.number'), ' ', num);
      read = () => Number(num.value) || 0;
      describe = (v) => `${field} = ${v}`;
    }
    const update = (): void => {
      yours.textContent = t('viz.predict.yours', { value: describe(read()) });
    };
    update();
    const check = (): void => {
      const v = read();
      if (this.hooks.check(v)) this.setStatus(t('viz.predict.right', { value: describe(v) }), 'won');
      else this.setStatus(t('viz.predict.wrong', { value: describe(v) }), 'lost');
    };
    return h(
      'div',
      { class: 'viz-predict' },
      inputs,
      yours,
      h(
        'div',
        { class: 'viz-hint-row' },
        h(
          'button',
          { type: 'button', class: 'viz-button viz-primary', 'data-focus': 'check', onclick: check },
          t('viz.predict.check'),
        ),
        h(
          'button',
          { type: 'button', class: 'viz-button', 'data-focus': 'reveal', onclick: () => this.hooks.reveal() },
          t('viz.predict.reveal'),
        ),
      ),
    );
  }
}
