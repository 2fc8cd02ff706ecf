/**
 * Pure: a learner's files → the package that is graded. Learners may send only the exercise's
 * editable starter files; the tests (visible and hidden) and go.mod always come from the
 * exercise and are written last, so no learner file can replace them.
 */
import type { Locale } from '../../../contract/grade.ts';
import { RequestError } from '../errors.ts';
import type { Exercise, Files } from '../../../contract/exercise/types.ts';
import { textIn } from './messages.ts';

/** `//go:embed` could copy a hidden test into the learner's binary at build time. */
const GO_EMBED = /^\s*\/\/go:embed\b/m;

/**
 * Returns the files to run, or throws a 400 RequestError naming the files the learner may send
 * (its message in locale).
 */
export function submissionFiles(exercise: Exercise, learner: Files, locale: Locale = 'en'): Files {
  const t = textIn(locale);
  const allowed = exercise.editable.join(t('list.separator'));
  const own: Files = {};
  for (const [name, content] of Object.entries(learner)) {
    if (exercise.editable.includes(name)) {
      if (GO_EMBED.test(content)) {
        throw new RequestError(400, 'embed_not_allowed', t('files.embed', { file: name }));
      }
      own[name] = content;
    } else if (Object.hasOwn(exercise.starter, name)) {
      // A read-only starter file (go.mod) may come back unchanged, e.g. from an editor that sends every tab.
      if (content !== exercise.starter[name]) {
        throw new RequestError(400, 'file_read_only', t('files.readOnly', { file: name, allowed }));
      }
    } else {
      throw new RequestError(400, 'file_not_allowed', t('files.notAllowed', { file: name, allowed }));
    }
  }
  return { ...exercise.starter, ...own, ...exercise.tests, ...exercise.hidden };
}

/** Returns the editable files of the reference solution (starter files it does not replace included). */
export function solutionFiles(exercise: Exercise): Files {
  return { ...editableStarter(exercise), ...exercise.solution };
}

/** Returns the editable starter files, as a learner who changed nothing would send them. */
export function editableStarter(exercise: Exercise): Files {
  return Object.fromEntries(exercise.editable.map((name) => [name, exercise.starter[name] ?? '']));
}
