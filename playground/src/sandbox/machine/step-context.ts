/**
 * What every step of a job shares: its cgroup (or a waiting launcher's), how it is launched, and the
 * client's abort as an error. Used by execute.ts (build, run) and trace-steps.ts (conversion).
 */
import { join } from 'node:path';
import type { StepOutcome } from '../plan/outcome.ts';
import type { Launch, LaunchContext } from '../plan/commands.ts';
import { JobCgroup } from './cgroup.ts';
import type { ExecuteContext } from './execute-types.ts';
import type { JobDirs } from './jobdir.ts';
import type { LauncherProcess, ReadyLauncher } from './launcher-pool.ts';
import type { StepResult } from './step.ts';

/** A job was aborted by its client; the outcome is discarded by the caller. */
export class JobAbortedError extends Error {
  constructor() {
    super('the job was cancelled');
    this.name = 'JobAbortedError';
  }
}

/** The step's process: a waiting launcher given the sandbox argv, or argv to spawn afresh. */
export function launchSpec(
  launch: Launch,
  ready: ReadyLauncher | null,
): { argv: string[]; env: Record<string, string>; cwd: string; launcher?: LauncherProcess } {
  const spec = { argv: launch.argv, env: launch.env, cwd: launch.cwd };
  if (ready === null || launch.sandboxArgv === undefined) return spec;
  return { ...spec, launcher: ready.start(launch.sandboxArgv) };
}

export function launchContext(
  ctx: ExecuteContext,
  dirs: JobDirs,
  procFiles: readonly string[],
): LaunchContext {
  return {
    mode: ctx.env.mode,
    layout: ctx.env.layout,
    cgroupProcFiles: procFiles,
    hostTmp: join(dirs.root, 'out'),
  };
}

/**
 * Gives the step its cgroup (none in unsafe mode): a waiting launcher's, already joined, or a new
 * one. Runs, and always destroys the group in the background. A build first waits until its
 * group is empty, so nothing of it can touch the output the host reads next.
 */
export async function inCgroup(
  ctx: ExecuteContext,
  memoryBytes: number,
  body: (group: JobCgroup | null, ready: ReadyLauncher | null) => Promise<StepResult>,
  cleanup: 'wait' | 'background' = 'wait',
): Promise<StepResult> {
  const support = ctx.env.cgroups;
  if (support.version === 'none') return body(null, null);
  const ready = ctx.launchers?.take(memoryBytes) ?? null;
  const group = ready?.group ?? JobCgroup.create(support, { memoryBytes, pids: ctx.limits.pids });
  try {
    return await body(group, ready);
  } finally {
    if (cleanup === 'wait') await group.killAll();
    void group.destroy();
  }
}

export function stripAborted(step: StepResult): StepOutcome {
  if (step.aborted) throw new JobAbortedError();
  const { aborted: _aborted, ...rest } = step;
  return rest;
}
