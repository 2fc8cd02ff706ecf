/**
 * <lockstep-quiz>: upgrades the server-rendered questions of a <Quiz> into answerable ones, grades
 * them in the browser and records every graded attempt in the learner's progress (progress.ts:
 * the first correct answer sticks). A reload shows which questions were already answered.
 * N.B. BROWSER CODE.
 */
import { loadProgress, recordQuiz, updateProgress, type Progress } from '../progress/progress.ts';
import type { GradableQuestion } from './grade.ts';
import { QuestionView } from './question-view.ts';
import { pageLocale, t, type Locale } from '../i18n/index.ts';

interface QuizData {
  questions: GradableQuestion[];
}

function decodeData(attr: string | null): QuizData | null {
  if (!attr) return null;
  try {
    const bytes = Uint8Array.from(atob(attr), (c) => c.charCodeAt(0));
    const data = JSON.parse(new TextDecoder().decode(bytes)) as QuizData;
    return Array.isArray(data.questions) ? data : null;
  } catch {
    return null;
  }
}

/** The custom element; one per <Quiz>. */
export class LockstepQuiz extends HTMLElement {
  private views = new Map<string, QuestionView>();
  private summary: HTMLElement | null = null;
  private locale: Locale = 'en';
  private readonly onProgress = (event: Event): void => {
    this.refresh((event as CustomEvent<Progress>).detail ?? loadProgress());
  };
  private readonly onStorage = (): void => this.refresh(loadProgress());

  connectedCallback(): void {
    if (this.views.size === 0 && !this.upgrade()) return;
    window.addEventListener('lockstep:progress', this.onProgress);
    window.addEventListener('storage', this.onStorage);
    this.refresh(loadProgress());
  }

  disconnectedCallback(): void {
    window.removeEventListener('lockstep:progress', this.onProgress);
    window.removeEventListener('storage', this.onStorage);
  }

  private upgrade(): boolean {
    const data = decodeData(this.getAttribute('data-quiz'));
    if (!data) return false;
    this.locale = pageLocale();
    for (const q of data.questions) {
      const root = this.querySelector<HTMLElement>(`.quiz-q[data-qid="${CSS.escape(q.id)}"]`);
      if (!root) continue;
      this.views.set(
        q.id,
        new QuestionView(root, q, this.locale, (id, correct) => {
          updateProgress((p) => recordQuiz(p, id, correct));
        }),
      );
    }
    if (this.views.size > 1) {
      this.summary = document.createElement('p');
      this.summary.className = 'quiz-summary';
      this.querySelector('.quiz')?.prepend(this.summary);
    }
    this.dataset.ready = 'true';
    return this.views.size > 0;
  }

  private refresh(progress: Progress): void {
    let correct = 0;
    for (const [id, view] of this.views) {
      const entry = progress.quizzes[id];
      view.markProgress(entry);
      if (entry?.correct) correct += 1;
    }
    if (this.summary)
      this.summary.textContent = t(this.locale, 'quiz.summary', { correct, total: this.views.size });
  }
}

if (!customElements.get('lockstep-quiz')) customElements.define('lockstep-quiz', LockstepQuiz);
