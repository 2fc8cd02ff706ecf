/**
 * One submission as the instructor sees it: when and how it stands, the per-test results, the
 * code (read-only, with the run's race drawn on it) and the override form. N.B. BROWSER CODE.
 */
import type { SubmissionDetail, SubmissionSummary } from '../../contract/labs.ts';
import { t, type LabKey, type Locale } from '../i18n/index.ts';
import { gradeText } from '../i18n/grade-texts.ts';
import { el } from '../dom/el.ts';
import { testResultList } from '../exercise/test-results.ts';
import { apiErrorText } from '../api/error-text.ts';
import { formatInstant } from '../i18n/index.ts';
import '../playground/playground-element.ts';

/** Sends an override (a score, or null to clear it) with its comment; resolves with the submission as saved. */
export type SendOverride = (score: number | null, comment: string) => Promise<SubmissionDetail>;

/** A submission's score, or its state while it has none. */
export function standing(s: SubmissionSummary, locale: Locale): string {
  if (s.countedScore !== null) return `${s.countedScore} / ${s.maxScore}`;
  if (s.state === 'failed') return t(locale, 'lab.history.failed');
  return t(locale, s.state === 'grading' ? 'lab.history.grading' : 'lab.history.queued');
}

function playgroundAttr(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function overrideForm(
  s: SubmissionDetail,
  locale: Locale,
  send: SendOverride,
  saved: (updated: SubmissionDetail, button: 'save' | 'clear') => void,
): HTMLElement {
  const say = (key: LabKey) => t(locale, key);
  const form = el('form', { class: 'lab-form lab-override-form' });
  const idScore = `ov-score-${s.id}`;
  const idComment = `ov-comment-${s.id}`;
  const score = el('input', {
    id: idScore,
    name: 'score',
    type: 'number',
    min: '0',
    max: String(s.maxScore),
    required: '',
  });
  score.value = String(s.override?.score ?? s.countedScore ?? '');
  const comment = el('textarea', { id: idComment, name: 'comment', maxlength: '2000', rows: '2' });
  comment.value = s.override?.comment ?? '';
  const save = el('button', { type: 'submit', class: 'pg-button pg-primary' }, say('lab.gb.override.save'));
  const clear = el('button', { type: 'button', class: 'pg-button' }, say('lab.gb.override.clear'));
  clear.hidden = !s.override;
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const submit = (value: number | null) =>
    send(value, comment.value).then(
      (updated) => saved(updated, value === null ? 'clear' : 'save'),
      (error: unknown) =>
        (status.textContent = t(locale, 'lab.error', { message: apiErrorText(locale, error) })),
    );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(Number(score.value));
  });
  clear.addEventListener('click', () => void submit(null));
  const scoreLabel = el('label', { for: idScore, class: 'lab-field' });
  scoreLabel.append(el('span', {}, say('lab.gb.override.score')));
  const commentLabel = el('label', { for: idComment, class: 'lab-field' });
  commentLabel.append(el('span', {}, say('lab.gb.override.comment')));
  form.append(
    el('h4', {}, say('lab.gb.override')),
    scoreLabel,
    score,
    commentLabel,
    comment,
    save,
    clear,
    status,
  );
  return form;
}

/**
 * Fills `view` with the submission; the playground then draws the run's result on the code. After
 * an override is saved or removed the view is drawn again from the saved submission (so the
 * Remove button appears or goes), says so, and keeps the keyboard on the form.
 */
export function showSubmissionDetail(
  view: HTMLElement,
  s: SubmissionDetail,
  locale: Locale,
  send: SendOverride,
  after?: 'save' | 'clear',
): void {
  const pg = el('lockstep-playground' as 'div', {
    class: 'not-content',
    'data-playground': playgroundAttr({ files: s.files, action: 'test', readonly: true, embedded: true }),
  }) as HTMLElement & {
    showRunResult?(r: NonNullable<SubmissionDetail['result']>['run']): Promise<void>;
  };
  Object.entries(s.files).forEach(([name, content], i) => {
    const box = el('div', { 'data-file': name });
    box.hidden = i > 0;
    const pre = el('pre', { class: 'lab-static-code', tabindex: '0' });
    pre.append(el('code', {}, content));
    box.append(pre);
    pg.append(box);
  });
  const graded = s.result
    ? [
        el('p', {}, gradeText(locale, s.result)),
        el('h4', {}, t(locale, 'lab.gb.tests')),
        testResultList(s.result.tests, locale, t(locale, 'lab.gb.tests')),
      ]
    : [el('p', {}, standing(s, locale))];
  view.replaceChildren(
    el('h4', {}, `${formatInstant(s.submittedAt, locale)} — ${standing(s, locale)}`),
    ...graded,
    el('h4', {}, t(locale, 'lab.gb.code')),
    pg,
    overrideForm(s, locale, send, (updated, button) =>
      showSubmissionDetail(view, updated, locale, send, button),
    ),
  );
  if (s.result) void pg.showRunResult?.(s.result.run);
  if (after) {
    const form = view.querySelector<HTMLElement>('.lab-override-form')!;
    const status = form.querySelector('[role="status"]')!;
    // Next frame: the live region is in the page before its text changes, so it is announced.
    requestAnimationFrame(() => (status.textContent = t(locale, 'lab.gb.override.saved')));
    const again = form.querySelector<HTMLButtonElement>(
      after === 'clear' ? 'button[type="submit"]' : 'button[type="button"]',
    );
    (again && !again.hidden ? again : form.querySelector<HTMLElement>('input'))?.focus();
  }
}
