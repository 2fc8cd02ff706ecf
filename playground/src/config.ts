/**
 * Server configuration from the environment, validated once at start. The type derives from the
 * schema; a bad value stops the server with a message naming the variable.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseTrustedProxies } from './limits/trusted-proxies.ts';

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 4321 }),
  /**
   * What this process does: `all` (the default) everything; `web` the site and the lab API, with
   * no sandbox and no grading; `worker` the runner's API (runs, tests, checks) and the lab grading
   * queue, with no site. Several processes with different roles share one PostgreSQL.
   */
  LOCKSTEP_ROLE: Type.Union([Type.Literal('all'), Type.Literal('web'), Type.Literal('worker')], {
    default: 'all',
  }),
  HOST: Type.String({ default: '127.0.0.1' }),
  /** Built site to serve (astro build output). */
  LOCKSTEP_SITE_DIR: Type.String({ default: 'dist' }),
  /** Per-job work dirs, binary cache, Go build cache, database. */
  LOCKSTEP_DATA_DIR: Type.String({ default: '.data' }),
  /** The instructor-lab database (SQLite); default: labs.sqlite in LOCKSTEP_DATA_DIR. */
  LOCKSTEP_LABS_DB: Type.String({ default: '' }),
  /**
   * PostgreSQL for labs instead of SQLite, shared by several servers: postgres://user:pass@host:port/db.
   * Empty (the default): the embedded SQLite file above.
   */
  LOCKSTEP_DATABASE_URL: Type.String({ default: '' }),
  /** Jobs running at once across all clients (default: number of cores). */
  LOCKSTEP_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: availableParallelism() }),
  /** Jobs a client may have waiting behind its running one before getting 429. */
  LOCKSTEP_QUEUE_PER_CLIENT: Type.Integer({ minimum: 0, maximum: 16, default: 2 }),
  /** Jobs waiting in total before new ones get 429. */
  LOCKSTEP_QUEUE_MAX: Type.Integer({ minimum: 1, maximum: 1000, default: 32 }),
  /**
   * Proxies whose X-Forwarded-For names the client (comma-separated addresses, address/prefix
   * ranges, or loopback, linklocal, uniquelocal); from anyone else the header is ignored.
   */
  LOCKSTEP_TRUSTED_PROXIES: Type.String({ default: '' }),
  /** Labs one address may create per minute. */
  LOCKSTEP_LAB_CREATE_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
  /** Joins one lab takes at once: a lecture hall behind one address joins together. */
  LOCKSTEP_LAB_JOIN_BURST: Type.Integer({ minimum: 1, maximum: 100_000, default: 500 }),
  /** Joins one lab takes per minute after its burst, refilled evenly. */
  LOCKSTEP_LAB_JOIN_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100_000, default: 300 }),
  /** Submissions one student may send per minute. */
  LOCKSTEP_LAB_SUBMIT_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 10_000, default: 30 }),
  /** Other lab requests (standing, submissions, gradebook, overrides) per minute per student or instructor. */
  LOCKSTEP_LAB_REQUESTS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100_000, default: 600 }),
  /**
   * How long a grading worker holds a lab submission before another may take it (it renews the
   * lease every third of this while it grades): how long a worker that died delays a grade.
   */
  LOCKSTEP_GRADE_LEASE_S: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  /** Attempts to grade a submission (runner unavailable, a worker dying) before it is marked failed. */
  LOCKSTEP_GRADE_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 20, default: 3 }),
  /** Opt-in for one learner on their own machine without bubblewrap; refused unless HOST is loopback. */
  LOCKSTEP_UNSAFE_NO_SANDBOX: Type.Boolean({ default: false }),
  /** Wall-clock limit of a program (action run). */
  LOCKSTEP_RUN_TIMEOUT_MS: Type.Integer({ minimum: 500, maximum: 600_000, default: 10_000 }),
  /** Wall-clock limit of a test binary (action test). */
  LOCKSTEP_TEST_TIMEOUT_MS: Type.Integer({ minimum: 500, maximum: 600_000, default: 20_000 }),
  /** Memory of one sandboxed program, through the cgroup memory controller. */
  LOCKSTEP_MEMORY_MIB: Type.Integer({ minimum: 64, maximum: 16_384, default: 512 }),
  /** Wall-clock limit of one build step (go build, go test -c, go vet, gofmt). */
  LOCKSTEP_BUILD_TIMEOUT_MS: Type.Integer({ minimum: 5_000, maximum: 600_000, default: 60_000 }),
  /** Memory of one build step (the compiler and linker need more than most programs). */
  LOCKSTEP_BUILD_MEMORY_MIB: Type.Integer({ minimum: 256, maximum: 16_384, default: 1024 }),
  /** Processes and threads in one sandbox (cgroup pids.max). */
  LOCKSTEP_PROCESSES: Type.Integer({ minimum: 32, maximum: 32_768, default: 256 }),
  /** Output kept per step (stdout and stderr together) before it is cut with a marker. */
  LOCKSTEP_OUTPUT_KIB: Type.Integer({ minimum: 4, maximum: 65_536, default: 1024 }),
  /** Size of a program's private /tmp (charged to its memory limit too). */
  LOCKSTEP_TMP_MIB: Type.Integer({ minimum: 1, maximum: 16_384, default: 64 }),
  // Source size (256 KiB) and file count (20) are fixed: the API schema states them, and graded
  // packages (starter, tests, hidden tests) must always fit. Standard input can only be lowered.
  /** Standard input of a program. */
  LOCKSTEP_STDIN_KIB: Type.Integer({ minimum: 1, maximum: 64, default: 64 }),
  /** Skip warming the Go build cache at start (tests that never run Go). */
  LOCKSTEP_NO_WARMUP: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('silent'),
    ],
    { default: 'info' },
  ),
});
export type Config = Static<typeof ConfigSchema>;

