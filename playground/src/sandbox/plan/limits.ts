/**
 * Every limit the sandbox enforces and every message a learner can see because of one.
 * Units are in the names; defaults follow the issue and can be overridden per server.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/** The limits in force for one sandbox instance. */
export interface Limits {
  /** Wall clock of the program for `run`. */
  runWallMs: number;
  /** Wall clock of the test binary for `test`. */
  testWallMs: number;
  /** Wall clock of one build step (go build, go test -c, go vet, gofmt). Generous: a cold -race std build takes ~7–20 s. */
  buildWallMs: number;
  /** cgroup memory limit of the run step (not RLIMIT_AS: race binaries need ≈5× their heap in address space). */
  memoryBytes: number;
  /** cgroup memory limit of the build step; the compiler and linker need more than most programs. */
  buildMemoryBytes: number;
  /** Processes plus threads in the sandbox (cgroup pids.max). */
  pids: number;
  /** Output kept per step, stdout and stderr together; more kills the step. */
  outputBytes: number;
  /** Total size of the source files. */
  sourceBytes: number;
  /** Number of files in a request. */
  maxFiles: number;
  /** Standard input of the program. */
  stdinBytes: number;
  /** Size of the private /tmp of the run step (tmpfs, charged to the memory cgroup too). */
  runTmpBytes: number;
  /** Size of the private /tmp of the build step (compiler work files). */
  buildTmpBytes: number;
  /** How long a program must look stuck (no CPU, no thread that can wake) before the watchdog stops it. */
  stallWindowMs: number;
  /** How often the watchdog samples the program's threads. */
  stallSampleMs: number;
  /** After SIGQUIT, how long the program may take to print its goroutine dump before SIGKILL. */
  quitGraceMs: number;
  /** Size bound of the linked-binary cache (least recently used binaries are evicted). */
  binaryCacheBytes: number;
  /** Largest binary the host accepts from a build (read through O_NOFOLLOW into the cache). */
  binaryBytes: number;
}

/** The defaults of the issue. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  runWallMs: 10_000,
  testWallMs: 20_000,
  buildWallMs: 60_000,
  memoryBytes: 512 * MiB,
  buildMemoryBytes: 1024 * MiB,
  pids: 256,
  outputBytes: 1 * MiB,
  sourceBytes: 256 * KiB,
  maxFiles: 20,
  stdinBytes: 64 * KiB,
  runTmpBytes: 64 * MiB,
  buildTmpBytes: 512 * MiB,
  stallWindowMs: 1_000,
  stallSampleMs: 100,
  quitGraceMs: 300,
  binaryCacheBytes: 200 * MiB,
  binaryBytes: 64 * MiB,
});

/** Merges overrides into the defaults, rejecting non-positive or non-finite numbers. */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof Limits, number | undefined][]) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_LIMITS)) throw new Error(`unknown sandbox limit: ${key}`);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`sandbox limit ${key} must be a positive number`);
    limits[key] = value;
  }
  return limits;
}

/** The limits as the health endpoint shows them: unit in every key. */
export function limitsSummary(limits: Limits): Record<string, number> {
  return {
    runWallSeconds: limits.runWallMs / 1000,
    testWallSeconds: limits.testWallMs / 1000,
    memoryMiB: limits.memoryBytes / MiB,
    processes: limits.pids,
    outputKiB: limits.outputBytes / KiB,
    sourceKiB: limits.sourceBytes / KiB,
    files: limits.maxFiles,
    stdinKiB: limits.stdinBytes / KiB,
    tmpMiB: limits.runTmpBytes / MiB,
    buildWallSeconds: limits.buildWallMs / 1000,
    buildMemoryMiB: limits.buildMemoryBytes / MiB,
  };
}

/** Appended to the output that passed the limit; the learner keeps what came before. */
export function outputTruncatedMarker(limitBytes: number): string {
  return `\n[output truncated: the program printed more than ${formatBytes(limitBytes)}]\n`;
}

/** Shown when a request uses cgo. */
export const CGO_REFUSED_MESSAGE =
  'This playground does not run cgo: remove `import "C"`. (The race detector still works; it needs no cgo in your code.)';

/** Shown when Run gets a library: the English note for API users (the browser words the code). */
export function notMainPackageMessage(name: string): string {
  return `Nothing to run: this is package ${name}, not package main. A program starts at func main in package main; to check a package, run its tests.`;
}

/** "1 MiB", "64 KiB", "300 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}

/** The uid and gid the sandboxed processes run as (nobody/nogroup). */
export const SANDBOX_UID = 65534;
export const SANDBOX_GID = 65534;

/** Oldest Go toolchain accepted: the cache layout, loop-var semantics and test2json behaviour we rely on. */
export const MIN_GO_MINOR = 24;
