/**
 * The shapes a job runs with: the sandbox instance's parts (ExecuteContext) and the caller's
 * callbacks (ExecuteHooks). Apart from execute.ts so the step helpers can name them without
 * importing the job runner that imports them.
 */
import type { Limits } from '../plan/limits.ts';
import type { StreamName } from '../plan/output.ts';
import type { BinaryCache } from './bincache.ts';
import type { CachePool } from './cache-pool.ts';
import type { IdleWork } from './idle-work.ts';
import type { LauncherPool } from './launcher-pool.ts';
import type { HostEnv } from './probe.ts';

/** Callbacks of one job (all optional). */
export interface ExecuteHooks {
  onPhase?(phase: 'building' | 'running'): void;
  onOutput?(stream: StreamName, chunk: string): void;
  signal?: AbortSignal;
}

/** What execute needs from the sandbox instance. */
export interface ExecuteContext {
  env: HostEnv;
  limits: Limits;
  jobsDir: string;
  gocacheBase: string;
  binaries: BinaryCache;
  test2json: () => Promise<string>;
  /** The trace converter's path; rejects when it cannot be built (tracing is then unavailable). */
  traceTimeline: () => Promise<string>;
  /** Ready-made build caches and deferred removal of finished job trees. */
  caches: CachePool;
  /** Background work that waits while jobs run. */
  idle: IdleWork;
  /** Launchers waiting in fresh cgroups (bwrap mode with cgroups), or null. */
  launchers: LauncherPool | null;
}
