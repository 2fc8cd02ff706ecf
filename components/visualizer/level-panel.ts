/**
 * The level box above the lanes: goal, outcome, hints revealed one at a time, and for "predict the
 * state" levels the inputs (bit toggles, readers + writer-pending, or a number) with Check.
 * N.B. BROWSER CODE.
 */
import type { PredictField, Scenario } from './engine/types.ts';
import type { PredictInput } from './models/define.ts';
import { modelOf } from './models/registry.ts';
import { h } from './render/dom.ts';
import type { VizKey } from '../i18n/index.ts';

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

/** A plain number input, for fields whose model needs nothing more (counter, waiters, readerWait). */
function numberInput(field: PredictField): PredictInput {
  return (t, changed) => {
    const num = h('input', { type: 'number', value: 0, class: 'viz-input', oninput: changed });
    return {
      el: h('label', {}, t('viz.predict.number'), ' ', num),
      read: () => Number(num.value) || 0,
      describe: (v) => `${field} = ${v}`,
    };
  };
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
    const build = modelOf(this.s.model).predictInput?.[field] ?? numberInput(field);
    const { el: inputs, read, describe } = build(t, () => update());
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
