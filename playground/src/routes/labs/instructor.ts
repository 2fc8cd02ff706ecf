/** Routes: the instructor re-queues a submission that failed to grade, or overrides its score. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  OverrideRequest,
  SubmissionDetail,
  SubmissionParams,
  SubmissionSummary,
} from '../../../../contract/labs.ts';
import { auth, bodyErrors, limitedErrors, noStore, sameOrigin, type LabRouteKit } from './kit.ts';

export function registerInstructorRoutes(app: FastifyInstance, kit: LabRouteKit): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/labs/:labId/submissions/:submissionId/requeue',
    {
      config: kit.perCaller(kit.limits.requestsPerMinute),
      onRequest: async (request) => sameOrigin(request),
      schema: {
        summary: 'Instructor: put a submission that failed to grade back in the grading queue',
        description:
          'Only a submission in state failed (the queue gave up after its retries) can be re-queued; it goes to the back of the queue with its attempts reset. 409 not_failed otherwise.',
        tags: ['labs'],
        security: auth,
        params: SubmissionParams,
        response: { 202: SubmissionSummary, ...limitedErrors },
      },
    },
    async (request, reply) => {
      const summary = await kit.labs.requeue(await kit.caller(request), request.params.submissionId);
      reply.code(202).headers(noStore);
      return summary;
    },
  );

  api.post(
    '/api/labs/:labId/submissions/:submissionId/override',
    {
      config: kit.perCaller(kit.limits.requestsPerMinute),
      onRequest: async (request) => sameOrigin(request),
      schema: {
        summary: 'Instructor: set (or clear, with score null) the score that counts for a submission',
        tags: ['labs'],
        security: auth,
        params: SubmissionParams,
        body: OverrideRequest,
        response: { 200: SubmissionDetail, ...bodyErrors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return kit.labs.override(
        await kit.caller(request),
        request.params.submissionId,
        request.body.score,
        request.body.comment,
      );
    },
  );
}
