/**
 * <lockstep-lab-gradebook>: the instructor's view of a lab. Students × exercises with the best
 * score, attempts and late flags; any submission opens with its code (race drawn on it), per-test
 * results and an override form; the CSV downloads through the API with the key in a header.
 * The key arrives in the URL fragment once and is then kept in this browser. N.B. BROWSER CODE.
 *
 * Live: the gradebook is fetched again every LIVE_MS while the page is visible and redrawn only
 * when it changed (keeping the focused cell focused), so new submissions and grades appear
 * without a reload. Submissions the grading queue gave up on are listed above the table, each
 * with a button that puts it back in the queue.
 */
import type {
  Cell,
  Gradebook,
  SubmissionDetail,
  SubmissionSummary,
} from '../../playground/src/contract/labs.ts';
import { localeOf, type Locale } from '../i18n/ui.ts';
import { el } from '../dom/el.ts';
import { tx, type ExerciseKey } from '../exercise/strings.ts';
import { failureReason, tl, type LabKey } from './strings.ts';
import {
  copyableLink,
  formatInstant,
  labApi,
  labSecrets,
  localePrefix,
  takeFromFragment,
} from './lab-client.ts';
import { labSummary } from './lab-summary.ts';
import '../playground/playground-element.ts';

/** How often the open gradebook asks for changes. */
const LIVE_MS = 5_000;

