/**
 * Pure: what a traced `go test` adds to the learner's package so that a stuck test ends early. The
 * test binary traces itself (-test.trace); one generated _test.go file, joined through `go test
 * -overlay` like the run wrapper (no learner line moves), carries the stall watcher of
 * watcher-go.ts, which stops that trace once every goroutine of the learner waits on another.
 */
import { TEST_WATCHER_FILE, WATCH_PERIOD_MS, WATCHER_FUNCS } from './watcher-go.ts';

export interface TestWatcher {
  /** The generated file's name beside the learner's (not one of theirs). */
  fileName: string;
  source: string;
  /** The -overlay JSON: the generated file appears in srcDir, read from where it was written. */
  overlay: { Replace: Record<string, string> };
}

const BASE_NAME = 'lockstep_trace_watch';

/**
 * The generated test file for a package whose test files declare `pkg` (see testPackageName), to
 * be built in srcDir; generatedPath is where the caller writes `source`.
 */
export function testWatcher(
  files: Readonly<Record<string, string>>,
  pkg: string,
  srcDir: string,
  generatedPath: string,
): TestWatcher {
  if (!/^[A-Za-z_]\w*$/.test(pkg)) throw new RangeError(`not a package name: ${pkg}`);
  const fileName = freeName(files);
  return {
    fileName,
    source: testWatcherSource(pkg),
    overlay: { Replace: { [`${srcDir.replace(/\/+$/, '')}/${fileName}`]: generatedPath } },
  };
}

/** The generated Go test file of package pkg. */
export function testWatcherSource(pkg: string): string {
  const watcher = WATCHER_FUNCS.replace(/\{(periodMs|save)\}/g, (_, name: string) =>
    name === 'periodMs' ? String(WATCH_PERIOD_MS) : 'lockstepTraceSave',
  );
  return TEST_WATCHER_FILE.replace(/\{(pkg|periodMs|watcher)\}/g, (_, name: string) =>
    name === 'pkg' ? pkg : name === 'periodMs' ? String(WATCH_PERIOD_MS) : watcher,
  );
}

/** The base name, or the first numbered one no learner file has taken. */
function freeName(files: Readonly<Record<string, string>>): string {
  for (let n = 0; ; n++) {
    const name = n === 0 ? `${BASE_NAME}_test.go` : `${BASE_NAME}_${n}_test.go`;
    if (!Object.hasOwn(files, name)) return name;
  }
}
