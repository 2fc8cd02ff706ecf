/**
 * Checks what `npm start` / `npm test` need before they start, and stops at once with the
 * install command when something is missing — instead of a stack trace later. `npm start` only
 * warns about what the Go runner alone needs: the server then serves the course and refuses to
 * run code, saying why in /api/health and in every run response.
 * Usage: node scripts/prereqs.ts start|test
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.ts';

interface Problem {
  what: string;
  fix: string;
  /** Only running Go code needs it; the site works without. */
  runnerOnly?: boolean;
}

const MIN_GO = [1, 24] as const;

function run(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Returns the problems that stop `mode` from working on this machine. */
export function findProblems(mode: 'start' | 'test'): Problem[] {
  const problems: Problem[] = [];
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    problems.push({
      what: `Node ${process.versions.node} is running this script; Astro 7 needs Node ≥ 22.12.`,
      fix: 'Run it through npm (npm start / npm test), which uses the Node 24 from node_modules; run `npm install` first.',
    });
  }
  const unsafeLocal = /^(1|true|yes)$/i.test(process.env.LOCKSTEP_UNSAFE_NO_SANDBOX ?? '');
  if (process.platform !== 'linux' && !unsafeLocal) {
    problems.push({
      what: `The Go sandbox needs Linux (bubblewrap, namespaces, cgroups); this is ${process.platform}.`,
      fix: 'Use a Linux machine, or for yourself alone on this machine: LOCKSTEP_UNSAFE_NO_SANDBOX=1 npm start (no sandbox; localhost only).',
      runnerOnly: true,
    });
  }
  const goVersion = run('go', ['env', 'GOVERSION']);
  const m = goVersion ? /^go(\d+)\.(\d+)/.exec(goVersion) : null;
  if (!m) {
    problems.push({
      what: 'Go is not on PATH.',
      fix: 'Install Go ≥ 1.24 from https://go.dev/dl/ (e.g. tar -C /usr/local -xzf go1.26.*.linux-amd64.tar.gz) and add /usr/local/go/bin to PATH.',
      runnerOnly: true,
    });
  } else if (Number(m[1]) < MIN_GO[0] || (Number(m[1]) === MIN_GO[0] && Number(m[2]) < MIN_GO[1])) {
    problems.push({
      what: `${goVersion} is too old; Lockstep's lessons need Go ≥ 1.24.`,
      fix: 'Install Go ≥ 1.24 from https://go.dev/dl/.',
      runnerOnly: true,
    });
  }
  if (process.platform === 'linux' && !run('cc', ['--version']) && !run('gcc', ['--version'])) {
    problems.push({
      what: 'No C compiler: the race detector needs cgo and gcc.',
      fix: 'sudo apt-get install -y gcc',
      runnerOnly: true,
    });
  }
  if (process.platform === 'linux' && !unsafeLocal && !run('bwrap', ['--version'])) {
    problems.push({
      what: 'bubblewrap (bwrap) is not installed: the Go runner sandboxes every program with it.',
      fix: 'sudo apt-get install -y bubblewrap',
      runnerOnly: true,
    });
  }
  if (mode === 'test' && !existsSync(chromiumPath())) {
    problems.push({
      what: `Chromium is not at ${chromiumPath()}: the browser tests drive it (no browser is downloaded).`,
      fix: 'sudo apt-get install -y chromium   (or set CHROMIUM_PATH)',
    });
  }
  return problems;
}

const mode = process.argv[2] === 'test' ? 'test' : 'start';
const problems = findProblems(mode);
const list = (ps: Problem[]): void => {
  for (const p of ps) console.error(`  ✗ ${p.what}\n    fix: ${p.fix}\n`);
};
const fatal = mode === 'test' ? problems : problems.filter((p) => !p.runnerOnly);
if (fatal.length > 0) {
  console.error(`\nLockstep cannot ${mode === 'test' ? 'run its tests' : 'start'} yet:\n`);
  list(fatal);
  process.exit(1);
}
if (problems.length > 0) {
  console.error('\nLockstep will serve the course, but it cannot run Go code until this is fixed:\n');
  list(problems);
}
