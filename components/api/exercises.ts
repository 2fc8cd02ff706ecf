/**
 * The exercises' one-off requests: an exercise's public view (a lab page builds the exercise from
 * it) and its solution. A chapter's exercise imports this module when the learner asks for the
 * solution, so chapter pages load the request helper and the checks only then.
 * N.B. BROWSER CODE.
 */
import type { ExerciseSolution, PublicExercise } from '../../contract/grade.ts';
import type { Locale } from '../i18n/index.ts';
import { Check as checkExercise } from './guards/public-exercise.generated.ts';
import { Check as checkSolution } from './guards/exercise-solution.generated.ts';
import { request } from './request.ts';

const isPublicExercise = (value: unknown): value is PublicExercise => checkExercise(value) === true;
const isSolution = (value: unknown): value is ExerciseSolution => checkSolution(value) === true;

const exercisePath = (id: string) => `/api/exercises/${encodeURIComponent(id)}`;

/** GET /api/exercises/:id: the exercise as a learner sees it, in `locale`. */
export function fetchExercise(id: string, locale: Locale, signal?: AbortSignal): Promise<PublicExercise> {
  return request(`${exercisePath(id)}?locale=${locale}`, { read: isPublicExercise, signal });
}

/** GET /api/exercises/:id/solution: the reference solution's editable files. */
export function fetchSolution(id: string, signal?: AbortSignal): Promise<ExerciseSolution> {
  return request(`${exercisePath(id)}/solution`, { read: isSolution, signal });
}