const BOOLEAN_WORDS: Record<string, boolean> = {
  '1': true,
  true: true,
  yes: true,
  '0': false,
  false: false,
  no: false,
  '': false,
};

/** The words a variable takes when its schema is a union of literals (LOCKSTEP_ROLE, LOG_LEVEL). */
function literalChoices(key: string): string[] | null {
  const schema = (ConfigSchema.properties as Record<string, { anyOf?: { const?: unknown }[] }>)[key];
  const choices = schema?.anyOf?.map((s) => s.const);
  return choices?.every((c) => typeof c === 'string') ? (choices as string[]) : null;
}

/** Returns the validated configuration, or throws an Error whose message names each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ConfigSchema.properties)) {
    const value = env[key];
    if (value === undefined) continue;
    const type = (schema as { type?: string }).type;
    if (type === 'integer') raw[key] = /^\d+$/.test(value) ? Number(value) : value;
    else if (type === 'boolean') raw[key] = BOOLEAN_WORDS[value.toLowerCase()] ?? value;
    else raw[key] = value;
  }
  const withDefaults = Value.Default(ConfigSchema, raw);
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  const lines = errors.map((e) => {
    const key = e.instancePath.replace(/^\//, '');
    const choices = literalChoices(key);
    return choices
      ? `  ${key}: must be one of ${choices.join(', ')}`
      : `  ${key || '(config)'}: ${e.message}`;
  });
  const proxies = (withDefaults as { LOCKSTEP_TRUSTED_PROXIES?: unknown }).LOCKSTEP_TRUSTED_PROXIES;
  if (typeof proxies === 'string') {
    try {
      parseTrustedProxies(proxies);
    } catch (error) {
      lines.push(`  LOCKSTEP_TRUSTED_PROXIES: ${(error as Error).message}`);
    }
  }
  const urlProblem = databaseUrlProblem(
    (withDefaults as { LOCKSTEP_DATABASE_URL?: unknown }).LOCKSTEP_DATABASE_URL,
  );
  if (urlProblem) lines.push(`  LOCKSTEP_DATABASE_URL: ${urlProblem}`);
  if (lines.length > 0) {
    throw new Error(`Invalid environment:\n${[...new Set(lines)].join('\n')}`);
  }
  const config = withDefaults as Config;
  return {
    ...config,
    LOCKSTEP_SITE_DIR: resolve(config.LOCKSTEP_SITE_DIR),
    LOCKSTEP_DATA_DIR: resolve(config.LOCKSTEP_DATA_DIR),
    LOCKSTEP_LABS_DB: resolve(config.LOCKSTEP_LABS_DB || `${config.LOCKSTEP_DATA_DIR}/labs.sqlite`),
  };
}

/**
 * Why LOCKSTEP_DATABASE_URL is unusable, or null when it is empty or a postgres:// URL with a
 * host (or a socket directory in ?host=) and a database name. The URL itself is never repeated:
 * it may hold a password.
 */
export function databaseUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL; expected postgres://user:password@host:5432/database';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    return `must start with postgres:// or postgresql:// (got ${url.protocol}//); expected postgres://user:password@host:5432/database`;
  if (!url.hostname && !url.searchParams.get('host'))
    return 'names no host; expected postgres://user:password@host:5432/database';
  if (url.pathname.replace(/^\//, '') === '')
    return 'names no database; expected postgres://user:password@host:5432/database';
  return null;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
