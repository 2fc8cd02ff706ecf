/**
 * The exercises' endpoints: an exercise's public view, its solution, and the grade stream of the
 * Check. The stream's socket and its message checks are components/playground/stream-socket.ts
 * and components/exercise/grade-stream-check.ts. N.B. BROWSER CODE.
 */
import type { ExerciseSolution, GradeRequest, PublicExercise } from '../../contract/grade.ts';
import type { GradeStreamMessage } from '../../contract/grade-stream.ts';
import type { Locale } from '../i18n/index.ts';
import { readGradeStreamMessage } from '../exercise/grade-stream-check.ts';
import { openStream, type StreamCallbacks, type StreamHandle } from '../playground/stream-socket.ts';
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

/** Grades the files over /api/grade/stream; the last message is a grade or an error. */
export function startGrade(body: GradeRequest, callbacks: StreamCallbacks<GradeStreamMessage>): StreamHandle {
  return openStream(
    '/api/grade/stream',
    body,
    readGradeStreamMessage,
    (m) => m.type === 'grade' || m.type === 'error',
    callbacks,
  );
}
