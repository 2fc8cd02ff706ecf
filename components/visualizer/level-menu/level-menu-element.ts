/**
 * <lockstep-level-menu>: adds this browser's standing to the level menu the page rendered at
 * build time — each level's result, the summary line and a link to the next level to play. The
 * rows carry their facts as data attributes (`data-level`, `data-kind`), so the browser needs no
 * second copy of the menu. N.B. BROWSER CODE.
 */
import { pageLocale, t, type Locale } from '../../i18n/index.ts';
import { readProgress, type VisualResult } from '../progress.ts';
import { standingOf, type LevelStanding } from './menu.ts';

function standingText(
  l: Locale,
  standing: LevelStanding,
  kind: string,
  result: VisualResult | undefined,
): string {
  switch (standing) {
    case 'new':
      return t(l, 'viz.menu.standing.new');
    case 'star':
      return t(l, 'viz.menu.standing.star');
    case 'missed':
      return t(l, 'viz.menu.standing.missed');
    case 'won':
      return kind === 'break' && result?.moves
        ? t(l, 'viz.menu.standing.won', { moves: result.moves })
        : t(l, 'viz.menu.standing.wonPredict');
  }
}

class LockstepLevelMenu extends HTMLElement {
  connectedCallback(): void {
    this.render();
    // Another tab may win a level: the menu follows (storage events fire in the other tabs).
    window.addEventListener('storage', () => this.render());
  }

  private render(): void {
    const l = pageLocale();
    const results = readProgress().visual ?? {};
    const rows = [...this.querySelectorAll<HTMLElement>('[data-level]')];
    let won = 0;
    let stars = 0;
    let next: HTMLElement | null = null;
    for (const row of rows) {
      const id = row.dataset.level ?? '';
      const kind = row.dataset.kind ?? 'break';
      const standing = standingOf(results[id]);
      if (standing === 'won' || standing === 'star') won++;
      if (standing === 'star') stars++;
      if (standing === 'new' && !next) next = row;
      row.dataset.standing = standing;
      const out = row.querySelector<HTMLElement>('[data-standing-text]');
      if (out) {
        out.textContent = t(l, 'viz.menu.standing', {
          standing: standingText(l, standing, kind, results[id]),
        });
        out.hidden = false;
      }
    }
    const summary = this.querySelector<HTMLElement>('[data-summary]');
    if (summary) {
      summary.textContent = t(l, 'viz.menu.summary', {
        won,
        total: rows.length,
        stars,
        starrable: rows.filter((r) => r.dataset.kind === 'break').length,
      });
      summary.hidden = false;
    }
    const nextOut = this.querySelector<HTMLElement>('[data-next]');
    if (nextOut) {
      const link = next?.querySelector<HTMLAnchorElement>('.lm-title a');
      if (link) {
        const a = document.createElement('a');
        a.href = link.href;
        a.textContent = link.textContent?.trim() ?? '';
        nextOut.replaceChildren(document.createTextNode(t(l, 'viz.menu.next')), a);
      } else {
        nextOut.textContent = t(l, 'viz.menu.allDone');
      }
      nextOut.hidden = false;
    }
  }
}

if (!customElements.get('lockstep-level-menu'))
  customElements.define('lockstep-level-menu', LockstepLevelMenu);
