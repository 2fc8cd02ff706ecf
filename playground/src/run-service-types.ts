/**
 * The run service's interface, types only: what the routes and the grader need from whatever runs
 * code (run one request for one client, report health). Two implementations, chosen in server.ts:
 * sandboxed-run-service.ts runs code here; web-run-service.ts (LOCKSTEP_ROLE=web) runs nothing.
 */
import type { Goroutine, RunRequest, RunResult, StopCode } from '../../contract/run.ts';
import type { Health } from '../../contract/health.ts';
import type { Phase } from '../../contract/stream.ts';

export interface RunHooks {
  /** Aborted when the client goes away: a waiting job leaves the queue, a running one is killed. */
  signal?: AbortSignal;
  onQueue?: (position: number) => void;
  onPhase?: (phase: Phase) => void;
  onOutput?: (stream: 'stdout' | 'stderr', data: string) => void;
  /** The sandbox stopped the program: why, and its goroutines (after the last output). */
  onStopped?: (code: StopCode, goroutines: Goroutine[]) => void;
}

/** Server-side options no API client can set. */
export interface RunOptions {
  /** Grading: the program cannot read the package sources (the hidden tests) while it runs. */
  hideSources?: boolean;
  /** Action test: only the tests matching this -test.run pattern, in a process of their own. */
  testRun?: string;
}

/** What the runner says of itself in GET /api/health; the route adds the role and the lab queue. */
export type RunnerHealth = Omit<Health, 'role' | 'grading'>;

export interface RunService {
  health(): Promise<RunnerHealth>;
  /** Resolves with the result; rejects with a RequestError for anything the caller can fix. */
  run(request: RunRequest, client: string, hooks: RunHooks, options?: RunOptions): Promise<RunResult>;
  close(): Promise<void>;
}
