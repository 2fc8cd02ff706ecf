/**
 * <lockstep-lab-student>: a student's lab. Joins with a name and student ID (lab-join-form.ts;
 * the token is kept in this browser and in a personal link), then shows each exercise of the lab
 * with an editor and a Submit button (lab-submission.ts follows a submission to its grade), and
 * the student's own history (lab-history.ts), refreshed every HISTORY_POLL_MS while anything is
 * pending. Drafts are kept in the browser so a reload loses nothing. N.B. BROWSER CODE.
 */
import type { JoinRequest, LabView, StudentStanding } from '../../contract/labs.ts';
import { pageLocale, t, type LabKey, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';
import { fetchExercise } from '../api/exercises.ts';
import { fetchLab, fetchStanding, joinLab } from '../api/labs-student.ts';
import { ApiError } from '../api/api-error.ts';
import { apiErrorText } from '../api/error-text.ts';
import type { LockstepExercise } from '../exercise/exercise-element.ts';
import { labSecrets, takeFromFragment } from './lab-secrets.ts';
import { copyableLink, localePrefix } from './lab-ui.ts';
import { exerciseBlock } from './exercise-block.ts';
import { labSummary } from './lab-summary.ts';
import { joinForm } from './lab-join-form.ts';
import { renderHistory } from './lab-history.ts';
import { labSubmitter } from './lab-submission.ts';

const draftKey = (lab: string, exercise: string) => `lockstep:lab-draft:${lab}:${exercise}`;

/** How often the history is fetched again while a submission waits for its grade. */
const HISTORY_POLL_MS = 3_000;

/** Restores the exercise's unsent draft, and keeps the draft as the learner edits. */
function keepDraft(exercise: LockstepExercise, key: string, locale: Locale): void {
  const draft = localStorage.getItem(key);
  const playground = exercise.querySelector('lockstep-playground') as
    (HTMLElement & { replaceFiles(f: Record<string, string>): Promise<void> }) | null;
  if (draft && playground) {
    try {
      void playground.replaceFiles(JSON.parse(draft) as Record<string, string>);
      exercise.querySelector('.ex-status')!.textContent = t(locale, 'lab.draft.restored');
    } catch {
      /* a damaged draft is ignored */
    }
  }
  exercise.addEventListener('pg-change', () => {
    try {
      localStorage.setItem(key, JSON.stringify(exercise.editableFiles()));
    } catch {
      /* storage full: the editor still has the code */
    }
  });
}

class LabStudent extends HTMLElement {
  private locale: Locale = 'en';
  private labId = '';
  private token: string | null = null;
  private lab!: LabView;
  private status!: HTMLElement;
  private histories = new Map<string, HTMLElement>();
  private historyTimer: ReturnType<typeof setTimeout> | null = null;
  private t = (key: LabKey, params?: Record<string, string | number>) => t(this.locale, key, params);

  connectedCallback(): void {
    if (this.labId) return;
    this.locale = pageLocale();
    this.status = this.querySelector('.lab-status')!;
    this.labId = new URLSearchParams(location.search).get('lab') ?? '';
    if (!this.labId) {
      this.status.textContent = this.t('lab.missing');
      return;
    }
    const fromLink = takeFromFragment('token');
    if (fromLink) labSecrets.rememberStudent(this.labId, fromLink);
    this.token = labSecrets.studentToken(this.labId);
    void this.load();
  }

  private fail(error: unknown): void {
    this.status.textContent = this.t('lab.error', { message: apiErrorText(this.locale, error) });
  }

  private async load(): Promise<void> {
    this.status.textContent = this.t('lab.loading');
    try {
      this.lab = await fetchLab(this.labId, this.locale);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.status.textContent = '';
    const heading = el('h2', { class: 'lab-title' }, this.lab.title);
    this.prepend(heading, labSummary(this.lab, this.locale));
    if (!this.token) {
      this.showJoin();
      return;
    }
    await this.showWork();
  }

  private showJoin(): void {
    const form = joinForm(this.locale, (body, form) => void this.join(body, form));
    this.status.before(form);
    form.querySelector('input')?.focus();
  }

  private async join(body: JoinRequest, form: HTMLFormElement): Promise<void> {
    try {
      const joined = await joinLab(this.labId, body);
      labSecrets.rememberStudent(this.labId, joined.token);
      this.token = joined.token;
      form.remove();
      await this.showWork();
    } catch (error) {
      this.fail(error);
    }
  }

  /** The student's name and personal link, above the exercises. */
  private who(standing: StudentStanding): HTMLElement {
    const personal = `${location.origin}${localePrefix()}/labs/student/?lab=${encodeURIComponent(this.labId)}#token=${encodeURIComponent(this.token!)}`;
    const who = el('div', { class: 'lab-who' });
    const details = el('details');
    details.append(
      el('summary', {}, this.t('lab.personal.link')),
      copyableLink(this.locale, this.t('lab.personal.link'), personal),
      el('p', { class: 'lab-warning' }, this.t('lab.personal.warning')),
    );
    const { name, studentId: id } = standing.student;
    who.append(el('p', {}, this.t('lab.joined.as', { name, id })), details);
    return who;
  }

  private async showWork(): Promise<void> {
    let standing: StudentStanding;
    try {
      standing = await fetchStanding(this.labId, this.token!, this.locale);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        labSecrets.forgetStudent(this.labId);
        this.token = null;
        this.showJoin();
      }
      this.fail(error);
      return;
    }
    this.status.before(this.who(standing));
    for (const ex of this.lab.exercises) await this.showExercise(ex.id, standing);
  }

  /** One exercise of the lab: statement, editor, Submit, history. */
  private async showExercise(exerciseId: string, standing: StudentStanding): Promise<void> {
    let pub;
    try {
      pub = await fetchExercise(exerciseId, this.locale);
    } catch (error) {
      this.fail(error);
      return;
    }
    const submitter = labSubmitter({
      labId: this.labId,
      token: this.token!,
      exerciseId,
      changed: () => void this.refresh(),
    });
    const { section, exercise } = exerciseBlock(pub, this.locale, {
      submitter,
      hints: this.lab.hints,
      solutions: this.lab.solutions,
      progress: false,
      checkLabel: this.t('lab.submit'),
      attempted: standing.submissions.some((s) => s.exerciseId === exerciseId),
    });
    const history = el('div', { class: 'lab-history', 'aria-live': 'polite' });
    this.histories.set(exerciseId, history);
    section.append(history);
    this.status.before(section);
    renderHistory(history, exerciseId, standing, this.locale);
    this.followPending(standing);
    keepDraft(exercise, draftKey(this.labId, exerciseId), this.locale);
    exercise.addEventListener('ex-graded', () => void this.refresh());
  }

  private async refresh(): Promise<void> {
    try {
      const standing = await fetchStanding(this.labId, this.token!, this.locale);
      for (const [exerciseId, box] of this.histories) renderHistory(box, exerciseId, standing, this.locale);
      this.followPending(standing);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Refreshes the history again soon while any submission waits for its grade. */
  private followPending(standing: StudentStanding): void {
    const pending = standing.submissions.some((s) => s.state === 'queued' || s.state === 'grading');
    if (!pending || this.historyTimer !== null) return;
    this.historyTimer = setTimeout(() => {
      this.historyTimer = null;
      void this.refresh();
    }, HISTORY_POLL_MS);
  }
}

if (!customElements.get('lockstep-lab-student')) customElements.define('lockstep-lab-student', LabStudent);
