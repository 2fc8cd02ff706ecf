/**
 * One question of a <lockstep-quiz>, upgraded from its server-rendered HTML: radio buttons or
 * checkboxes inside the question's <fieldset>, a text area for predicted output, or an OrderList;
 * then Check, feedback with the explanation in a live region, and Try again.
 * N.B. BROWSER CODE.
 */
import { grade, isEmptyResponse, type GradableQuestion, type QuizResponse } from './grade.ts';
import { OrderList } from './order-list.ts';
import { t, type Locale, type QuizKey } from '../i18n/index.ts';
import { el } from '../dom/el.ts';

/** Called after each graded attempt (not for an empty response). */
export type OnGraded = (id: string, correct: boolean) => void;

let instances = 0;

/** An element with a class (and text), through the shared helper. */
function withClass<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  return el(tag, { class: className }, text);
}

/** The interactive form of one question. */
export class QuestionView {
  private readonly root: HTMLElement;
  private readonly q: GradableQuestion;
  private readonly locale: Locale;
  private readonly onGraded: OnGraded;
  private readonly uid = `q${++instances}`;
  private inputs: HTMLInputElement[] = [];
  private textarea: HTMLTextAreaElement | null = null;
  private order: OrderList | null = null;
  private explanation: HTMLElement | null = null;
  private readonly check = withClass('button', 'quiz-button quiz-check');
  private readonly retry = withClass('button', 'quiz-button quiz-retry');
  private readonly badge = withClass('span', 'quiz-badge');
  private readonly feedback = withClass('div', 'quiz-feedback');

  constructor(root: HTMLElement, q: GradableQuestion, locale: Locale, onGraded: OnGraded) {
    this.root = root;
    this.q = q;
    this.locale = locale;
    this.onGraded = onGraded;
    this.build();
  }

  private t(key: QuizKey): string {
    return t(this.locale, key);
  }

  private build(): void {
    const fieldset = this.root.querySelector('fieldset') ?? this.root;
    const details = this.root.querySelector('details.quiz-reveal');
    // The explanation moves into the feedback; the self-check <details> is for readers without JS.
    this.explanation = details?.querySelector<HTMLElement>('.quiz-explanation') ?? null;
    details?.remove();
    const list = fieldset.querySelector<HTMLElement>('.quiz-options');
    if (this.q.kind === 'order' && list) this.order = new OrderList(list, this.locale);
    else if (this.q.kind === 'output') fieldset.append(this.outputBox());
    else if (list) this.upgradeOptions(list);

    this.check.type = 'button';
    this.check.textContent = this.t('quiz.check');
    this.check.addEventListener('click', () => this.grade());
    this.retry.type = 'button';
    this.retry.textContent = this.t('quiz.tryAgain');
    this.retry.hidden = true;
    this.retry.addEventListener('click', () => this.reset());
    const actions = withClass('div', 'quiz-actions');
    actions.append(this.check, this.retry, this.badge);
    this.feedback.setAttribute('role', 'status');
    this.feedback.setAttribute('aria-live', 'polite');
    fieldset.append(actions, this.feedback);
  }

  private upgradeOptions(list: HTMLElement): void {
    const type = this.q.kind === 'multi' ? 'checkbox' : 'radio';
    for (const li of list.querySelectorAll<HTMLLIElement>('li[data-option]')) {
      const input = document.createElement('input');
      input.type = type;
      input.name = `quiz-${this.uid}`;
      input.value = li.dataset.option ?? '';
      const label = withClass('label', 'quiz-choice');
      label.append(input, ...li.childNodes);
      li.append(label);
      this.inputs.push(input);
    }
  }

  private outputBox(): HTMLElement {
    const box = withClass('div', 'quiz-output');
    const id = `quiz-${this.uid}-output`;
    const label = withClass('label', 'quiz-output-label', this.t('quiz.output.label'));
    label.htmlFor = id;
    const hint = withClass('p', 'quiz-hint', this.t('quiz.output.hint'));
    hint.id = `${id}-hint`;
    const area = withClass('textarea', 'quiz-output-input');
    area.id = id;
    area.rows = 5;
    area.spellcheck = false;
    area.autocomplete = 'off';
    area.setAttribute('autocapitalize', 'off');
    area.setAttribute('aria-describedby', hint.id);
    this.textarea = area;
    box.append(label, hint, area);
    return box;
  }

  private response(): QuizResponse {
    if (this.textarea) return this.textarea.value;
    if (this.order) return this.order.ids();
    return this.inputs.filter((i) => i.checked).map((i) => i.value);
  }

  private setLocked(locked: boolean): void {
    for (const input of this.inputs) input.disabled = locked;
    if (this.textarea) this.textarea.readOnly = locked;
    this.order?.setLocked(locked);
    // aria-disabled keeps the focused Check button focusable while feedback is shown.
    this.check.setAttribute('aria-disabled', String(locked));
    if (!locked) this.retry.hidden = true;
  }

  private grade(): void {
    if (this.check.getAttribute('aria-disabled') === 'true') return;
    const response = this.response();
    if (isEmptyResponse(this.q.kind, response)) {
      const key = `quiz.empty.${this.q.kind}` as QuizKey;
      this.show('empty', this.t(key));
      return;
    }
    const correct = grade(this.q, response);
    this.setLocked(true);
    this.show(correct ? 'correct' : 'incorrect', this.t(correct ? 'quiz.correct' : 'quiz.incorrect'));
    if (!correct) {
      // The natural next step; focus leaves the now inactive Check button for it.
      this.retry.hidden = false;
      this.retry.focus();
    }
    this.onGraded(this.q.id, correct);
  }

  private show(outcome: 'correct' | 'incorrect' | 'empty', verdict: string): void {
    this.feedback.dataset.outcome = outcome;
    const head = withClass('p', 'quiz-verdict', verdict);
    const body = outcome !== 'empty' && this.explanation ? [this.explanation.cloneNode(true)] : [];
    this.feedback.replaceChildren(head, ...body);
  }

  private reset(): void {
    this.setLocked(false);
    this.feedback.replaceChildren();
    delete this.feedback.dataset.outcome;
    const first =
      this.textarea ?? this.inputs.find((i) => i.checked) ?? this.inputs[0] ?? this.order?.firstControl();
    first?.focus();
  }

  /** Shows what the stored progress says about this question. */
  markProgress(entry: { correct: boolean } | undefined): void {
    const state = entry ? (entry.correct ? 'correct' : 'tried') : '';
    if (state) this.root.dataset.state = state;
    else delete this.root.dataset.state;
    this.badge.textContent = entry ? this.t(entry.correct ? 'quiz.status.correct' : 'quiz.status.tried') : '';
  }
}
