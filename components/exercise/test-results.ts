/**
 * The list of a grade's tests, each with its outcome, score, badges (hidden, race) and the failure
 * note worded in the reader's language (a stored grade without notes shows its message as it is):
 * one view for the learner's Check and the lab views. N.B. BROWSER CODE.
 */
import type { GradedTest } from '../../contract/grade.ts';
import { t, type ExerciseKey, type Locale } from '../i18n/index.ts';
import { testNote } from '../i18n/grade-texts.ts';
import { el } from '../dom/el.ts';

/** A `<ul>` of `tests`, named `label` for screen readers. */
export function testResultList(tests: readonly GradedTest[], locale: Locale, label: string): HTMLElement {
  const list = el('ul', { class: 'ex-tests', 'aria-label': label });
  for (const test of tests) {
    const ok = test.score === test.weight;
    const item = el('li', { class: `ex-test ${ok ? 'ex-ok' : 'ex-bad'}`, 'data-test': test.name });
    item.append(
      el('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '),
      el('code', {}, test.name),
      document.createTextNode(
        ` — ${t(locale, `ex.test.${test.status}` as ExerciseKey)} (${test.score}/${test.weight})`,
      ),
    );
    if (test.hidden) item.append(el('span', { class: 'pg-badge ex-hidden' }, t(locale, 'ex.test.hidden')));
    if (test.race) item.append(el('span', { class: 'pg-badge' }, t(locale, 'ex.test.race')));
    const note = ok ? '' : testNote(locale, test);
    if (note) item.append(el('pre', { class: 'ex-message' }, note));
    list.append(item);
  }
  return list;
}
