/**
 * Pure: the note a playground shows before Run when its example or exercise declares a newer Go
 * than the runner has (the runner's GET /api/health says its Go as a fact; the words are the
 * page's). Without it a learner on an older runner meets Go's own compile error with no hint why.
 * N.B. BROWSER CODE.
 */
import { needsNewerGo, shownGoVersion } from '../../contract/go-version.ts';
import { t, type Locale } from '../i18n/index.ts';

/** A playground in a chapter or the full-page playground says "example"; inside an exercise, "exercise". */
export type GoNoteKind = 'example' | 'exercise';

/**
 * Returns the note, or null when nothing is to be shown: no minimum declared, a runner new enough,
 * or a runner whose Go is unknown (a web server without Go, no answer).
 */
export function goNoteText(
  locale: Locale,
  kind: GoNoteKind,
  minimum: string | undefined,
  runnerGo: string | null | undefined,
): string | null {
  if (!minimum || !runnerGo || !needsNewerGo(minimum, runnerGo)) return null;
  const params = { need: minimum, have: shownGoVersion(runnerGo) };
  return kind === 'exercise' ? t(locale, 'ex.go.needs', params) : t(locale, 'pg.go.needs', params);
}
