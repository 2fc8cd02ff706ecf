/** GET /api/health: Go version, sandbox mode and why, limits, cache state, queue length. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Health } from '../../../contract/health.ts';
import type { RunService } from '../run-service-types.ts';
import type { QueueCounts } from '../labs/queue.ts';

export interface HealthRoutesOptions {
  service: RunService;
  role: Health['role'];
  /** Limits the HTTP layer enforces (the lab routes'), shown beside the runner's. */
  limits?: Record<string, number>;
  /** The lab grading queue's counts; health answers without them (null) if they take over a second. */
  grading?: () => Promise<QueueCounts>;
}

/** How long health waits for the lab database before saying grading: null. */
const GRADING_COUNTS_MS = 1_000;

async function gradingCounts(counts: () => Promise<QueueCounts>): Promise<QueueCounts | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), GRADING_COUNTS_MS)));
  try {
    return await Promise.race([counts().catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
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
        const [health, grading] = await Promise.all([
          opts.service.health(),
          opts.grading ? gradingCounts(opts.grading) : undefined,
        ]);
        return {
          ...health,
          role: opts.role,
          limits: { ...health.limits, ...opts.limits },
          ...(grading === undefined ? {} : { grading }),
        };
      },
    );
}
