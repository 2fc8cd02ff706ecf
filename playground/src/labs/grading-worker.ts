/**
 * The grading worker: takes lab submissions from the grading queue (queue.ts) and grades them
 * through the runner, as many at once as the runner's concurrency. It runs in the server process
 * today (role `all`); it needs only the store, the runner and the exercises, so a `worker` role
 * can run just this loop on another machine against PostgreSQL.
 *
 * Fairness: each of the worker's slots is its own client of the runner's fair queue
 * (`grader:<slot>`), and every grade is several runs that queue one at a time. A free runner slot
 * goes to the oldest waiting run of a client with nothing running, so an interactive run waits at
 * most for one run to finish, never for a class's whole backlog of grades.
 *
 * Leases: a job is leased for leaseMs and renewed every third of it while it is graded; if the
 * renewal finds the lease gone, grading stops. stop() takes no new jobs, lets running grades
 * finish for a grace period, then aborts the rest and gives their leases back. A worker killed
 * outright gives nothing back: its leases run out and the next worker takes the jobs.
 *
 * The database going away (PostgreSQL restarting) stops nothing for good: taking jobs is tried
 * again at every poll, and a grade in progress keeps its work — the writes it needs (reading the
 * lab first, the grade or the failed attempt at the end) are tried again, with growing pauses,
 * until the database answers. Without that, a grade finished during an outage would be thrown
 * away and its job would wait for its lease to run out, to be graded again on another attempt.
 */
import type { Exercise } from '../../../contract/exercise/types.ts';
import { gradeSubmission, type Runner } from '../grading/grader.ts';
import { RequestError, RunnerUnavailableError } from '../errors.ts';
import { finalScore } from './policy.ts';
import type { GradingJob } from './queue.ts';
import { DatabaseUnavailableError, type LabStore } from './store.ts';
import type { SubmissionGrade } from './types.ts';

export interface GradingWorkerOptions {
  store: LabStore;
  runner: Runner;
  exercises: ReadonlyMap<string, Exercise>;
  /** Grades at once: the runner's concurrency. */
  concurrency: number;
  leaseMs: number;
  /** How often an idle worker looks for work it was not woken for (retries coming due, expired leases). */
  pollMs?: number;
  log: { info(message: string): void; warn(message: string): void };
  now?: () => Date;
}

export interface GradingWorker {
  start(): void;
  /** Stops taking jobs; running grades get `graceMs` to finish, then are aborted and released. */
  stop(graceMs?: number): Promise<void>;
}

/** Wait before retrying a grade whose attempt `attempt` (1-based) failed: 2 s, 4 s, 8 s… up to a minute. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}

/** What to do after an attempt to grade threw: the reason code and whether to try again. */
export function classifyGradingError(error: unknown): { reason: string; retry: boolean } {
  if (error instanceof RunnerUnavailableError) return { reason: 'runner_unavailable', retry: true };
  if (error instanceof RequestError) {
    if (error.code === 'queue_full') return { reason: 'runner_busy', retry: true };
    // Files the grader refuses do not become acceptable by waiting.
    if (error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 499)
      return { reason: error.code, retry: false };
  }
  return { reason: 'internal', retry: true };
}

/** Pause before asking a database that was away again, after `tries` (1-based) failed: 250 ms doubling up to 2 s. */
export function databaseRetryMs(tries: number): number {
  return Math.min(2_000, 250 * 2 ** Math.max(0, tries - 1));
}

/**
 * Runs `op` until the database answers: again after each DatabaseUnavailableError (calling
 * `onAway` with it), after a pause that `signal` cuts short. Rejects with any other error, or with
 * the signal's reason once it is aborted (the worker stopping, the lease lost).
 */
export async function whenDatabaseAnswers<T>(
  op: () => Promise<T>,
  signal: AbortSignal,
  onAway: (error: DatabaseUnavailableError) => void = () => undefined,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    signal.throwIfAborted();
    try {
      return await op();
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw error;
      onAway(error);
    }
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, databaseRetryMs(tries));
      signal.addEventListener('abort', done);
    });
  }
}

class Stopped extends Error {}

/** What grading one job needs besides the job. */
interface GradeContext {
  store: LabStore;
  runner: Runner;
  exercises: ReadonlyMap<string, Exercise>;
  leaseMs: number;
  now: () => Date;
  log: GradingWorkerOptions['log'];
  /** Warns once per distinct problem, not at every retry. */
  problem: (message: string) => void;
}

/** A job being graded: `abort` stops it (stop()'s grace ran out); `done` settles when it has ended. */
interface ActiveGrade {
  done: Promise<void>;
  abort: () => void;
}

