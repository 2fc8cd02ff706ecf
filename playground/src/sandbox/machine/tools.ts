/**
 * Host-built helper binaries bound read-only into run sandboxes. Go ≥ 1.24 no longer ships
 * test2json prebuilt, so it is built once per Go version from GOROOT (trusted source), static; the
 * trace converter (playground/trace-timeline) likewise, once per Go version and source.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Returns the path of a static test2json for this Go version, building it if needed. */
export async function ensureTest2json(toolsDir: string, goroot: string, goVersion: string): Promise<string> {
  mkdirSync(toolsDir, { recursive: true, mode: 0o711 });
  chmodSync(toolsDir, 0o711);
  const path = join(toolsDir, `test2json-${goVersion}`);
  if (existsSync(path)) return path;
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await run(join(goroot, 'bin', 'go'), ['build', '-trimpath', '-o', tmp, 'cmd/test2json'], {
    cwd: toolsDir,
    env: {
      PATH: `${goroot}/bin:/usr/bin:/bin`,
      HOME: toolsDir,
      GOROOT: goroot,
      GOCACHE: join(toolsDir, 'gocache'),
      GOPATH: join(toolsDir, 'gopath'),
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOFLAGS: '',
      GOENV: 'off',
      GOTELEMETRY: 'off',
      CGO_ENABLED: '0',
    },
    timeout: 120_000,
  });
  chmodSync(tmp, 0o755);
  renameSync(tmp, path);
  return path;
}

/** The converter's Go module (playground/trace-timeline): its own go.mod, golang.org/x/exp/trace. */
export const TRACE_TIMELINE_MODULE = fileURLToPath(new URL('../../../trace-timeline', import.meta.url));

/**
 * Returns the path of a static trace-timeline converter, building it if needed. Its name carries a
 * hash of the module's sources and the Go version, so an edited converter is rebuilt once. The
 * module proxy (or the host's module cache) supplies golang.org/x/exp the first time; go.sum pins it.
 */
export async function ensureTraceTimeline(
  toolsDir: string,
  goroot: string,
  goVersion: string,
  moduleDir: string = TRACE_TIMELINE_MODULE,
): Promise<string> {
  mkdirSync(toolsDir, { recursive: true, mode: 0o711 });
  chmodSync(toolsDir, 0o711);
  const path = join(toolsDir, `trace-timeline-${goVersion}-${moduleHash(moduleDir)}`);
  if (existsSync(path)) return path;
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await run(join(goroot, 'bin', 'go'), ['build', '-trimpath', '-o', tmp, '.'], {
    cwd: moduleDir,
    env: {
      // The host's module cache and proxy settings (HOME, GOPATH, GOPROXY) are kept on purpose.
      ...process.env,
      PATH: `${goroot}/bin:/usr/bin:/bin`,
      GOROOT: goroot,
      GOCACHE: join(toolsDir, 'gocache'),
      GOTOOLCHAIN: 'local',
      GOFLAGS: '-mod=readonly',
      GOWORK: 'off',
      GOTELEMETRY: 'off',
      CGO_ENABLED: '0',
    },
    timeout: 300_000,
  });
  chmodSync(tmp, 0o755);
  renameSync(tmp, path);
  return path;
}

/** A short hash of the module's go.mod, go.sum and non-test Go files. */
function moduleHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== 'testdata') walk(rel);
      } else if (/^go\.(mod|sum)$|(?<!_test)\.go$/.test(entry.name)) {
        hash
          .update(`${rel}\0`)
          .update(readFileSync(join(dir, rel)))
          .update('\0');
      }
    }
  };
  walk('');
  return hash.digest('hex').slice(0, 12);
}
