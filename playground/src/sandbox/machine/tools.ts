/**
 * Host-built helper binaries bound read-only into run sandboxes. Go ≥ 1.24 no longer ships
 * test2json prebuilt, so it is built once per Go version from GOROOT (trusted source), static.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
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
