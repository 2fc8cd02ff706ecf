/** Routes: the instructor’s gradebook, as JSON and as a CSV download. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Gradebook, LabParams, LocaleQuery } from '../../../../contract/labs.ts';
import { auth, limitedErrors, noStore, type LabRouteKit } from './kit.ts';

export function registerGradebookRoutes(app: FastifyInstance, kit: LabRouteKit): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/labs/:labId/gradebook',
    {
      config: kit.perCaller(kit.limits.requestsPerMinute),
      schema: {
        summary: 'Instructor: students × exercises with best score, attempts, last submission and late flags',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        querystring: LocaleQuery,
        response: { 200: Gradebook, ...limitedErrors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return kit.labs.gradebook(await kit.caller(request), request.query.locale ?? 'en');
    },
  );

  api.get(
    '/api/labs/:labId/gradebook.csv',
    {
      config: kit.perCaller(kit.limits.requestsPerMinute),
      schema: {
        summary:
          'Instructor: the gradebook as CSV (lab, student_id, name, email, exercise, score, max_score, attempts, submitted_at, late)',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        response: { 200: Type.String(), ...limitedErrors },
      },
    },
    async (request, reply) => {
      const csv = await kit.labs.csv(await kit.caller(request));
      const lab = await kit.labs.view(request.params.labId, 'en');
      const name = lab.title.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'lab';
      reply
        .headers(noStore)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-gradebook.csv"`);
      return csv;
    },
  );
}
