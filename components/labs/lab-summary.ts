/**
 * The lab's dates and rules as one paragraph, shown to students and instructors.
 * N.B. BROWSER CODE.
 */
import type { LabView } from '../../contract/labs.ts';
import { formatInstant, t, type LabKey, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';

/** The lab's dates and rules as one paragraph, shared with the gradebook. */
export function labSummary(lab: LabView, locale: Locale): HTMLElement {
  const say = (key: LabKey, params?: Record<string, string | number>) => t(locale, key, params);
  const when = { opens: formatInstant(lab.opensAt, locale), due: formatInstant(lab.dueAt, locale) };
  const p = el('p', { class: `lab-summary lab-phase-${lab.phase}` });
  p.append(
    el('strong', {}, say(`lab.phase.${lab.phase}`, when)),
    document.createTextNode(
      ` ${lab.latePolicy === 'penalty' ? say('lab.policy.penalty', { percent: lab.latePenaltyPercent }) : say(`lab.policy.${lab.latePolicy}`)} ${
        lab.attemptLimit === null
          ? say('lab.attempts.unlimited')
          : say('lab.attempts.limit', { n: lab.attemptLimit })
      }`,
    ),
  );
  return p;
}
