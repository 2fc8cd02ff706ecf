/**
 * POST /api/grade: grade a learner's files for one exercise in the sandbox.
 * GET /api/grade/stream: the same over a WebSocket, with the queue position and phase of each run.
 * GET /api/exercises/:id: the browser-safe exercise in a locale (never hidden tests or the solution).
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ExerciseSolution,
  ExerciseParams,
  ExerciseQuery,
  GradeRequest,
  GradeResult,
  PublicExercise,
} from '../../../contract/grade.ts';
import { ErrorBody, RetryLater } from '../../../contract/run.ts';
import type { GradeStreamMessage } from '../../../contract/grade-stream.ts';
import type { RunService } from '../run-service-types.ts';
import type { Exercise } from '../../../contract/exercise/types.ts';
import { publicExercise } from '../../../contract/exercise/public.ts';
import { gradeSubmission } from '../grading/grader.ts';
import { solutionFiles } from '../grading/submission.ts';
import { RequestError } from '../errors.ts';
import { clientKey } from './client-id.ts';
import { serveExchange } from './socket-exchange.ts';
import { gradeRequestCheck } from './request-check.ts';

export interface GradeRoutesOptions {
  service: Pick<RunService, 'run'>;
  /** Loaded exercises by id (exercises/load.ts exerciseCatalog). */
  exercises: ReadonlyMap<string, Exercise>;
}

/** Returns the exercise, or throws a 404 RequestError. */
function find(exercises: ReadonlyMap<string, Exercise>, id: string): Exercise {
  const exercise = exercises.get(id);
  if (!exercise)
    throw new RequestError(404, 'exercise_not_found', `There is no exercise "${id}".`, { exerciseId: id });
  return exercise;
}

/** Registers the grading routes. */
export async function gradeRoutes(app: FastifyInstance, opts: GradeRoutesOptions): Promise<void> {
  gradeRoute(app, opts);
  gradeStreamRoute(app, opts);
  exerciseRoutes(app, opts);
}

/** POST /api/grade: one answer with the grade, once every run is done. */
function gradeRoute(app: FastifyInstance, opts: GradeRoutesOptions): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/grade',
    {
      // The stream's check and words (request-check.ts) instead of Ajv's: one validator for both.
      validatorCompiler: () => gradeRequestCheck.validator(),
      schema: {
        summary:
          "Grade a learner's files for an exercise: visible and hidden tests, in the sandbox, with -race",
        body: GradeRequest,
        response: {
          200: GradeResult,
          400: ErrorBody,
          404: ErrorBody,
          413: ErrorBody,
          415: ErrorBody,
          429: RetryLater,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const exercise = find(opts.exercises, request.body.exerciseId);
      const controller = new AbortController();
      // A client that goes away before the answer is written stops its run, as for /api/run.
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      return gradeSubmission(opts.service, exercise, request.body.files, {
        client: clientKey(request),
        signal: controller.signal,
        locale: request.body.locale,
      });
    },
  );
}

/** GET /api/grade/stream: the grade over a WebSocket, with each run's queue position and phase on the way. */
function gradeStreamRoute(app: FastifyInstance, opts: GradeRoutesOptions): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/grade/stream',
    {
      websocket: true,
      schema: {
        summary:
          'WebSocket: send one GradeRequest as JSON; receive queued/phase messages for each run, then grade or error',
        description:
          'Messages are GradeStreamMessage (published in the OpenAPI components, with the queue limits a ' +
          'Check is held to). Closing the socket cancels the grade.',
        querystring: { type: 'object', properties: { client: { type: 'string', maxLength: 64 } } },
      },
    },
    (socket, request) =>
      serveExchange<{ body: GradeRequest; exercise: Exercise }, GradeStreamMessage>(socket, request.log, {
        read: (text) => {
          const body = gradeRequestCheck.fromText(text);
          return { body, exercise: find(opts.exercises, body.exerciseId) };
        },
        work: ({ body, exercise }, send, signal) =>
          gradeSubmission(opts.service, exercise, body.files, {
            client: clientKey(request),
            signal,
            locale: body.locale,
            // Position and phase only: a graded run's raw output can quote hidden tests.
            hooks: {
              onQueue: (position) => send({ type: 'queued', position }),
              onPhase: (phase) => send({ type: 'phase', phase }),
            },
          }).then((result) => ({ type: 'grade', result })),
        failure: 'The grader failed unexpectedly; please try again.',
      }),
  );
}

/** GET /api/exercises/:id and its /solution: what the browser may see of an exercise. */
function exerciseRoutes(app: FastifyInstance, opts: GradeRoutesOptions): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/exercises/:id',
    {
      schema: {
        summary: 'An exercise as the browser may see it: statement, hints, starter files and visible tests',
        params: ExerciseParams,
        querystring: ExerciseQuery,
        response: { 200: PublicExercise, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => publicExercise(find(opts.exercises, request.params.id), request.query.locale ?? 'en'),
  );

  api.get(
    '/api/exercises/:id/solution',
    {
      schema: {
        summary:
          'The reference solution of an exercise (the editable files), for learners who asked to see it',
        params: ExerciseParams,
        response: { 200: ExerciseSolution, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { exerciseId: request.params.id, files: solutionFiles(find(opts.exercises, request.params.id)) };
    },
  );
}
