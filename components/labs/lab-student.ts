/**
 * <lockstep-lab-student>: a student's lab. Joins with a name and student ID (the token is kept in
 * this browser and in a personal link), then shows each exercise of the lab with an editor and a
 * Submit button that sends the code to POST /api/labs/:id/submissions, and the student's own
 * history. Drafts are kept in the browser so a reload loses nothing. N.B. BROWSER CODE.
 *
 * The server acknowledges a submission at once (202, queued) and grades it later. Each Submit
 * click gets its own Idempotency-Key, sent again if the connection drops before the answer, so a
 * retry never stores the work twice. The page then polls the submission every POLL_MS and says in
 * the exercise's live status line where it stands (number N in the queue, grading, graded, or
 * could not be graded); the history refreshes every HISTORY_POLL_MS while anything is pending.
 */
import type { PublicExercise } from '../../contract/grade.ts';
import type {
  Joined,
  LabView,
  StudentStanding,
  SubmissionDetail,
  SubmissionSummary,
} from '../../contract/labs.ts';
import { pageLocale, t, type LabKey, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';
import {
  copyableLink,
  formatInstant,
  LabRequestError,
  labApi,
  labSecrets,
  localePrefix,
  takeFromFragment,
  worthSendingAgain,
} from './lab-client.ts';
import { exerciseBlock } from './exercise-block.ts';
import { labSummary } from './lab-summary.ts';

const draftKey = (lab: string, exercise: string) => `lockstep:lab-draft:${lab}:${exercise}`;

/** How often a pending submission is asked for its state (the API documents this interval). */
const POLL_MS = 1_000;
const HISTORY_POLL_MS = 3_000;
/** Sends of one Submit click before giving up when the server cannot be reached. */
const SEND_TRIES = 4;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A new Idempotency-Key: one per Submit click. */
function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
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
    this.status.textContent = this.t('lab.error', {
      message: error instanceof TypeError ? this.t('lab.unreachable') : (error as Error).message,
    });
  }

  private async load(): Promise<void> {
    this.status.textContent = this.t('lab.loading');
    try {
      this.lab = await labApi<LabView>(`/api/labs/${encodeURIComponent(this.labId)}?locale=${this.locale}`);
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
    const form = el('form', { class: 'lab-form lab-join' });
    const field = (name: string, label: string, attrs: Record<string, string>) => {
      const l = el('label', { class: 'lab-field' });
      l.append(el('span', {}, label), el('input', { name, ...attrs }));
      return l;
    };
    form.append(
      el('h3', {}, this.t('lab.join.title')),
      field('name', this.t('lab.join.name'), { required: '', maxlength: '100', autocomplete: 'name' }),
      field('studentId', this.t('lab.join.id'), { required: '', maxlength: '64', autocomplete: 'off' }),
      field('email', this.t('lab.join.email'), { type: 'email', maxlength: '200', autocomplete: 'email' }),
      el('button', { type: 'submit', class: 'pg-button pg-primary' }, this.t('lab.join.submit')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const body = {
        name: String(data.get('name') ?? '').trim(),
        studentId: String(data.get('studentId') ?? '').trim(),
        email: String(data.get('email') ?? '').trim(),
      };
      void labApi<Joined>(`/api/labs/${encodeURIComponent(this.labId)}/students`, { body }).then(
        (joined) => {
          labSecrets.rememberStudent(this.labId, joined.token);
          this.token = joined.token;
          form.remove();
          void this.showWork();
        },
        (error: unknown) => this.fail(error),
      );
    });
    this.status.before(form);
    form.querySelector('input')?.focus();
  }

  private async showWork(): Promise<void> {
    let standing: StudentStanding;
    try {
      standing = await this.standing();
    } catch (error) {
      if (error instanceof LabRequestError && error.status === 401) {
        labSecrets.forgetStudent(this.labId);
        this.token = null;
        this.showJoin();
      }
      this.fail(error);
      return;
    }
    const personal = `${location.origin}${localePrefix()}/labs/student/?lab=${encodeURIComponent(this.labId)}#token=${encodeURIComponent(this.token!)}`;
    const who = el('div', { class: 'lab-who' });
    const details = el('details');
    details.append(
      el('summary', {}, this.t('lab.personal.link')),
      copyableLink(this.locale, this.t('lab.personal.link'), personal),
      el('p', { class: 'lab-warning' }, this.t('lab.personal.warning')),
    );
    who.append(
      el('p', {}, this.t('lab.joined.as', { name: standing.student.name, id: standing.student.studentId })),
      details,
    );
    this.status.before(who);
    for (const ex of this.lab.exercises) {
      let pub: PublicExercise;
      try {
        pub = await labApi<PublicExercise>(
          `/api/exercises/${encodeURIComponent(ex.id)}?locale=${this.locale}`,
        );
      } catch (error) {
        this.fail(error);
        continue;
      }
      const { section, exercise } = exerciseBlock(pub, this.locale, {
        submitter: (files, locale, progress) => this.submit(ex.id, files, locale, progress),
        hints: this.lab.hints,
        solutions: this.lab.solutions,
        progress: false,
        checkLabel: this.t('lab.submit'),
        attempted: standing.submissions.some((s) => s.exerciseId === ex.id),
      });
      const history = el('div', { class: 'lab-history', 'aria-live': 'polite' });
      this.histories.set(ex.id, history);
      section.append(history);
      this.status.before(section);
      this.renderHistory(ex.id, standing);
      this.followPending(standing);
      const draft = localStorage.getItem(draftKey(this.labId, ex.id));
      const playground = exercise.querySelector('lockstep-playground') as
        (HTMLElement & { replaceFiles(f: Record<string, string>): Promise<void> }) | null;
      if (draft && playground) {
        try {
          void playground.replaceFiles(JSON.parse(draft) as Record<string, string>);
          exercise.querySelector('.ex-status')!.textContent = this.t('lab.draft.restored');
        } catch {
          /* a damaged draft is ignored */
        }
      }
      exercise.addEventListener('pg-change', () => {
        try {
          localStorage.setItem(draftKey(this.labId, ex.id), JSON.stringify(exercise.editableFiles()));
        } catch {
          /* storage full: the editor still has the code */
        }
      });
      exercise.addEventListener('ex-graded', () => void this.refresh());
    }
  }

  private standing(): Promise<StudentStanding> {
    return labApi<StudentStanding>(`/api/labs/${encodeURIComponent(this.labId)}/me?locale=${this.locale}`, {
      secret: this.token,
    });
  }

  /** Where a submission stands, in words. */
  private stateText(s: SubmissionSummary): string {
    const time = formatInstant(s.submittedAt, this.locale);
    if (s.state === 'grading') return this.t('lab.state.grading', { time });
    if (s.state === 'failed') return this.t('lab.state.failed', { time });
    if (s.failure) return this.t('lab.state.retrying', { time });
    return s.position === null
      ? this.t('lab.state.queued.noposition', { time })
      : this.t('lab.state.queued', { time, position: s.position });
  }

  /** POSTs the submission, sending it again with the same key if the server could not be reached. */
  private async send(
    body: { exerciseId: string; files: Record<string, string>; locale: Locale },
    key: string,
    progress: (message: string) => void,
  ): Promise<SubmissionSummary> {
    const path = `/api/labs/${encodeURIComponent(this.labId)}/submissions`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await labApi<SubmissionSummary>(path, {
          body,
          secret: this.token,
          headers: { 'idempotency-key': key },
        });
      } catch (error) {
        if (!worthSendingAgain(error) || attempt >= SEND_TRIES) throw error;
        progress(this.t('lab.state.resend'));
        await sleep(1_000 * 2 ** (attempt - 1));
      }
    }
  }

  private async submit(
    exerciseId: string,
    files: Record<string, string>,
    locale: Locale,
    progress: (message: string) => void,
  ): Promise<{ ok: true; grade: NonNullable<SubmissionDetail['result']> } | { ok: false; message: string }> {
    const failed = (error: unknown) => ({
      ok: false as const,
      message: this.t('lab.error', {
        message: error instanceof TypeError ? this.t('lab.unreachable') : (error as Error).message,
      }),
    });
    progress(this.t('lab.submitting'));
    let state: SubmissionSummary;
    try {
      state = await this.send({ exerciseId, files, locale }, idempotencyKey(), progress);
    } catch (error) {
      return failed(error);
    }
    void this.refresh();
    const path = `/api/labs/${encodeURIComponent(this.labId)}/submissions/${encodeURIComponent(state.id)}`;
    for (;;) {
      if (state.state === 'failed') {
        void this.refresh();
        return { ok: false, message: this.stateText(state) };
      }
      if (state.state === 'graded' && 'result' in state && state.result)
        return { ok: true, grade: (state as SubmissionDetail).result! };
      progress(this.stateText(state));
      await sleep(POLL_MS);
      try {
        state = await labApi<SubmissionDetail>(path, { secret: this.token });
      } catch (error) {
        // The submission is stored: a dropped connection only pauses the updates.
        if (!(error instanceof TypeError || (error instanceof LabRequestError && error.status >= 500)))
          return failed(error);
      }
    }
  }

  private async refresh(): Promise<void> {
    try {
      const standing = await this.standing();
      for (const ex of this.lab.exercises) this.renderHistory(ex.id, standing);
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

  private renderHistory(exerciseId: string, standing: StudentStanding): void {
    const box = this.histories.get(exerciseId);
    if (!box) return;
    const mine = standing.submissions.filter((s) => s.exerciseId === exerciseId).reverse();
    const cell = standing.cells.find((c) => c.exerciseId === exerciseId);
    const heading = el('h4', {}, this.t('lab.history'));
    if (mine.length === 0) {
      box.replaceChildren(heading, el('p', {}, this.t('lab.history.none')));
      return;
    }
    const list = el('ol', { class: 'lab-history-list', reversed: '' });
    for (const s of mine) {
      const li = el('li', { 'data-submission': s.id, 'data-state': s.state });
      const standingText =
        s.countedScore !== null
          ? `${s.countedScore} / ${s.maxScore}`
          : s.state === 'failed'
            ? this.t('lab.history.failed')
            : s.state === 'grading'
              ? this.t('lab.history.grading')
              : this.t('lab.history.queued');
      li.append(
        el('time', { datetime: s.submittedAt }, formatInstant(s.submittedAt, this.locale)),
        document.createTextNode(` — ${standingText}`),
      );
      if (s.late) li.append(el('span', { class: 'pg-badge lab-late' }, this.t('lab.late')));
      if (s.override)
        li.append(
          el(
            'span',
            { class: 'lab-override' },
            ` ${this.t('lab.gb.overridden', { score: s.override.score, comment: s.override.comment })}`,
          ),
        );
      list.append(li);
    }
    const best = el(
      'p',
      { class: 'lab-best' },
      this.t('lab.best', { score: cell?.score ?? 0, max: cell?.maxScore ?? 0 }),
    );
    box.replaceChildren(heading, best, list);
  }
}

if (!customElements.get('lockstep-lab-student')) customElements.define('lockstep-lab-student', LabStudent);
