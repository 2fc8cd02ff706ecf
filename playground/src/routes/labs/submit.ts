/** Route: a student submits code; it is acknowledged at once and graded by the queue. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../../contract/run.ts';
import { LabParams, SubmissionSummary, SubmitHeaders, SubmitRequest } from '../../../../contract/labs.ts';
import { auth, bodyErrors, noStore, sameOrigin, type LabRouteKit } from './kit.ts';

export function registerSubmitRoutes(app: FastifyInstance, kit: LabRouteKit): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/labs/:labId/submissions',
    {
      config: kit.perCaller(kit.limits.submitPerMinute),
      onRequest: async (request) => sameOrigin(request),
      schema: {
        summary:
          'Submit code for one of the lab’s exercises: stored durably and acknowledged at once (202, state queued), then graded by the grading queue',
        description:
          'The answer comes as soon as the submission is committed to the database; submittedAt is the receipt time the due date and late policy judge. Load never refuses a submission, it only delays the grade: follow it with GET /api/labs/{labId}/submissions/{submissionId} (the browser polls once a second while the state is queued or grading). Send an Idempotency-Key header, one per Submit click and the same on every retry of that click: a repeated key stores nothing and answers with the submission the first request stored (Idempotent-Replayed: true).',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        headers: SubmitHeaders,
        body: SubmitRequest,
        response: { 202: SubmissionSummary, ...bodyErrors, 413: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const who = await kit.caller(request);
      const { submission, replayed } = await kit.labs.submit(who, request.body, {
        idempotencyKey: request.headers['idempotency-key'],
      });
      reply.code(202).headers(noStore);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return submission;
    },
  );
}
