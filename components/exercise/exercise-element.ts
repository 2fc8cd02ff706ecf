/**
 * <lockstep-exercise>: a graded exercise around a playground. Check sends the editable files over
 * the grade stream (GET /api/grade/stream: hidden tests, race detector, on the server), says in
 * its live status line where the Check stands (its place in the runner's queue, checking), and
 * lists every test with its message; the run's race report is drawn on the code. Hints open one at a time; the solution is
 * available after a first attempt, behind a confirmation. Attempts, hints and the last code are
 * kept in the browser's progress store.
 * N.B. BROWSER CODE.
 */
import type { StoredGradeResult } from '../../contract/grade.ts';
import { pageLocale, t, type ExerciseKey, type Locale } from '../i18n/index.ts';
import { gradeText } from '../i18n/grade-texts.ts';
import {
  loadProgress,
  recordAttempt,
  recordHint,
  recordSolutionShown,
  saveCode,
  updateProgress,
} from '../progress/progress.ts';
import type { LockstepPlayground } from '../playground/playground-element.ts';
import { el } from '../dom/el.ts';
import { testResultList } from './test-results.ts';
import type { StreamHandle } from '../playground/stream-socket.ts';
import { startGrade } from '../api/grade-stream.ts';
import { apiErrorText } from '../api/error-text.ts';
import {
  CHECK_INVALID,
  CHECK_STARTED,
  CHECK_UNREACHABLE,
  checkStatusText,
  isSettled,
  reduceCheck,
  type CheckState,
} from './check-state.ts';

interface ExerciseData {
  id: string;
  editable: string[];
}

/**
 * Sends the files somewhere other than POST /api/grade (a lab submission) and returns the grade;
 * `progress` shows, in the exercise's live status line, where it stands meanwhile (queued, grading).
 */
export type ExerciseSubmitter = (
  files: Record<string, string>,
  locale: Locale,
  progress: (message: string) => void,
) => Promise<{ ok: true; grade: StoredGradeResult } | { ok: false; message: string }>;

/** How an embedding page (a lab) changes the exercise: set before the element is connected. */
export interface ExerciseMode {
  submitter: ExerciseSubmitter | null;
  hints: boolean;
  solutions: boolean;
  /** Record attempts and code in the self-paced progress store. */
  progress: boolean;
  checkLabel: string | null;
  /** Without the progress store: whether the learner already submitted (unlocks the solution). */
  attempted?: boolean;
}

export class LockstepExercise extends HTMLElement {
  private data!: ExerciseData;
  private locale: Locale = 'en';
  private playground!: LockstepPlayground;
  private check!: HTMLButtonElement;
  private hintButton!: HTMLButtonElement;
  private solutionButton!: HTMLButtonElement;
  private status!: HTMLElement;
  private results!: HTMLElement;
  private summary!: HTMLElement;
  private hints: HTMLElement[] = [];
  /** The Check's open stream, closed (cancelling the grade) if the element leaves the page. */
  private checking: StreamHandle | null = null;
  mode: ExerciseMode = { submitter: null, hints: true, solutions: true, progress: true, checkLabel: null };

  private t(key: ExerciseKey, params?: Record<string, string | number>): string {
    return t(this.locale, key, params);
  }

  connectedCallback(): void {
    if (this.check) return;
    try {
      this.data = JSON.parse(this.getAttribute('data-exercise') ?? '') as ExerciseData;
    } catch {
      return;
    }
    this.locale = pageLocale();
    const pg = this.querySelector('lockstep-playground');
    if (!pg) return;
    this.playground = pg as LockstepPlayground;
    this.hints = [...this.querySelectorAll<HTMLElement>('.ex-hint')];
    const actions = this.querySelector('.ex-actions') as HTMLElement;
    this.check = el(
      'button',
      { type: 'button', class: 'pg-button pg-primary', title: this.t('ex.check.title') },
      this.mode.checkLabel ?? this.t('ex.check'),
    );
    this.hintButton = el('button', { type: 'button', class: 'pg-button' });
    this.solutionButton = el('button', { type: 'button', class: 'pg-button' }, this.t('ex.solution'));
    this.status = el('p', { class: 'ex-status', role: 'status', 'aria-live': 'polite' });
    this.summary = el('p', { class: 'ex-summary' });
    this.results = el('div', { class: 'ex-results' });
    actions.append(this.check);
    if (this.mode.hints && this.hints.length > 0) actions.append(this.hintButton);
    if (this.mode.solutions) actions.append(this.solutionButton);
    actions.after(this.status, this.summary, this.results);
    actions.hidden = false;
    this.check.addEventListener('click', () => void this.grade());
    this.hintButton.addEventListener('click', () => this.nextHint());
    this.solutionButton.addEventListener('click', () => void this.showSolution());
    if (!this.mode.progress) {
      this.updateHintButton();
      this.lockSolution(!this.mode.attempted);
      return;
    }
    this.addEventListener('pg-change', () =>
      updateProgress((p) => saveCode(p, this.data.id, this.editableFiles())),
    );
    this.restore();
  }

  disconnectedCallback(): void {
    this.checking?.stop();
    this.checking = null;
  }

  /** The learner's versions of the editable files, as they are in the editor. */
  editableFiles(): Record<string, string> {
    const all = this.playground.getFiles();
    return Object.fromEntries(this.data.editable.filter((n) => n in all).map((n) => [n, all[n]!]));
  }

