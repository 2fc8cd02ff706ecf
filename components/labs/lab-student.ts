/**
 * <lockstep-lab-student>: a student's lab. Joins with a name and student ID (the token is kept in
 * this browser and in a personal link), then shows each exercise of the lab with an editor and a
 * Submit button that sends the code to POST /api/labs/:id/submissions, and the student's own
 * history. Drafts are kept in the browser so a reload loses nothing. N.B. BROWSER CODE.
 */
import type { PublicExercise } from '../../playground/src/contract/grade.ts';
import type {
  Joined,
  LabView,
  StudentStanding,
  SubmissionDetail,
} from '../../playground/src/contract/labs.ts';
import { localeOf, type Locale } from '../i18n/ui.ts';
import { el } from '../dom/el.ts';
import { tl, type LabKey } from './strings.ts';
import {
  copyableLink,
  formatInstant,
  LabRequestError,
  labApi,
  labSecrets,
  localePrefix,
  takeFromFragment,
} from './lab-client.ts';
import { exerciseBlock } from './exercise-block.ts';
import { labSummary } from './lab-summary.ts';

const draftKey = (lab: string, exercise: string) => `lockstep:lab-draft:${lab}:${exercise}`;

class LabStudent extends HTMLElement {
  private locale: Locale = 'en';
  private labId = '';
  private token: string | null = null;
  private lab!: LabView;
  private status!: HTMLElement;
  private histories = new Map<string, HTMLElement>();
  private t = (key: LabKey, params?: Record<string, string | number>) => tl(this.locale, key, params);

  connectedCallback(): void {
    if (this.labId) return;
    this.locale = localeOf(document.documentElement.lang);
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
        submitter: (files, locale) => this.submit(ex.id, files, locale),
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

  private async submit(
    exerciseId: string,
    files: Record<string, string>,
    locale: Locale,
  ): Promise<{ ok: true; grade: SubmissionDetail['result'] } | { ok: false; message: string }> {
    try {
      const detail = await labApi<SubmissionDetail>(
        `/api/labs/${encodeURIComponent(this.labId)}/submissions`,
        {
          body: { exerciseId, files, locale },
          secret: this.token,
        },
      );
      return { ok: true, grade: detail.result };
    } catch (error) {
      return {
        ok: false,
        message: error instanceof TypeError ? this.t('lab.unreachable') : (error as Error).message,
      };
    }
  }

  private async refresh(): Promise<void> {
    try {
      const standing = await this.standing();
      for (const ex of this.lab.exercises) this.renderHistory(ex.id, standing);
    } catch (error) {
      this.fail(error);
    }
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
      const li = el('li', { 'data-submission': s.id });
      li.append(
        el('time', { datetime: s.submittedAt }, formatInstant(s.submittedAt, this.locale)),
        document.createTextNode(` — ${s.countedScore} / ${s.maxScore}`),
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
