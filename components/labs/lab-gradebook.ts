/**
 * <lockstep-lab-gradebook>: the instructor's view of a lab: the table (gradebook-table.ts), the
 * submissions that failed to grade (failed-list.ts), and any submission opened with its code,
 * per-test results and override form (submission-detail.ts); the CSV downloads through the API
 * with the key in a header.
 * The key arrives in the URL fragment once and is then kept in this browser. N.B. BROWSER CODE.
 *
 * Live: the gradebook is fetched again every LIVE_MS while the page is visible and redrawn only
 * when it changed (keeping the focused cell focused), so new submissions and grades appear
 * without a reload. Submissions the grading queue gave up on are listed above the table, each
 * with a button that puts it back in the queue.
 */
import type { Gradebook, SubmissionDetail, SubmissionSummary } from '../../contract/labs.ts';
import { formatInstant, languageTag, pageLocale, t, type LabKey, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';
import {
  fetchGradebook,
  fetchGradebookCsv,
  overrideScore,
  requeueSubmission,
} from '../api/labs-instructor.ts';
import { fetchSubmission } from '../api/labs-submission.ts';
import { apiErrorText } from '../api/error-text.ts';
import { labSecrets, takeFromFragment } from './lab-secrets.ts';
import { copyableLink, localePrefix } from './lab-ui.ts';
import { labSummary } from './lab-summary.ts';
import { gradebookTable } from './gradebook-table.ts';
import { failedList } from './failed-list.ts';
import { showSubmissionDetail, standing } from './submission-detail.ts';

/** How often the open gradebook asks for changes. */
const LIVE_MS = 5_000;

class LabGradebook extends HTMLElement {
  private locale: Locale = 'en';
  private labId = '';
  /** The instructor key: set before any request is made (connectedCallback stops without it). */
  private key = '';
  private book: Gradebook | null = null;
  private status!: HTMLElement;
  private body!: HTMLElement;
  private detail!: HTMLElement;
  private live!: HTMLElement;
  /** Outcomes of the instructor's actions; outside the redrawn part, so a redraw does not eat them. */
  private notice!: HTMLElement;
  private seen = '';
  private t = (key: LabKey, params?: Record<string, string | number>) => t(this.locale, key, params);

  connectedCallback(): void {
    if (this.body) return;
    this.locale = pageLocale();
    this.status = this.querySelector('.lab-status')!;
    this.body = el('div', { class: 'lab-gradebook' });
    this.detail = el('section', { class: 'lab-detail', tabindex: '-1' });
    this.detail.hidden = true;
    this.live = el('p', { class: 'lab-live' });
    this.notice = el('p', { class: 'lab-notice', role: 'status', 'aria-live': 'polite' });
    this.status.after(this.notice, this.body, this.live, this.detail);
    this.labId = new URLSearchParams(location.search).get('lab') ?? '';
    const fromLink = takeFromFragment('key');
    this.key = fromLink ?? (this.labId ? labSecrets.instructorKey(this.labId) : null) ?? '';
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
    this.status.textContent = this.t('lab.error', { message: apiErrorText(this.locale, error) });
  }

  /** Fetches the gradebook; `quiet` (the live updates) leaves the page alone when nothing changed. */
  private async load(quiet = false): Promise<void> {
    if (!quiet) this.status.textContent = this.t('lab.loading');
    let book: Gradebook;
    try {
      book = await fetchGradebook(this.labId, this.key, this.locale);
    } catch (error) {
      if (!quiet) this.fail(error);
      return;
    }
    this.book = book;
    labSecrets.rememberInstructor(this.labId, this.key, book.lab.title, book.lab.createdAt);
    if (!quiet) this.status.textContent = '';
    this.live.textContent = this.t('lab.gb.live', {
      time: new Date().toLocaleTimeString(languageTag(this.locale)),
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
      el('h2', { class: 'lab-title' }, this.t('lab.gb.heading', { title: book.lab.title })),
      labSummary(book.lab, this.locale),
      copyableLink(this.locale, this.t('lab.join.link'), join),
      tools,
    ];
    const failed = failedList(book, this.locale, (s, button) => this.requeue(s, button));
    if (failed) children.push(failed);
    if (book.rows.length === 0) children.push(el('p', { class: 'lab-empty' }, this.t('lab.gb.empty')));
    else
      children.push(
        gradebookTable(book, this.locale, (studentId, name, exerciseId) =>
          this.showSubmissions(studentId, name, exerciseId),
        ),
      );
    this.body.replaceChildren(...children);
  }

  private showSubmissions(studentId: string, name: string, exerciseId: string): void {
    const book = this.book!;
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
      document.createTextNode(` — ${standing(s, this.locale)} `),
    );
    if (s.late) li.append(el('span', { class: 'pg-badge lab-late' }, this.t('lab.late')));
    li.append(open);
    return li;
  }

  private async open(id: string, view: HTMLElement): Promise<void> {
    let s: SubmissionDetail;
    try {
      s = await fetchSubmission(this.labId, id, this.key);
    } catch (error) {
      this.fail(error);
      return;
    }
    showSubmissionDetail(view, s, this.locale, async (score, comment) => {
      const saved = await overrideScore(this.labId, id, this.key, { score, comment });
      await this.load(true);
      return saved;
    });
  }

  private requeue(s: SubmissionSummary, button: HTMLButtonElement): void {
    button.disabled = true;
    void requeueSubmission(this.labId, s.id, this.key).then(
      async () => {
        this.notice.textContent = this.t('lab.gb.requeued');
        await this.load(true);
      },
      (error: unknown) => {
        button.disabled = false;
        this.notice.textContent = this.t('lab.error', { message: apiErrorText(this.locale, error) });
      },
    );
  }

  private async downloadCsv(): Promise<void> {
    try {
      const text = await fetchGradebookCsv(this.labId, this.key);
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