  private restore(): void {
    const saved = loadProgress().exercises[this.data.id];
    const shown = Math.min(saved?.hintsUsed ?? 0, this.hints.length);
    this.hints.slice(0, shown).forEach((h) => (h.hidden = false));
    this.updateHintButton();
    this.updateSummary();
    if (saved?.passed) this.querySelector<HTMLElement>('.ex-explanation')?.removeAttribute('hidden');
    const code = saved?.lastCode ?? {};
    const editable = Object.fromEntries(Object.entries(code).filter(([n]) => this.data.editable.includes(n)));
    if (Object.keys(editable).length > 0) {
      void this.playground
        .replaceFiles(editable)
        .then(() => (this.status.textContent = this.t('ex.restored')));
    }
  }

  private lockSolution(locked: boolean): void {
    this.solutionButton.disabled = locked;
    this.solutionButton.title = locked ? this.t('ex.solution.locked') : '';
  }

  private updateSummary(): void {
    const saved = loadProgress().exercises[this.data.id];
    this.lockSolution(!saved || saved.attempts === 0);
    this.summary.textContent =
      saved && saved.attempts > 0
        ? `${this.t('ex.attempts', { n: saved.attempts })} · ${this.t('ex.best', { score: saved.bestScore, max: saved.maxScore })}`
        : '';
  }

  private updateHintButton(): void {
    const left = this.hints.filter((h) => h.hidden).length;
    this.hintButton.textContent = left > 0 ? this.t('ex.hint.next', { left }) : this.t('ex.hint.none');
    this.hintButton.disabled = left === 0;
  }

  private nextHint(): void {
    const next = this.hints.find((h) => h.hidden);
    if (!next) return;
    next.hidden = false;
    const shown = this.hints.filter((h) => !h.hidden).length;
    updateProgress((p) => recordHint(p, this.data.id, shown));
    this.updateHintButton();
    next.focus();
  }

  private async grade(): Promise<void> {
    const files = this.editableFiles();
    this.check.disabled = true;
    this.status.textContent = this.t('ex.checking');
    this.results.replaceChildren();
    try {
      if (this.mode.submitter) {
        const outcome = await this.mode.submitter(
          files,
          this.locale,
          (message) => (this.status.textContent = message),
        );
        if (!outcome.ok) {
          this.status.textContent = outcome.message;
          return;
        }
        this.render(outcome.grade);
        this.lockSolution(false);
        this.dispatchEvent(new CustomEvent('ex-graded', { bubbles: true, detail: outcome.grade }));
        return;
      }
      const checked = await this.gradeOverStream(files);
      if (checked.kind !== 'graded') {
        this.say(checkStatusText(checked, this.locale));
        return;
      }
      const grade = checked.grade;
      this.render(grade);
      updateProgress((p) =>
        recordAttempt(p, this.data.id, {
          score: grade.score,
          maxScore: grade.maxScore,
          passed: grade.verdict === 'pass',
          code: files,
        }),
      );
      this.updateSummary();
    } catch {
      this.say(this.t('ex.error', { message: this.t('ex.unreachable') }));
    } finally {
      this.check.disabled = false;
    }
  }

  /**
   * Grades the files over the grade stream and resolves with the settled Check; meanwhile the
   * status line follows it (waiting with the place in line, checking), once per change.
   */
  private gradeOverStream(files: Record<string, string>): Promise<CheckState> {
    return new Promise((resolve) => {
      let state = CHECK_STARTED;
      const settle = (final: CheckState): void => {
        this.checking = null;
        resolve(final);
      };
      this.checking = startGrade(
        { exerciseId: this.data.id, files, locale: this.locale },
        {
          onMessage: (message) => {
            state = reduceCheck(state, message);
            if (isSettled(state)) settle(state);
            else if (state.kind !== 'graded') this.say(checkStatusText(state, this.locale));
          },
          onUnreachable: () => settle(CHECK_UNREACHABLE),
          onInvalid: () => settle(CHECK_INVALID),
        },
      );
    });
  }

  /** Sets the live status line, only when the words change (each change is announced). */
  private say(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  private render(grade: StoredGradeResult): void {
    const failing = grade.tests.filter((t) => t.score < t.weight).length;
    this.dataset.verdict = grade.verdict;
    // Chinese sentences follow each other without a space; English ones take one.
    const gap = this.locale === 'zh-cn' ? '' : ' ';
    this.status.textContent =
      grade.verdict === 'pass'
        ? `${this.t('ex.passed')}${gap}${this.t('ex.score', { score: grade.score, max: grade.maxScore })}`
        : grade.verdict === 'error'
          ? this.t('ex.error', { message: gradeText(this.locale, grade) })
          : `${this.t('ex.failed', { failing, total: grade.tests.length })}${gap}${this.t('ex.score', { score: grade.score, max: grade.maxScore })}`;
    this.results.append(testResultList(grade.tests, this.locale, this.t('ex.results')));
    void this.playground.showRunResult(grade.run);
    if (grade.verdict === 'pass')
      this.querySelector<HTMLElement>('.ex-explanation')?.removeAttribute('hidden');
  }

  private async showSolution(): Promise<void> {
    if (!window.confirm(this.t('ex.solution.confirm'))) return;
    let files: Record<string, string>;
    try {
      // Loaded when asked for rather than with every chapter: see components/api/exercises.ts.
      const { fetchSolution } = await import('../api/exercises.ts');
      ({ files } = await fetchSolution(this.data.id));
    } catch (error) {
      this.status.textContent = this.t('ex.error', { message: apiErrorText(this.locale, error) });
      return;
    }
    await this.playground.replaceFiles(files);
    updateProgress((p) => recordSolutionShown(p, this.data.id));
    this.status.textContent = this.t('ex.solution.shown');
  }
}

if (!customElements.get('lockstep-exercise')) customElements.define('lockstep-exercise', LockstepExercise);
