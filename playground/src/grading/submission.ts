/**
 * Pure: a learner's files → the package that is graded. Learners may send only the exercise's
 * editable starter files; the tests (visible and hidden) and go.mod always come from the
 * exercise and are written last, so no learner file can replace them.
 */
import { RequestError } from '../errors.ts';
import type { Exercise, Files } from '../../../contract/exercise/types.ts';

/** `//go:embed` could copy a hidden test into the learner's binary at build time. */
const GO_EMBED = /^\s*\/\/go:embed\b/m;

/**
 * Returns the files to run, or throws a 400 RequestError whose params name the file and the files
 * the learner may send (clients word it; the message is English for API users).
 */
export function submissionFiles(exercise: Exercise, learner: Files): Files {
  const allowed = [...exercise.editable];
  const may = allowed.join(', ');
  const own: Files = {};
  for (const [name, content] of Object.entries(learner)) {
    if (exercise.editable.includes(name)) {
      if (GO_EMBED.test(content)) {
        throw new RequestError(
          400,
          'embed_not_allowed',
          `${name}: //go:embed is not available in exercises.`,
          {
            file: name,
          },
        );
      }
      own[name] = content;
    } else if (Object.hasOwn(exercise.starter, name)) {
      // A read-only starter file (go.mod) may come back unchanged, e.g. from an editor that sends every tab.
      if (content !== exercise.starter[name]) {
        throw new RequestError(
          400,
          'file_read_only',
          `${name} is provided by the exercise and cannot be changed; you may send: ${may}.`,
          { file: name, allowed },
        );
      }
    } else {
      throw new RequestError(
        400,
        'file_not_allowed',
        `"${name}" is not a file of this exercise; you may send: ${may}.`,
        { file: name, allowed },
      );
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
