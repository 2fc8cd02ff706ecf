/**
 * The "needs a newer Go" note above a playground's toolbar (the decision and words: go-note.ts).
 * Only a playground that declares a minimum Go asks the runner's health, once per page for all of
 * them; until the answer, and whenever the runner's Go is new enough, nothing is shown.
 * N.B. BROWSER CODE.
 */
import type { Locale } from '../i18n/index.ts';
import { goNoteText, type GoNoteKind } from './go-note.ts';

let runnerGo: Promise<string | null> | null = null;

/** The runner's Go version as GET /api/health reports it ("go1.24.6"), or null when unknown. */
function runnerGoVersion(): Promise<string | null> {
  runnerGo ??= import('../api/runs.ts')
    .then(({ fetchHealth }) => fetchHealth())
    .then((health) => health.go.version || null)
    .catch(() => null);
  return runnerGo;
}

export class GoNote {
  /** The note, hidden until needed; the view places it right before the toolbar with Run. */
  readonly element: HTMLParagraphElement;
  private readonly locale: Locale;
  private readonly kind: GoNoteKind;
  private asked = 0;

  /** Inside an exercise (a chapter's or a lab's: `embedded`) the note speaks of the exercise. */
  constructor(locale: Locale, embedded: boolean) {
    this.locale = locale;
    this.kind = embedded ? 'exercise' : 'example';
    this.element = document.createElement('p');
    this.element.className = 'pg-go-note';
    this.element.setAttribute('role', 'note');
    this.element.hidden = true;
  }

  /** Shows the note for content declaring `minimum` (undefined: every supported Go), or hides it. */
  async show(minimum: string | undefined): Promise<void> {
    const asked = ++this.asked;
    if (!minimum) {
      this.element.hidden = true;
      return;
    }
    const runner = await runnerGoVersion();
    // Another example may have been picked while the health request was on its way.
    if (asked !== this.asked) return;
    const text = goNoteText(this.locale, this.kind, minimum, runner);
    // The fact decided on, for tests and for anyone inspecting the page.
    this.element.dataset.runnerGo = runner ?? '';
    this.element.textContent = text ?? '';
    this.element.hidden = text === null;
  }
}