function playgroundAttr(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

class LabGradebook extends HTMLElement {
  private locale: Locale = 'en';
  private labId = '';
  private key: string | null = null;
  private book: Gradebook | null = null;
  private status!: HTMLElement;
  private body!: HTMLElement;
  private detail!: HTMLElement;
  private live!: HTMLElement;
  /** Outcomes of the instructor's actions; outside the redrawn part, so a redraw does not eat them. */
  private notice!: HTMLElement;
  private seen = '';
  private t = (key: LabKey, params?: Record<string, string | number>) => tl(this.locale, key, params);

  connectedCallback(): void {
    if (this.body) return;
    this.locale = localeOf(document.documentElement.lang);
    this.status = this.querySelector('.lab-status')!;
    this.body = el('div', { class: 'lab-gradebook' });
    this.detail = el('section', { class: 'lab-detail', tabindex: '-1' });
    this.detail.hidden = true;
    this.live = el('p', { class: 'lab-live' });
    this.notice = el('p', { class: 'lab-notice', role: 'status', 'aria-live': 'polite' });
    this.status.after(this.notice, this.body, this.live, this.detail);
    this.labId = new URLSearchParams(location.search).get('lab') ?? '';
    const fromLink = takeFromFragment('key');
    this.key = fromLink ?? (this.labId ? labSecrets.instructorKey(this.labId) : null);
    if (!this.labId || !this.key) {
      this.status.textContent = this.t('lab.gb.nokey');
      return;
    }
    void this.load();
    setInterval(() => {
      if (document.visibilityState === 'visible' && this.book) void this.load(true);
    }, LIVE_MS);
  }

  private fail(error: unknown): void {
    this.status.textContent = this.t('lab.error', {
      message: error instanceof TypeError ? this.t('lab.unreachable') : (error as Error).message,
    });
  }

  private api<T>(path: string, body?: unknown): Promise<T> {
    return labApi<T>(`/api/labs/${encodeURIComponent(this.labId)}${path}`, { body, secret: this.key });
  }

  /** Fetches the gradebook; `quiet` (the live updates) leaves the page alone when nothing changed. */
  private async load(quiet = false): Promise<void> {
    if (!quiet) this.status.textContent = this.t('lab.loading');
    let book: Gradebook;
    try {
      book = await this.api<Gradebook>(`/gradebook?locale=${this.locale}`);
    } catch (error) {
      if (!quiet) this.fail(error);
      return;
    }
    this.book = book;
    labSecrets.rememberInstructor(this.labId, this.key!, book.lab.title, book.lab.createdAt);
    if (!quiet) this.status.textContent = '';
    this.live.textContent = this.t('lab.gb.live', {
      time: new Date().toLocaleTimeString(this.locale === 'zh-cn' ? 'zh-CN' : 'en'),
    });
    const now = JSON.stringify([book.rows, book.submissions]);
    if (quiet && now === this.seen) return;
    this.seen = now;
    // Redrawing must not lose the keyboard's place: refocus the same control afterwards.
    const focused = document.activeElement;
    const where = focused instanceof HTMLElement && this.body.contains(focused) ? this.locate(focused) : null;
    this.render(book);
    if (where) this.body.querySelector<HTMLElement>(where)?.focus();
  }

  /** A selector that finds `element` again after a redraw, for the controls that have one. */
  private locate(element: HTMLElement): string | null {
    const cell = element.closest<HTMLElement>('td[data-exercise]');
    const row = element.closest<HTMLElement>('tr[data-student]');
    if (cell && row)
      return `tr[data-student="${CSS.escape(row.dataset.student!)}"] td[data-exercise="${CSS.escape(cell.dataset.exercise!)}"] button`;
    const failed = element.closest<HTMLElement>('li[data-submission]');
    if (failed) return `li[data-submission="${CSS.escape(failed.dataset.submission!)}"] button`;
    return null;
  }

  private render(book: Gradebook): void {
    const join = `${location.origin}${localePrefix()}/labs/student/?lab=${encodeURIComponent(book.lab.id)}`;
    const refresh = el('button', { type: 'button', class: 'pg-button' }, this.t('lab.gb.refresh'));
    refresh.addEventListener('click', () => void this.load());
    const csv = el('button', { type: 'button', class: 'pg-button' }, this.t('lab.gb.csv'));
    csv.addEventListener('click', () => void this.downloadCsv());
    const tools = el('div', { class: 'lab-tools' });
    tools.append(refresh, csv);
    const children: HTMLElement[] = [
      el('h2', { class: 'lab-title' }, `${this.t('lab.gb.title')}: ${book.lab.title}`),
      labSummary(book.lab, this.locale),
      copyableLink(this.locale, this.t('lab.join.link'), join),
      tools,
    ];
    const failed = this.failedList(book);
    if (failed) children.push(failed);
    if (book.rows.length === 0) children.push(el('p', { class: 'lab-empty' }, this.t('lab.gb.empty')));
    else children.push(this.table(book));
    this.body.replaceChildren(...children);
  }

  /** The submissions the grading queue gave up on, each with a button to queue it again; null if none. */
  private failedList(book: Gradebook): HTMLElement | null {
    const failed = book.submissions.filter((s) => s.state === 'failed');
    if (failed.length === 0) return null;
    const box = el('section', { class: 'lab-failed', 'aria-labelledby': 'lab-failed-title' });
    const list = el('ul', { class: 'lab-failed-list' });
    for (const s of failed) {
      const student = book.rows.find((r) => r.student.studentId === s.studentId)?.student;
      const li = el('li', { 'data-submission': s.id });
      const again = el('button', { type: 'button', class: 'pg-button' }, this.t('lab.gb.requeue'));
      again.addEventListener('click', () => {
        again.disabled = true;
        void this.api<SubmissionSummary>(`/submissions/${encodeURIComponent(s.id)}/requeue`, {}).then(
          async () => {
            this.notice.textContent = this.t('lab.gb.requeued');
            await this.load(true);
          },
          (error: unknown) => {
            again.disabled = false;
            this.notice.textContent = this.t('lab.error', { message: (error as Error).message });
          },
        );
      });
      li.append(
        document.createTextNode(
          `${this.t('lab.gb.failed.item', {
            name: student?.name ?? s.studentId,
            id: s.studentId,
            exercise: book.lab.exercises.find((e) => e.id === s.exerciseId)?.title ?? s.exerciseId,
            time: formatInstant(s.submittedAt, this.locale),
            reason: failureReason(this.locale, s.failure),
          })} `,
        ),
        again,
      );
      list.append(li);
    }
    box.append(
      el('h3', { id: 'lab-failed-title' }, this.t('lab.gb.failed.title')),
      el('p', {}, this.t('lab.gb.failed.intro')),
      list,
    );
    return box;
  }

  private table(book: Gradebook): HTMLElement {
    const wrap = el('div', {
      class: 'lab-table-wrap',
      tabindex: '0',
      role: 'region',
      'aria-label': this.t('lab.gb.title'),
    });
    const table = el('table', { class: 'lab-table' });
    table.append(el('caption', {}, book.lab.title));
    const head = el('tr');
    head.append(el('th', { scope: 'col' }, this.t('lab.gb.student')));
    for (const ex of book.lab.exercises) head.append(el('th', { scope: 'col' }, ex.title));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const row of book.rows) {
      const tr = el('tr', { 'data-student': row.student.studentId });
      const who = el('th', { scope: 'row' });
      who.append(
        el('span', {}, row.student.name),
        el('span', { class: 'lab-sid' }, ` ${row.student.studentId}`),
      );
      if (row.student.email) who.append(el('span', { class: 'lab-email' }, ` ${row.student.email}`));
      tr.append(who);
      row.cells.forEach((cell) => tr.append(this.cell(book, row.student.studentId, row.student.name, cell)));
      tbody.append(tr);
    }
    table.append(thead, tbody);
    wrap.append(table);
    return wrap;
  }

  private cell(book: Gradebook, studentId: string, name: string, cell: Cell): HTMLElement {
    const td = el('td', { 'data-exercise': cell.exerciseId });
    if (cell.attempts === 0) {
      td.append(el('span', { class: 'lab-none' }, this.t('lab.gb.cell.none')));
      return td;
    }
    const label =
      cell.score === null
        ? this.t('lab.gb.cell.pending', { attempts: cell.attempts })
        : this.t('lab.gb.cell', { score: cell.score, max: cell.maxScore ?? 0, attempts: cell.attempts });
    const button = el('button', { type: 'button', class: 'lab-cell' }, label);
    button.addEventListener('click', () => this.showSubmissions(book, studentId, name, cell.exerciseId));
    td.append(button);
    if (cell.pending > 0)
      td.append(el('span', { class: 'pg-badge lab-pending' }, this.t('lab.gb.pending', { n: cell.pending })));
    if (cell.failed > 0)
      td.append(
        el('span', { class: 'pg-badge lab-failed-badge' }, this.t('lab.gb.failed.badge', { n: cell.failed })),
      );
    if (cell.late) td.append(el('span', { class: 'pg-badge lab-late' }, this.t('lab.late')));
    if (cell.overridden) td.append(el('span', { class: 'pg-badge' }, '✎'));
    return td;
  }

  private showSubmissions(book: Gradebook, studentId: string, name: string, exerciseId: string): void {
    const title = book.lab.exercises.find((e) => e.id === exerciseId)?.title ?? exerciseId;
    const subs = book.submissions
      .filter((s) => s.studentId === studentId && s.exerciseId === exerciseId)
      .reverse();
    const close = el('button', { type: 'button', class: 'pg-button' }, this.t('lab.gb.close'));
    close.addEventListener('click', () => {
      this.detail.hidden = true;
      this.detail.replaceChildren();
    });
    const list = el('ol', { class: 'lab-history-list', reversed: '' });
    const view = el('div', { class: 'lab-submission' });
    for (const s of subs) list.append(this.submissionItem(s, view));
    this.detail.replaceChildren(
      el('h3', {}, this.t('lab.gb.submissions', { name, exercise: title })),
      close,
      list,
      view,
    );
    this.detail.hidden = false;
    this.detail.focus();
    if (subs[0]) void this.open(subs[0].id, view);
  }

  private submissionItem(s: SubmissionSummary, view: HTMLElement): HTMLElement {
    const li = el('li');
    const open = el('button', { type: 'button', class: 'pg-button' }, this.t('lab.gb.open'));
    open.addEventListener('click', () => void this.open(s.id, view));
    li.append(
      el('time', { datetime: s.submittedAt }, formatInstant(s.submittedAt, this.locale)),
      document.createTextNode(` — ${this.standing(s)} `),
    );
    if (s.late) li.append(el('span', { class: 'pg-badge lab-late' }, this.t('lab.late')));
    li.append(open);
    return li;
  }

  /** A submission's score, or its state while it has none. */
  private standing(s: SubmissionSummary): string {
    if (s.countedScore !== null) return `${s.countedScore} / ${s.maxScore}`;
    if (s.state === 'failed') return this.t('lab.history.failed');
    return this.t(s.state === 'grading' ? 'lab.history.grading' : 'lab.history.queued');
  }

  private async open(id: string, view: HTMLElement): Promise<void> {
    let s: SubmissionDetail;
    try {
      s = await this.api<SubmissionDetail>(`/submissions/${encodeURIComponent(id)}`);
    } catch (error) {
      this.fail(error);
      return;
    }
    const tests = el('ul', { class: 'ex-tests', 'aria-label': this.t('lab.gb.tests') });
    for (const test of s.result?.tests ?? []) {
      const ok = test.score === test.weight;
      const li = el('li', { class: `ex-test ${ok ? 'ex-ok' : 'ex-bad'}` });
      li.append(
        el('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '),
        el('code', {}, test.name),
        document.createTextNode(
          ` — ${tx(this.locale, `ex.test.${test.status}` as ExerciseKey)} (${test.score}/${test.weight})`,
        ),
      );
      if (test.hidden)
        li.append(el('span', { class: 'pg-badge ex-hidden' }, tx(this.locale, 'ex.test.hidden')));
      if (test.race) li.append(el('span', { class: 'pg-badge' }, tx(this.locale, 'ex.test.race')));
      if (!ok && test.message) li.append(el('pre', { class: 'ex-message' }, test.message));
      tests.append(li);
    }
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
      ? [el('p', {}, s.result.message), el('h4', {}, this.t('lab.gb.tests')), tests]
      : [el('p', {}, this.standing(s))];
    view.replaceChildren(
      el('h4', {}, `${formatInstant(s.submittedAt, this.locale)} — ${this.standing(s)}`),
      ...graded,
      el('h4', {}, this.t('lab.gb.code')),
      pg,
      this.overrideForm(s),
    );
    if (s.result) void pg.showRunResult?.(s.result.run);
  }

  private overrideForm(s: SubmissionDetail): HTMLElement {
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
    const save = el(
      'button',
      { type: 'submit', class: 'pg-button pg-primary' },
      this.t('lab.gb.override.save'),
    );
    const clear = el('button', { type: 'button', class: 'pg-button' }, this.t('lab.gb.override.clear'));
    clear.hidden = !s.override;
    const status = el('p', { role: 'status', 'aria-live': 'polite' });
    const send = (value: number | null) =>
      this.api<SubmissionDetail>(`/submissions/${encodeURIComponent(s.id)}/override`, {
        score: value,
        comment: comment.value,
      }).then(
        async () => {
          status.textContent = this.t('lab.gb.override.saved');
          await this.load();
        },
        (error: unknown) => (status.textContent = this.t('lab.error', { message: (error as Error).message })),
      );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(Number(score.value));
    });
    clear.addEventListener('click', () => void send(null));
    const scoreLabel = el('label', { for: idScore, class: 'lab-field' });
    scoreLabel.append(el('span', {}, this.t('lab.gb.override.score')));
    const commentLabel = el('label', { for: idComment, class: 'lab-field' });
    commentLabel.append(el('span', {}, this.t('lab.gb.override.comment')));
    form.append(
      el('h4', {}, this.t('lab.gb.override')),
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

  private async downloadCsv(): Promise<void> {
    try {
      const text = await this.api<string>('/gradebook.csv');
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      const a = el('a', { href: url, download: `${this.book?.lab.title ?? 'lab'}-gradebook.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.fail(error);
    }
  }
}

if (!customElements.get('lockstep-lab-gradebook'))
  customElements.define('lockstep-lab-gradebook', LabGradebook);
