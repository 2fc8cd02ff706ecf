/** Routes: a student’s own standing; one submission with its code and grade. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  LabParams,
  LocaleQuery,
  StudentStanding,
  SubmissionDetail,
  SubmissionParams,
} from '../../../../contract/labs.ts';
import { auth, limitedErrors, noStore, type LabRouteKit } from './kit.ts';

export function registerStandingRoutes(app: FastifyInstance, kit: LabRouteKit): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/labs/:labId/me',
    {
      config: kit.perCaller(kit.limits.requestsPerMinute),
      schema: {
        summary: 'The calling student’s standing and own submissions',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        querystring: LocaleQuery,
        response: { 200: StudentStanding, ...limitedErrors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return kit.labs.standing(await kit.caller(request), request.query.locale ?? 'en');
    },
  );

  api.get(
    '/api/labs/:labId/submissions/:submissionId',
    {
      config: kit.perCaller(kit.limits.requestsPerMinute),
      schema: {
        summary:
          'One submission with its code, its state (queued with its position, grading, graded, failed) and, once graded, its grade: the student’s own, or any for the instructor',
        tags: ['labs'],
        security: auth,
        params: SubmissionParams,
        response: { 200: SubmissionDetail, ...limitedErrors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return kit.labs.submission(await kit.caller(request), request.params.submissionId);
    },
  );
}