export function createGradingWorker(o: GradingWorkerOptions): GradingWorker {
  const queue = o.store.queue;
  const pollMs = o.pollMs ?? 1_000;
  const active = new Map<string, ActiveGrade>();
  const freeSlots = Array.from({ length: o.concurrency }, (_, i) => i);
  let running = false;
  let stopping = false;
  let pumping = false;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let lastProblem = '';
  const context: GradeContext = {
    ...o,
    now: o.now ?? (() => new Date()),
    problem: (message) => {
      if (message !== lastProblem) o.log.warn(`grading: ${message}`);
      lastProblem = message;
    },
  };

  /** Leases jobs while slots are free; re-runs if woken meanwhile. */
  async function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopping && freeSlots.length > 0) {
          const jobs = await queue.lease(freeSlots.length, o.leaseMs);
          lastProblem = '';
          if (jobs.length === 0) break;
          for (const job of jobs) {
            const slot = freeSlots.shift()!;
            const controller = new AbortController();
            const done = gradeJob(context, job, slot, controller).finally(() => {
              active.delete(job.submission.id);
              freeSlots.push(slot);
              if (!stopping) void pump();
            });
            active.set(job.submission.id, { done, abort: () => controller.abort(new Stopped('stopping')) });
          }
        }
      } while (again && !stopping);
    } catch (error) {
      context.problem(`cannot take jobs from the queue (${(error as Error).message}); trying again`);
    } finally {
      pumping = false;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = queue.onWake(() => void pump());
      timer = setInterval(() => void pump(), pollMs);
      void pump();
    },
    async stop(graceMs = 10_000) {
      if (!running) return;
      stopping = true;
      if (timer) clearInterval(timer);
      unsubscribe?.();
      // A lease call in flight may still bring jobs: let it settle before counting them.
      while (pumping) await new Promise((r) => setTimeout(r, 10));
      await finishOrAbort(active, graceMs);
      running = false;
    },
  };
}

/** Lets the running grades finish for `graceMs`, then aborts the rest; resolves when all have ended. */
async function finishOrAbort(active: ReadonlyMap<string, ActiveGrade>, graceMs: number): Promise<void> {
  const all = Promise.all([...active.values()].map((a) => a.done));
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([all, new Promise<void>((r) => (grace = setTimeout(r, graceMs)))]);
  clearTimeout(grace);
  for (const a of active.values()) a.abort();
  await all;
}

/** Grades one leased job; `controller` is aborted by stop() or here, when the lease is lost. */
async function gradeJob(
  ctx: GradeContext,
  job: GradingJob,
  slot: number,
  controller: AbortController,
): Promise<void> {
  const s = job.submission;
  const persist = <T>(op: () => Promise<T>): Promise<T> =>
    whenDatabaseAnswers(op, controller.signal, (error) =>
      ctx.problem(`the database is away (${error.message}); holding the work on ${s.id} until it answers`),
    );
  const renewal = keepLease(ctx, job, controller);
  try {
    await gradeAndStore(ctx, job, slot, controller.signal, persist);
  } catch (error) {
    if (controller.signal.aborted) {
      // Stopping, or the lease was lost: give it back if it is still ours (it is not if lost).
      await ctx.store.queue.release(s.id, job.token).catch(() => undefined);
      return;
    }
    const { reason, retry } = classifyGradingError(error);
    if (reason === 'internal') ctx.log.warn(`grading ${s.id} failed: ${(error as Error).stack ?? error}`);
    // Stopped while the database is away: the lease runs out and the job returns.
    await persist(() =>
      ctx.store.queue.failAttempt(s.id, job.token, reason, retry ? retryDelayMs(s.gradingAttempts) : null),
    ).catch(() => undefined);
  } finally {
    clearInterval(renewal);
  }
}

/** Renews the lease every third of its length; aborts the grade when the lease is found gone. */
function keepLease(ctx: GradeContext, job: GradingJob, controller: AbortController): NodeJS.Timeout {
  return setInterval(
    () => {
      ctx.store.queue.renew(job.submission.id, job.token, ctx.leaseMs).then(
        (held) => {
          if (!held) controller.abort(new Stopped('lease lost'));
        },
        () => undefined, // the database is away: keep grading, the next renewal tries again
      );
    },
    Math.max(1, Math.floor(ctx.leaseMs / 3)),
  );
}

/** Grades the submission through the runner and stores the grade (late penalty applied). */
async function gradeAndStore(
  ctx: GradeContext,
  job: GradingJob,
  slot: number,
  signal: AbortSignal,
  persist: <T>(op: () => Promise<T>) => Promise<T>,
): Promise<void> {
  const s = job.submission;
  const exercise = ctx.exercises.get(s.exerciseId);
  if (!exercise) {
    await persist(() => ctx.store.queue.failAttempt(s.id, job.token, 'exercise_missing', null));
    return;
  }
  const lab = await persist(() => ctx.store.getLab(s.labId));
  if (!lab) return; // deleted with its submissions
  const result = await gradeSubmission(ctx.runner, exercise, s.files, {
    client: `grader:${slot}`,
    signal,
    locale: s.locale,
  });
  const written: SubmissionGrade = {
    score: result.score,
    maxScore: result.maxScore,
    finalScore: finalScore(lab.lab, result.score, s.late),
    verdict: result.verdict,
    status: result.status,
    result,
    gradedAt: ctx.now().toISOString(),
  };
  if (!(await persist(() => ctx.store.queue.complete(s.id, job.token, written))))
    ctx.log.info(`grading: ${s.id} was graded elsewhere after its lease ran out; this grade is dropped`);
}
