/**
 * The reorderable list of an order-the-events question: every item has Up and Down buttons, so it
 * works with the keyboard and screen readers (no drag and drop). Each move is announced.
 * N.B. BROWSER CODE.
 */
import { move } from './grade.ts';
import { t, type Locale } from '../i18n/index.ts';

/** A list of events the learner arranges; `ids()` is the current arrangement, top first. */
export class OrderList {
  readonly element: HTMLOListElement;
  private readonly announcer: HTMLElement;
  private order: string[];
  private readonly rows = new Map<
    string,
    { li: HTMLLIElement; up: HTMLButtonElement; down: HTMLButtonElement }
  >();
  private locked = false;
  private readonly locale: Locale;

  /** Builds the list from the server-rendered items (`li[data-option]`), keeping their markup. */
  constructor(source: HTMLElement, locale: Locale) {
    this.locale = locale;
    this.element = document.createElement('ol');
    this.element.className = 'quiz-order';
    this.announcer = document.createElement('p');
    this.announcer.className = 'quiz-sr';
    this.announcer.setAttribute('aria-live', 'polite');
    this.order = [];
    for (const item of source.querySelectorAll<HTMLLIElement>('li[data-option]')) {
      const id = item.dataset.option ?? '';
      const label = item.querySelector('.quiz-text')?.textContent?.trim() ?? id;
      const li = document.createElement('li');
      li.dataset.option = id;
      const text = document.createElement('span');
      text.className = 'quiz-text';
      text.append(...(item.querySelector('.quiz-text')?.childNodes ?? []));
      const up = this.button(
        t(this.locale, 'quiz.order.up'),
        t(this.locale, 'quiz.order.up.label', { item: label }),
      );
      const down = this.button(
        t(this.locale, 'quiz.order.down'),
        t(this.locale, 'quiz.order.down.label', { item: label }),
      );
      up.addEventListener('click', () => this.shift(id, -1, up));
      down.addEventListener('click', () => this.shift(id, 1, down));
      const buttons = document.createElement('span');
      buttons.className = 'quiz-move';
      buttons.append(up, down);
      const row = document.createElement('div');
      row.className = 'quiz-order-row';
      row.append(text, buttons);
      li.append(row);
      this.rows.set(id, { li, up, down });
      this.order.push(id);
    }
    source.replaceWith(this.element, this.announcer);
    this.render();
  }

  /** The current arrangement, top first. */
  ids(): string[] {
    return [...this.order];
  }

  /** Freezes or unfreezes the list (while feedback is shown). */
  setLocked(locked: boolean): void {
    this.locked = locked;
    this.render();
  }

  /** The first control, for focus after "Try again". */
  firstControl(): HTMLElement | null {
    const first = this.rows.get(this.order[0] ?? '');
    return first?.down ?? null;
  }

  private button(text: string, label: string): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'quiz-button quiz-move-button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    return b;
  }

  private shift(id: string, delta: number, focus: HTMLButtonElement): void {
    if (this.locked) return;
    const index = this.order.indexOf(id);
    const next = move(this.order, index, delta);
    if (next.indexOf(id) === index) return;
    this.order = next;
    this.render();
    // Moving the row re-inserts it, which drops focus; keep it on the button that was pressed.
    focus.focus();
    const label = this.rows.get(id)?.li.querySelector('.quiz-text')?.textContent?.trim() ?? id;
    this.announcer.textContent = t(this.locale, 'quiz.order.moved', {
      position: next.indexOf(id) + 1,
      total: next.length,
      item: label,
    });
  }

  private render(): void {
    this.order.forEach((id, i) => {
      const row = this.rows.get(id);
      if (!row) return;
      if (this.element.children[i] !== row.li)
        this.element.insertBefore(row.li, this.element.children[i] ?? null);
      // aria-disabled rather than disabled, so a button pressed into the top or bottom keeps focus.
      row.up.setAttribute('aria-disabled', String(this.locked || i === 0));
      row.down.setAttribute('aria-disabled', String(this.locked || i === this.order.length - 1));
    });
    this.element.toggleAttribute('data-locked', this.locked);
  }
}
