/**
 * The level box above the lanes: goal, moves against par, outcome, hints revealed one at a time,
 * the lesson after a win, and for "predict the state" levels the inputs (bit toggles, readers +
 * writer-pending, or a number) with Check and Reveal.
 * N.B. BROWSER CODE.
 */
import type { PredictField, Scenario } from './engine/types.ts';
import type { PredictInput } from './models/define.ts';
import { modelOf } from './models/registry.ts';
import { h } from './render/dom.ts';
import type { VisualResult } from './progress.ts';
import type { Locale, VizKey } from '../i18n/index.ts';

/** What the panel asks of the element. */
export interface LevelHooks {
  t: (key: VizKey, params?: Record<string, string | number>) => string;
  locale: Locale;
  /** Checks a predicted value: whether it is right and whether it was the answer that counts. */
  check: (value: number) => { right: boolean; counted: boolean };
  /** Shows the level's steps (plays the script); returns whether that ended an open attempt. */
  reveal: () => boolean;
  /** Moves the learner would watch in a predict level, as labels. */
  sequence: string;
  /** A predict level whose answer is still to be given: the state is hidden. */
  concealed: boolean;
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
  private readonly moves: HTMLElement;
  private readonly lesson: HTMLElement;
  private shown = 0;
  private readonly s: Scenario;
  private readonly hooks: LevelHooks;

  constructor(s: Scenario, hooks: LevelHooks, before: VisualResult | null) {
    this.s = s;
    this.hooks = hooks;
    const level = s.level!;
    const t = hooks.t;
    this.status = h('p', { class: 'viz-level-status', 'data-outcome': 'playing' });
    this.hintList = h('ol', { class: 'viz-hints' });
    this.moves = h('p', { class: 'viz-level-moves' });
    this.lesson = this.lessonBox();
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
      before?.won
        ? h(
            'p',
            { class: 'viz-level-solved' },
            `✓ ${t(before.star ? 'viz.level.solvedStar' : 'viz.level.solved')}`,
          )
        : null,
      level.kind === 'predict' && hooks.concealed
        ? h('p', { class: 'viz-level-conceal' }, t('viz.predict.hidden'))
        : null,
      level.kind === 'predict' ? this.predictForm() : null,
      level.kind === 'break' && level.par !== undefined ? this.moves : null,
      this.status,
      this.lesson,
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

  /** Break levels: moves made so far against par. */
  setMoves(moves: number): void {
    this.moves.textContent = this.hooks.t('viz.level.moves', { moves, par: this.s.level!.par ?? '—' });
  }

  /** After a win: what the learner just did, with a link to the chapter section about it. */
  showLesson(): void {
    this.lesson.hidden = !this.s.level!.lesson;
  }

  private lessonBox(): HTMLElement {
    const lesson = this.s.level!.lesson;
    if (!lesson) return h('div', { hidden: true });
    const base = this.hooks.locale === 'en' ? '' : `/${this.hooks.locale}`;
    return h(
      'div',
      { class: 'viz-lesson', hidden: true },
      h('p', {}, lesson.text),
      h(
        'p',
        {},
        h(
          'a',
          { href: `${base}/${this.s.chapter}/#${lesson.section}` },
          this.hooks.t('viz.level.lessonLink'),
        ),
      ),
    );
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
      const { right, counted } = this.hooks.check(v);
      const value = describe(v);
      if (right) this.showLesson();
      if (right) this.setStatus(t(counted ? 'viz.predict.right' : 'viz.predict.rightLate', { value }), 'won');
      else this.setStatus(t(counted ? 'viz.predict.wrong' : 'viz.predict.wrongLate', { value }), 'lost');
    };
    const reveal = (): void => {
      if (this.hooks.reveal()) this.setStatus(t('viz.predict.revealed'), 'lost');
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
          { type: 'button', class: 'viz-button', 'data-focus': 'reveal', onclick: reveal },
          t('viz.predict.reveal'),
        ),
      ),
    );
  }
}
