/**
 * Words what is wrong with an imported progress file (progress.ts says it as facts), in the page's
 * locale. The entry's path is the file's own name for it and stays as written.
 * N.B. BROWSER CODE.
 */
import { t, type Locale } from '../i18n/index.ts';
import type { ImportProblem } from './progress.ts';

export function importProblemText(locale: Locale, problem: ImportProblem): string {
  switch (problem.code) {
    case 'not_json':
      return t(locale, 'pr.import.problem.not_json');
    case 'not_export':
      return t(locale, 'pr.import.problem.not_export');
    case 'version':
      return t(locale, 'pr.import.problem.version', { found: problem.found, expected: problem.expected });
    case 'field':
      return t(locale, 'pr.import.problem.field', {
        field: problem.field,
        rule: t(locale, `pr.import.rule.${problem.rule}`),
      });
  }
}
