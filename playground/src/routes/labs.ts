/**
 * /api/labs: instructor labs. Thin: validate, authenticate the bearer secret, call the lab
 * service. State-changing requests are JSON with an Authorization header (neither can be sent by
 * a cross-site form without a CORS preflight, which this server never grants) and are refused
 * when the browser says they come from another origin. The routes are grouped by use case in
 * labs/ (as the service is in ../labs/), over the shared means in labs/kit.ts: the same-origin
 * check, the caller behind a secret, and limits that go by identity rather than address.
 */
import type { FastifyInstance } from 'fastify';
import { registerGradebookRoutes } from './labs/gradebook.ts';
import { registerInstructorRoutes } from './labs/instructor.ts';
import { registerJoinRoutes } from './labs/join.ts';
import { createLabRouteKit, type LabRoutesOptions } from './labs/kit.ts';
import { registerLabSetupRoutes } from './labs/setup.ts';
import { registerStandingRoutes } from './labs/standing.ts';
import { registerSubmitRoutes } from './labs/submit.ts';

export type { LabRoutesOptions } from './labs/kit.ts';

export async function labRoutes(app: FastifyInstance, opts: LabRoutesOptions): Promise<void> {
  const kit = createLabRouteKit(opts);
  registerLabSetupRoutes(app, kit);
  registerJoinRoutes(app, kit);
  registerStandingRoutes(app, kit);
  registerSubmitRoutes(app, kit);
  registerInstructorRoutes(app, kit);
  registerGradebookRoutes(app, kit);
}
