/**
 * <lockstep-progress>: the progress page. A table per chapter (read, exercises, quiz answers,
 * scheduler levels) from this browser's progress, and export, import and reset.
 * N.B. BROWSER CODE.
 */
import { pageLocale, t, type Locale } from '../i18n/index.ts';
import type { Catalog, CatalogChapter } from './catalog.ts';
import { importProblemText } from './import-problem-text.ts';
import { emptyProgress, loadProgress, parseProgress, storeProgress, type Progress } from './progress.ts';

function cell(text: string, tag: 'td' | 'th' = 'td'): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  return c;
}

class LockstepProgress extends HTMLElement {
  private locale: Locale = 'en';
  private catalog: Catalog = [];
  private note!: HTMLElement;
  private table!: HTMLTableElement;

  connectedCallback(): void {
    if (this.table) return;
    this.catalog = JSON.parse(this.dataset.catalog ?? '[]') as Catalog;
    this.locale = pageLocale();
    const l = this.locale;
    const intro = document.createElement('p');
    intro.textContent = t(l, 'pr.stored');
    this.table = document.createElement('table');
    this.table.className = 'pr-table';
    // Five columns do not fit a phone: the table scrolls inside a focusable, named region
    // instead of making the page scroll sideways.
    const scroller = document.createElement('div');
    scroller.className = 'pr-table-scroll';
    scroller.setAttribute('role', 'region');
    scroller.tabIndex = 0;
    scroller.setAttribute('aria-label', t(l, 'pr.page.link'));
    scroller.append(this.table);
    const actions = document.createElement('div');
    actions.className = 'pr-actions';
    const exportButton = this.button(t(l, 'pr.export'), () => this.export());
    const importLabel = document.createElement('label');
    importLabel.className = 'pr-import';
    const file = document.createElement('input');
    file.type = 'file';
    file.accept = 'application/json,.json';
    file.addEventListener('change', () => void this.import(file));
    importLabel.append(document.createTextNode(`${t(l, 'pr.import')} `), file);
    const reset = this.button(t(l, 'pr.reset'), () => this.reset());
    actions.append(exportButton, importLabel, reset);
    this.note = document.createElement('p');
    this.note.setAttribute('role', 'status');
    this.note.setAttribute('aria-live', 'polite');
    this.replaceChildren(intro, scroller, actions, this.note);
    this.render(loadProgress());
  }

  private button(label: string, onClick: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'pg-button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  private exerciseText(c: CatalogChapter, p: Progress): string {
    if (c.exercises.length === 0) return t(this.locale, 'pr.none');
    return c.exercises
      .map((e) => {
        const x = p.exercises[e.id];
        const state =
          !x || x.attempts === 0
            ? t(this.locale, 'pr.exercise.new')
            : x.passed
              ? t(this.locale, 'pr.exercise.passed', {
                  score: x.bestScore,
                  max: x.maxScore,
                  attempts: x.attempts,
                  hints: x.hintsUsed,
                })
              : t(this.locale, 'pr.exercise.tried', {
                  attempts: x.attempts,
                  score: x.bestScore,
                  max: x.maxScore,
                });
        return t(this.locale, 'pr.exercise.status', {
          title: e.title[this.locale],
          difficulty: t(this.locale, `ex.difficulty.${e.difficulty}`),
          state,
        });
      })
      .join('\n');
  }

  private render(p: Progress): void {
    const l = this.locale;
    const head = document.createElement('thead');
    const hr = document.createElement('tr');
    hr.append(
      cell(t(l, 'pr.chapter'), 'th'),
      cell(t(l, 'pr.read'), 'th'),
      cell(t(l, 'pr.exercises'), 'th'),
      cell(t(l, 'pr.quizzes'), 'th'),
      cell(t(l, 'pr.levels'), 'th'),
    );
    head.append(hr);
    const body = document.createElement('tbody');
    for (const c of this.catalog) {
      const row = document.createElement('tr');
      row.dataset.chapter = c.path;
      const name = document.createElement('th');
      name.scope = 'row';
      const link = document.createElement('a');
      link.href = l === 'en' ? c.path : `/${l}${c.path}`;
      link.textContent = c.title[l];
      name.append(link);
      const count = (done: number, total: number) =>
        total === 0 ? t(l, 'pr.none') : t(l, 'pr.count', { done, total });
      const exercises = cell(this.exerciseText(c, p));
      exercises.className = 'pr-exercises';
      row.append(
        name,
        cell(p.chapters[c.path] ? t(l, 'pr.read.yes') : t(l, 'pr.read.no')),
        exercises,
        cell(count(c.quizzes.filter((q) => p.quizzes[q]?.correct).length, c.quizzes.length)),
        cell(this.levelText(c, p)),
      );
      body.append(row);
    }
    this.table.replaceChildren(head, body);
  }

  /** Levels won out of the chapter's levels, and how many were won at par (a star). */
  private levelText(c: Catalog[number], p: Progress): string {
    const l = this.locale;
    if (c.levels.length === 0) return t(l, 'pr.none');
    const count = t(l, 'pr.count', {
      done: c.levels.filter((v) => p.visual[v]?.won).length,
      total: c.levels.length,
    });
    const stars = c.levels.filter((v) => p.visual[v]?.star).length;
    return stars ? t(l, 'pr.stars', { count, stars }) : count;
  }

  private export(): void {
    const blob = new Blob([JSON.stringify(loadProgress(), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `lockstep-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private async import(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let parsed: ReturnType<typeof parseProgress>;
    try {
      parsed = parseProgress(JSON.parse(await file.text()));
    } catch {
      parsed = { ok: false, problem: { code: 'not_json' } };
    }
    if (!parsed.ok) {
      this.note.textContent = t(this.locale, 'pr.import.error', {
        reason: importProblemText(this.locale, parsed.problem),
      });
      return;
    }
    if (!window.confirm(t(this.locale, 'pr.import.confirm'))) return;
    storeProgress(parsed.progress);
    this.render(parsed.progress);
    this.note.textContent = t(this.locale, 'pr.import.done');
  }

  private reset(): void {
    if (!window.confirm(t(this.locale, 'pr.reset.confirm'))) return;
    storeProgress(emptyProgress());
    this.render(emptyProgress());
    this.note.textContent = t(this.locale, 'pr.reset.done');
  }
}

if (!customElements.get('lockstep-progress')) customElements.define('lockstep-progress', LockstepProgress);
