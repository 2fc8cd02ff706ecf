/** Route: a student joins a lab (limited per lab, see kit.ts). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { JoinRequest, Joined, LabParams } from '../../../../contract/labs.ts';
import { bodyErrors, noStore, sameOrigin, type LabRouteKit } from './kit.ts';

export function registerJoinRoutes(app: FastifyInstance, kit: LabRouteKit): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/labs/:labId/students',
    {
      onRequest: [async (request) => sameOrigin(request), kit.joinAllowance],
      schema: {
        summary: 'Join a lab as a student: returns the student’s own token (shown once)',
        tags: ['labs'],
        params: LabParams,
        body: JoinRequest,
        response: { 201: Joined, ...bodyErrors },
      },
    },
    async (request, reply) => {
      reply.code(201).headers(noStore);
      return kit.labs.join(request.params.labId, request.body);
    },
  );
}
