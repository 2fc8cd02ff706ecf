/**
 * <lockstep-continue>: on the home page, a link back to the last lesson and a one-line summary,
 * shown only when this browser has progress. It is rendered with the `hidden` attribute and shown
 * here; nothing in the CSS may give it a display while hidden (see components/site/lockstep.css).
 * N.B. BROWSER CODE.
 */
import { pageLocale, t } from '../i18n/index.ts';
import { continueTarget, type Catalog } from './catalog.ts';
import { loadProgress } from './progress.ts';

class LockstepContinue extends HTMLElement {
  connectedCallback(): void {
    const catalog = JSON.parse(this.dataset.catalog ?? '[]') as Catalog;
    const locale = pageLocale();
    const p = loadProgress();
    if (!p.last) return;
    const exercises = catalog.flatMap((c) => c.exercises);
    const target = continueTarget(p.last, catalog, locale);
    const link = document.createElement('a');
    link.href = target.href;
    link.textContent = target.title;
    const heading = document.createElement('p');
    heading.className = 'pr-continue-title';
    heading.append(document.createTextNode(`${t(locale, 'pr.continue')}: `), link);
    const summary = document.createElement('p');
    summary.textContent = t(locale, 'pr.summary', {
      chapters: catalog.filter((c) => p.chapters[c.path]).length,
      totalChapters: catalog.length,
      passed: exercises.filter((e) => p.exercises[e.id]?.passed).length,
      totalExercises: exercises.length,
    });
    const more = document.createElement('a');
    more.href = locale === 'en' ? '/progress/' : '/zh-cn/progress/';
    more.textContent = t(locale, 'pr.page.link');
    summary.append(document.createTextNode(' · '), more);
    this.replaceChildren(heading, summary);
    this.hidden = false;
  }
}

if (!customElements.get('lockstep-continue')) customElements.define('lockstep-continue', LockstepContinue);
