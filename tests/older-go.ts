/**
 * A Go 1.24 (the oldest the course supports) beside the Go on PATH, for the tests that start a
 * runner on it: E2E_OLD_GOROOT when set; else a go1.24.x toolchain already in the module cache;
 * else go1.24.0 fetched once from the Go module proxy (`go mod download`, about 70 MB). No Go on
 * PATH, or no proxy to fetch from: the reason, and the caller skips with it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { needsNewerGo } from '../contract/go-version.ts';
import { FLIGHT_RECORDER_GO } from '../playground/src/trace/wrapper.ts';

const ARCH = process.arch === 'arm64' ? 'arm64' : 'amd64';
const FETCHED = `golang.org/toolchain@v0.0.1-go1.24.0.linux-${ARCH}`;
/** Copies live in the project: the sandbox's user cannot reach a module cache under /root. */
const OWN_DIR = resolve('.data/older-go');

const goEnv = (name: string): string => execFileSync('go', ['env', name], { encoding: 'utf8' }).trim();

/** The module cache's go1.24.x toolchain directory, fetching go1.24.0 when there is none. */
function cachedToolchain(modcache: string): string {
  const dir = join(modcache, 'golang.org');
  const pattern = new RegExp(`^toolchain@v0\\.0\\.1-go1\\.24\\.\\d+\\.linux-${ARCH}$`);
  const found = (existsSync(dir) ? readdirSync(dir) : []).filter((n) => pattern.test(n)).sort()[0];
  if (found) return join(dir, found);
  // GOFLAGS off: a -mod flag from the environment would make go mod download refuse.
  const json = execFileSync('go', ['mod', 'download', '-json', FETCHED], {
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '', GOTOOLCHAIN: 'local' },
    timeout: 300_000,
  });
  return (JSON.parse(json) as { Dir: string }).Dir;
}

/** A GOROOT of a Go 1.24 whose programs can run, or why there is none here. */
export function olderGo(): { goroot: string } | { reason: string } {
  if (process.env.E2E_OLD_GOROOT) return { goroot: resolve(process.env.E2E_OLD_GOROOT) };
  // A copy made before stands on its own: no need for the module cache (or a download) again.
  const made = (existsSync(OWN_DIR) ? readdirSync(OWN_DIR) : [])
    .filter((n) => /^go1\.24\.\d+$/.test(n) && existsSync(join(OWN_DIR, n, 'bin', 'go')))
    .sort()[0];
  if (made) return { goroot: join(OWN_DIR, made) };
  let source: string;
  try {
    source = cachedToolchain(goEnv('GOMODCACHE'));
  } catch (error) {
    return {
      reason: `no Go 1.24 here (set E2E_OLD_GOROOT, or let \`go mod download ${FETCHED}\` reach the module proxy): ${(error as Error).message.split('\n')[0]}`,
    };
  }
  const goroot = join(OWN_DIR, source.slice(source.lastIndexOf('-go') + 1).replace(/\.linux-\w+$/, ''));
  if (!existsSync(join(goroot, 'bin', 'go'))) {
    // The module cache is read-only and loses the programs' mode bits: a copy of our own, put in
    // place whole (rename) so that two test processes never see half of one.
    mkdirSync(OWN_DIR, { recursive: true });
    const tmp = `${goroot}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    cpSync(source, tmp, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', tmp]);
    for (const sub of ['bin', ...readdirSync(join(tmp, 'pkg', 'tool')).map((t) => join('pkg', 'tool', t))])
      for (const f of readdirSync(join(tmp, sub))) chmodSync(join(tmp, sub, f), 0o755);
    try {
      renameSync(tmp, goroot);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process put its copy there first
    }
  }
  return { goroot };
}

/** Whether the Go on PATH has runtime/trace's flight recorder, which the run wrapper's flight mode needs. */
export function goOnPathHasFlightRecorder(): boolean {
  return !needsNewerGo(FLIGHT_RECORDER_GO, goEnv('GOVERSION'));
}
