/**
 * The student's join form: name, student ID and an optional e-mail, handed to `onJoin` as the
 * contract's JoinRequest. N.B. BROWSER CODE.
 */
import type { JoinRequest } from '../../contract/labs.ts';
import { t, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';

/** A labelled input. */
function field(name: string, label: string, attrs: Record<string, string>): HTMLElement {
  const l = el('label', { class: 'lab-field' });
  l.append(el('span', {}, label), el('input', { name, ...attrs }));
  return l;
}

/** Returns the form; each submit of it calls onJoin with the trimmed fields. */
export function joinForm(
  locale: Locale,
  onJoin: (body: JoinRequest, form: HTMLFormElement) => void,
): HTMLFormElement {
  const form = el('form', { class: 'lab-form lab-join' });
  form.append(
    el('h3', {}, t(locale, 'lab.join.title')),
    field('name', t(locale, 'lab.join.name'), { required: '', maxlength: '100', autocomplete: 'name' }),
    field('studentId', t(locale, 'lab.join.id'), { required: '', maxlength: '64', autocomplete: 'off' }),
    field('email', t(locale, 'lab.join.email'), { type: 'email', maxlength: '200', autocomplete: 'email' }),
    el('button', { type: 'submit', class: 'pg-button pg-primary' }, t(locale, 'lab.join.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    onJoin({ name: text('name'), studentId: text('studentId'), email: text('email') }, form);
  });
  return form;
}
