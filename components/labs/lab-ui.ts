/**
 * Small pieces every lab page shows: links between lab pages in the page's locale, dates in the
 * reader's locale, and a link with a Copy button. N.B. BROWSER CODE.
 */
import { t, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';

/** The page's locale prefix ('' or '/zh-cn'), for links between lab pages. */
export function localePrefix(): string {
  return location.pathname.startsWith('/zh-cn/') ? '/zh-cn' : '';
}

/** A link with a Copy button, labelled for screen readers. */
export function copyableLink(locale: Locale, label: string, url: string): HTMLElement {
  const id = `lab-link-${Math.random().toString(36).slice(2, 8)}`;
  const box = el('div', { class: 'lab-link' });
  const input = el('input', { id, readonly: '', value: url, class: 'lab-link-input' });
  const copy = el('button', { type: 'button', class: 'pg-button' }, t(locale, 'lab.copy'));
  const done = el('span', { class: 'lab-copied', 'aria-live': 'polite' });
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(url).then(
      () => (done.textContent = t(locale, 'lab.copied')),
      () => input.select(),
    );
  });
  box.append(el('label', { for: id }, label), input, copy, done);
  return box;
}
