/**
 * The level box above the lanes: goal, moves against par, outcome (a break level's win is recorded
 * here), hints revealed one at a time, each recorded at once because a hint gives up the star (said
 * beside the button before it is pressed; hints seen on an earlier visit are shown again), the lesson
 * after a win, and for "predict the state" levels the inputs (bit toggles, readers + writer-pending,
 * or a number) with Check and Reveal.
 * N.B. BROWSER CODE.
 */
import type { Outcome } from './engine/level.ts';
import type { PredictField, Scenario } from './engine/types.ts';
import type { PredictInput } from './models/define.ts';
import { modelOf } from './models/registry.ts';
import { h } from './render/dom.ts';
import { recordHint, recordWin, type VisualResult } from './progress.ts';
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
  /** A sandbox level (the learner's own, or a link's): practice, so no win or hint is recorded. */
  practice: boolean;
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
  /** Says what a hint costs, before and after one is used (break levels with a par). */
  private readonly cost: HTMLElement;
  private shown = 0;
  /** Hints shown for this level, on this visit or an earlier one: a win earns no star. */
  private hinted = false;
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
    const costId = `viz-${s.id}-hint-cost`;
    const starred = level.kind === 'break' && level.par !== undefined;
    this.cost = h('p', { class: 'viz-note viz-hint-cost', id: costId, hidden: !starred });
    this.cost.textContent = t('viz.level.hintCost');
    this.hintButton = h(
      'button',
      {
        type: 'button',
        class: 'viz-button',
        'data-focus': 'hint',
        'aria-describedby': starred ? costId : null,
        onclick: () => this.nextHint(),
      },
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
            `✓ ${t(before.star ? 'viz.level.solvedStar' : before.hints ? 'viz.level.solvedHinted' : 'viz.level.solved')}`,
          )
        : null,
      level.kind === 'predict' && hooks.concealed
        ? h('p', { class: 'viz-level-conceal' }, t('viz.predict.hidden'))
        : null,
      level.kind === 'predict' ? this.predictForm() : null,
      level.kind === 'break' && level.par !== undefined ? this.moves : null,
      this.status,
      this.lesson,
      h('div', { class: 'viz-hint-row' }, this.hintButton, this.cost),
      this.hintList,
    );
    for (let i = 0; i < Math.min(before?.hints ?? 0, level.hints.length); i++) this.reveal();
  }

  /**
   * Break levels, after every move: moves against par and the outcome. A win is recorded with its move
   * count and spin choice (a star at par without a hint) unless the position came from a share link.
   * Returns the sentence to append to the narration (none while playing).
   */
  update(outcome: Outcome, moves: number, shared: boolean, spin: string | undefined): string[] {
    const t = this.hooks.t;
    const par = this.s.level!.par;
    this.setMoves(moves);
    const key =
      outcome === 'won' ? 'viz.level.won' : outcome === 'lost' ? 'viz.level.lost' : 'viz.level.playing';
    if (outcome === 'won' && shared) this.setStatus(t('viz.level.sharedWin'), outcome);
    else if (outcome === 'won') {
      if (!this.hooks.practice) recordWin(this.s.id, { moves, par, spin });
      const atPar = par !== undefined && moves <= par;
      const won = atPar ? (this.hinted ? 'viz.level.wonParHinted' : 'viz.level.wonPar') : 'viz.level.wonOver';
      this.setStatus(t(won, { moves, par: par ?? '—' }), outcome);
      this.showLesson();
    } else this.setStatus(t(key), outcome);
    return outcome === 'playing' ? [] : [t(key)];
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
    // The lesson, then where to go next: the next level in course order and the level menu.
    return h(
      'div',
      { class: 'viz-after-win', hidden: true },
      h(
        'div',
        { class: 'viz-lesson' },
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
      ),
      h(
        'p',
        { class: 'viz-next' },
        ...(this.s.next
          ? [this.hooks.t('viz.menu.next'), h('a', { href: this.s.next.href }, this.s.next.title), ' · ']
          : []),
        h('a', { href: `${base}/levels/` }, this.hooks.t('viz.menu.all')),
      ),
    );
  }

  /** The learner asks for a hint: it is recorded at once (it gives up the star), then shown. */
  private nextHint(): void {
    if (this.shown >= this.s.level!.hints.length) return;
    if (!this.hooks.practice) recordHint(this.s.id, this.shown + 1);
    this.reveal();
  }

  /** Shows the next hint and says that the star is given up. */
  private reveal(): void {
    const hints = this.s.level!.hints;
    this.shown += 1;
    this.hinted = true;
    this.hintList.append(
      h(
        'li',
        {},
        h('strong', {}, `${this.hooks.t('viz.level.hintN', { n: this.shown, total: hints.length })}: `),
        hints[this.shown - 1]!,
      ),
    );
    this.cost.textContent = this.hooks.t('viz.level.hintUsed', { n: this.shown });
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
