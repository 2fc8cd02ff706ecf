/**
 * The lab's dates and rules as one paragraph, shown to students and instructors.
 * N.B. BROWSER CODE.
 */
import type { LabView } from '../../contract/labs.ts';
import type { Locale } from '../i18n/ui.ts';
import { el } from '../dom/el.ts';
import { tl, type LabKey } from './strings.ts';
import { formatInstant } from './lab-client.ts';

/** The lab's dates and rules as one paragraph, shared with the gradebook. */
export function labSummary(lab: LabView, locale: Locale): HTMLElement {
  const t = (key: LabKey, params?: Record<string, string | number>) => tl(locale, key, params);
  const when = { opens: formatInstant(lab.opensAt, locale), due: formatInstant(lab.dueAt, locale) };
  const p = el('p', { class: `lab-summary lab-phase-${lab.phase}` });
  p.append(
    el('strong', {}, t(`lab.phase.${lab.phase}`, when)),
    document.createTextNode(
      ` ${lab.latePolicy === 'penalty' ? t('lab.policy.penalty', { percent: lab.latePenaltyPercent }) : t(`lab.policy.${lab.latePolicy}`)} ${
        lab.attemptLimit === null
          ? t('lab.attempts.unlimited')
          : t('lab.attempts.limit', { n: lab.attemptLimit })
      }`,
    ),
  );
  return p;
}
