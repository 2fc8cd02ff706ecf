/**
 * The run service of a process with LOCKSTEP_ROLE=web: it has no sandbox (and needs neither Go
 * nor bubblewrap), so its health says code does not run here and why, and a run that reaches it
 * anyway (a load balancer sending runs to the wrong pool) is refused with 503 and that reason.
 */
import type { RunService } from './run-service-types.ts';
import { processFacts } from './process-facts.ts';
import { RunnerUnavailableError } from './errors.ts';

export const WEB_NODE_REASON =
  'this server has LOCKSTEP_ROLE=web: it serves the site and the lab API, and code runs on the worker servers behind the same load balancer.';

/** Returns the run service of a web node. */
export function createWebNodeService(): RunService {
  return {
    async health() {
      return {
        status: 'degraded',
        go: { version: '' },
        sandbox: { mode: 'none', available: false, reason: WEB_NODE_REASON, cgroup: '' },
        tracing: { available: false, reason: 'sandbox_unavailable', converter: 'not_built' },
        limits: {},
        cache: { state: 'cold', detail: 'No Go build cache: nothing is built on a web server.' },
        queue: { running: 0, waiting: 0, concurrency: 0, perClientWaiting: 0, maxWaiting: 0 },
        server: processFacts(),
      };
    },
    async run() {
      throw new RunnerUnavailableError('web_node', WEB_NODE_REASON);
    },
    async close() {},
  };
}
