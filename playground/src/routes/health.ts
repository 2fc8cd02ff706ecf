/** GET /api/health: Go version, sandbox mode and why, limits, cache state, queue length. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Health } from '../contract/health.ts';
import type { RunService } from '../run-service.ts';

export interface HealthRoutesOptions {
  service: RunService;
  /** Limits the HTTP layer enforces (the lab routes'), shown beside the runner's. */
  limits?: Record<string, number>;
}

/** Registers the health route. */
export async function healthRoutes(app: FastifyInstance, opts: HealthRoutesOptions): Promise<void> {
  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .get(
      '/api/health',
      { schema: { summary: 'Can this server run code, and if not, why', response: { 200: Health } } },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        const health = await opts.service.health();
        return { ...health, limits: { ...health.limits, ...opts.limits } };
      },
    );
}
