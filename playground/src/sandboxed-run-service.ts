/**
 * The run service that runs code in this process (roles `all` and `worker`): one request goes
 * through the fair queue, the sandbox and the parsers, and comes back as a RunResult. Health
 * reports what the sandbox probe found. Its interface is run-service-types.ts.
 */
import type { Config } from './config.ts';
import { isLoopback } from './config.ts';
import type { RunRequest, RunResult } from '../../contract/run.ts';
import type { RunHooks, RunOptions, RunService, RunnerHealth } from './run-service-types.ts';
import { processFacts } from './process-facts.ts';
import { FairQueue, QueueAbortedError, QueueFullError } from './queue/fair-queue.ts';
import { RequestError, RunnerUnavailableError } from './errors.ts';
import {
  createSandbox,
  JobAbortedError,
  SandboxUnavailableError,
  type Sandbox,
  type SandboxProbe,
} from './sandbox/index.ts';
import { tracingHealth } from './tracing-health.ts';
import { classify } from './parsers/status.ts';
import type { Limits } from './sandbox/plan/limits.ts';
import { LearnerOutput, type OutputPiece } from './output/learner-output.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

/** The sandbox limits the configuration sets (the rest keep their defaults). */
export function limitsFromConfig(config: Config): Partial<Limits> {
  return {
    runWallMs: config.LOCKSTEP_RUN_TIMEOUT_MS,
    testWallMs: config.LOCKSTEP_TEST_TIMEOUT_MS,
    buildWallMs: config.LOCKSTEP_BUILD_TIMEOUT_MS,
    memoryBytes: config.LOCKSTEP_MEMORY_MIB * MiB,
    buildMemoryBytes: config.LOCKSTEP_BUILD_MEMORY_MIB * MiB,
    pids: config.LOCKSTEP_PROCESSES,
    outputBytes: config.LOCKSTEP_OUTPUT_KIB * KiB,
    runTmpBytes: config.LOCKSTEP_TMP_MIB * MiB,
    stdinBytes: config.LOCKSTEP_STDIN_KIB * KiB,
  };
}

/** What a run needs: the sandbox, the queue in front of it, and the probe's verdict. */
interface RunContext {
  sandbox: Sandbox;
  queue: FairQueue;
  probe: Promise<SandboxProbe>;
}

/** Returns the service; probing and cache warming start in the background. */
export function createSandboxedRunService(config: Config): RunService {
  const unsafe = config.LOCKSTEP_UNSAFE_NO_SANDBOX;
  if (unsafe && !isLoopback(config.HOST)) {
    throw new Error('LOCKSTEP_UNSAFE_NO_SANDBOX=1 is only allowed when HOST is a loopback address.');
  }
  const sandbox: Sandbox = createSandbox({
    dataDir: config.LOCKSTEP_DATA_DIR,
    unsafeNoSandbox: unsafe,
    limits: limitsFromConfig(config),
  });
  const queue = new FairQueue({
    concurrency: config.LOCKSTEP_CONCURRENCY,
    perClientWaiting: config.LOCKSTEP_QUEUE_PER_CLIENT,
    maxWaiting: config.LOCKSTEP_QUEUE_MAX,
  });
  const probe: Promise<SandboxProbe> = sandbox.probe();
  if (!config.LOCKSTEP_NO_WARMUP) {
    void probe.then((p) => (p.available ? sandbox.warm() : undefined)).catch(() => undefined);
  }
  const context: RunContext = { sandbox, queue, probe };
  return {
    run: (request, client, hooks, options = {}) => run(context, request, client, hooks, options),
    health: () => health(context),
    close: () => sandbox.close(),
  };
}

/** Queues the request fairly, executes it in the sandbox and classifies the outcome. */
async function run(
  { sandbox, queue, probe }: RunContext,
  request: RunRequest,
  client: string,
  hooks: RunHooks,
  options: RunOptions,
): Promise<RunResult> {
  const found = await probe;
  if (!found.available) throw new RunnerUnavailableError(found.code ?? 'sandbox_trial_failed', found.reason);
  const enqueuedAt = performance.now();
  let accepted = false;
  try {
    return await queue.submit(
      client,
      (signal) => execute(sandbox, request, hooks, options, { signal, enqueuedAt }),
      {
        signal: hooks.signal,
        onPosition: (position) => {
          // The first position means the queue took the job (a full queue throws instead).
          if (!accepted) hooks.onPhase?.('queued');
          accepted = true;
          if (position > 0) hooks.onQueue?.(position);
        },
      },
    );
  } catch (error) {
    throw asRequestError(error);
  }
}

/** One job once the queue let it start: its output streamed as text for people, its result classified. */
async function execute(
  sandbox: Sandbox,
  request: RunRequest,
  hooks: RunHooks,
  options: RunOptions,
  job: { signal: AbortSignal; enqueuedAt: number },
): Promise<RunResult> {
  const startedAt = performance.now();
  // Text for people, as the result will hold it (output/learner-output.ts), paths stripped there.
  const output = new LearnerOutput(request.action);
  const show = (pieces: OutputPiece[]): void => {
    for (const piece of pieces) {
      if ('stopped' in piece) hooks.onStopped?.(piece.stopped, piece.goroutines);
      else hooks.onOutput?.(piece.stream, piece.data);
    }
  };
  const outcome = await sandbox.execute(
    {
      files: request.files,
      action: request.action,
      race: request.race ?? (request.action === 'run' || request.action === 'test'),
      stdin: request.stdin,
      args: request.args,
      hideSources: options.hideSources,
      testRun: options.testRun,
      trace: request.trace,
    },
    {
      signal: job.signal,
      onPhase: (phase) => hooks.onPhase?.(phase),
      onOutput: hooks.onOutput ? (stream, chunk) => show(output.push(stream, chunk)) : undefined,
    },
  );
  const { result, pieces } = output.finish(
    classify(outcome, Math.round(startedAt - job.enqueuedAt), request.files),
  );
  result.timings = { ...result.timings, totalMs: Math.round(performance.now() - job.enqueuedAt) };
  show(pieces);
  return result;
}

/** The queue's and the sandbox's refusals as the answers a client gets; anything else unchanged. */
function asRequestError(error: unknown): unknown {
  if (error instanceof QueueFullError)
    return new RequestError(429, 'queue_full', error.message, { retryAfterS: error.retryAfterS });
  if (error instanceof QueueAbortedError || error instanceof JobAbortedError) {
    return new RequestError(499, 'cancelled', 'The run was cancelled.');
  }
  if (error instanceof SandboxUnavailableError) return new RunnerUnavailableError(error.code, error.message);
  return error;
}

/** What GET /api/health says of the runner: the probe, the limits, the cache and the queue. */
async function health({ sandbox, queue, probe }: RunContext): Promise<RunnerHealth> {
  const found = await probe;
  const stats = queue.stats();
  const warm = sandbox.warmState();
  return {
    status: found.available ? 'ok' : 'degraded',
    go: { version: found.goVersion },
    sandbox: { mode: found.mode, available: found.available, reason: found.reason, cgroup: found.cgroup },
    tracing: tracingHealth(found.available, sandbox.traceConverter()),
    limits: sandbox.limitsSummary(),
    cache: warm,
    queue: {
      running: stats.running,
      waiting: stats.waiting,
      concurrency: queue.limits.concurrency,
      perClientWaiting: queue.limits.perClientWaiting,
      maxWaiting: queue.limits.maxWaiting,
    },
    server: processFacts(),
  };
}
