/**
 * Where each verdict is taught, so an explanation can send the learner to the lesson.
 * Paths are locale-neutral; linkFor adds the locale prefix.
 */
import type { RunStatus } from '../../contract/run.ts';
import type { Locale } from '../i18n/index.ts';

const LESSONS: Partial<Record<RunStatus, string>> = {
  race: '/maps/race-detector/',
  deadlock: '/locks/misuse-and-diagnosis/',
  concurrent_map: '/maps/prelaunch-audit/',
  timeout: '/locks/misuse-and-diagnosis/',
  vet_findings: '/locks/misuse-and-diagnosis/',
  memory_limit: '/maps/race-detector/',
};

/** Returns the lesson URL for a status in the page's locale, or null when none teaches it. */
export function lessonFor(status: RunStatus, locale: Locale): string | null {
  const path = LESSONS[status];
  if (!path) return null;
  return locale === 'en' ? path : `/${locale}${path}`;
}
