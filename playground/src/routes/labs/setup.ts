/** Routes: create a lab; read the view anyone with its join link sees. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CreatedLab, LabSettings, LabView, LabParams, LocaleQuery } from '../../../../contract/labs.ts';
import { bodyErrors, errors, noStore, sameOrigin, type LabRouteKit } from './kit.ts';

export function registerLabSetupRoutes(app: FastifyInstance, kit: LabRouteKit): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/labs',
    {
      // No identity exists before the lab does: this one is per address (the real client's
      // address behind a trusted proxy, see LOCKSTEP_TRUSTED_PROXIES).
      config: { rateLimit: { max: kit.limits.createPerMinute, timeWindow: '1 minute' } },
      onRequest: async (request) => sameOrigin(request),
      schema: {
        summary: 'Create a lab: returns its id and the instructor key (shown once)',
        tags: ['labs'],
        body: LabSettings,
        querystring: LocaleQuery,
        response: { 201: CreatedLab, ...bodyErrors },
      },
    },
    async (request, reply) => {
      reply.code(201).headers(noStore);
      return kit.labs.create(request.body, request.query.locale ?? 'en');
    },
  );

  api.get(
    '/api/labs/:labId',
    {
      schema: {
        summary: 'A lab as anyone with its join link sees it: title, dates, policy, exercises',
        tags: ['labs'],
        params: LabParams,
        querystring: LocaleQuery,
        response: { 200: LabView, ...errors },
      },
    },
    async (request) => kit.labs.view(request.params.labId, request.query.locale ?? 'en'),
  );
}
