/** GET /api/health: Go version, sandbox mode and why, limits, cache state, queue length. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Health } from '../contract/health.ts';
import type { RunService } from '../run-service.ts';

/** Registers the health route. */
export async function healthRoutes(app: FastifyInstance, opts: { service: RunService }): Promise<void> {
  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .get(
      '/api/health',
      { schema: { summary: 'Can this server run code, and if not, why', response: { 200: Health } } },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return opts.service.health();
      },
    );
}
