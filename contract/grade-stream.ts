/**
 * Messages of the grading stream (WebSocket GET /api/grade/stream): the client sends one
 * GradeRequest as JSON; the server answers with these, ending with `grade` or `error`. A grade is
 * one or more runs of the test binary, each waiting its turn in the runner's fair queue, so
 * `queued` and `phase` come again for every run. No output is streamed: a graded run's text can
 * quote hidden tests, and only the grade's redacted copy of the run may reach the learner.
 * N.B. IMPORTED BY THE SERVER AND BY BROWSER CODE. Keep it free of Node APIs.
 */
import { Type, type Static } from 'typebox';
import { GradeResult } from './grade.ts';
import { Phase } from './stream.ts';
import { ErrorCodeSchema, ErrorParamsSchema } from './errors.ts';

export const GradeStreamMessage = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('queued'),
        position: Type.Integer({ minimum: 1, description: '1 = next to start.' }),
      },
      { description: 'A run of the grade waits for the runner: its place in line, sent when it changes.' },
    ),
    Type.Object(
      { type: Type.Literal('phase'), phase: Phase },
      {
        description:
          'Where the current run of the grade is: queued (the queue took it), building, running. ' +
          'Comes again for each run of the grade.',
      },
    ),
    Type.Object({ type: Type.Literal('grade'), result: GradeResult }),
    Type.Object(
      {
        type: Type.Literal('error'),
        error: ErrorCodeSchema,
        message: Type.String({ description: 'The same short English sentence as POST /api/grade.' }),
        params: Type.Optional(ErrorParamsSchema),
        retryAfterS: Type.Optional(
          Type.Integer({
            description: 'With queue_full: seconds after which a retry is likely to be taken.',
          }),
        ),
      },
      { description: 'The grade was refused or failed; POST /api/grade would answer the same code.' },
    ),
  ],
  {
    description:
      'The messages of the WebSocket GET /api/grade/stream?client=<per-tab id> (send one GradeRequest as ' +
      'JSON first): queued and phase as each run of the grade waits and runs, then one grade (the ' +
      'GradeResult of POST /api/grade) or error. A grade is one or more runs of the test binary, each ' +
      'queued as its own job of the client (the address plus the id), so the Check waits and is told its ' +
      'place while the queue has room: one run running and queue.perClientWaiting waiting per client, ' +
      'queue.maxWaiting in all (GET /api/health). Beyond them: error queue_full with retryAfterS, as POST ' +
      '/api/grade answers 429. Closing the socket cancels the grade: a waiting run leaves the queue, a ' +
      'running one is stopped.',
  },
);
export type GradeStreamMessage = Static<typeof GradeStreamMessage>;
