/**
 * The `go test -json` / test2json event stream: one JSON object per line,
 *   {"Time":"…","Action":"run"|"output"|"pass"|"fail"|"skip"|"pause"|"cont"|"start","Package":"sandbox","Test":"TestX/sub","Output":"…","Elapsed":0.01}
 * plus, since Go 1.24, build events without Test: {"ImportPath":"sandbox [sandbox.test]","Action":"build-output"|"build-fail",…}
 * and a package `fail` with "FailedBuild" when the test binary did not compile.
 *
 * Facts this relies on (measured on go1.26, see testdata/README.md):
 * - A test hung past -timeout gets NO end event: the binary panics ("panic: test timed out
 *   after 2s", attributed to the running test) and only the package fails. Such a test (and any
 *   test with `run` but no end) is reported as `timeout`, never dropped. So is a test that
 *   test2json closes with a `fail` although the test never printed "--- FAIL" (binary killed).
 * - A race during a test prints the WARNING: DATA RACE block as that test's output, followed by
 *   "testing.go:NNNN: race detected during execution of test", and the test fails.
 * - The framing test2json reads (^V-prefixed "=== RUN" / "--- PASS" lines under -test.v=test2json)
 *   can be printed by the program itself. Each test starts once and nothing follows its end, so
 *   a second start or a verdict after the end marks a test as forged: it fails, with a note.
 *   (A forged pass followed by an early exit is the grader's concern: grading/end-test.ts.)
 */
import type { Race, TestCase } from '../../../contract/run.ts';
import { parseRaceReports } from './race.ts';
import { LINE_BREAK, lineText, parseEvent, type TestEvent } from './test2json-text.ts';

export interface TestRun {
  /** One entry per test or subtest, in the order they started. */
  tests: TestCase[];
  /** The build of the test binary failed (build-fail event, or a package fail with FailedBuild). */
  buildFailed: boolean;
  /** Compiler output from build-output events (`# sandbox [sandbox.test]` and the errors). */
  buildOutput: string;
  /** Output not attributed to a test (FAIL/ok lines, TestMain output) and non-JSON lines. */
  packageOutput: string;
  /** All output in stream order, as `go test -v` would have printed it. */
  text: string;
  /** Races reported anywhere in the output, in order. */
  races: Race[];
  /** The package's own verdict, when the stream got that far. */
  packageResult: 'pass' | 'fail' | 'skip' | null;
}

interface Pending {
  test: TestCase;
  startedAt: number | null;
  ended: boolean;
  /** Framing for this test came after its end, or it started twice: imitated framing. */
  forged: boolean;
}

/** Appended to the output of a test whose framing was imitated (see parseTestEvents). */
export const FORGED_NOTE =
  '\n[lockstep: this test was reported more than once; the program printed lines that imitate the test framework, so the test counts as failed]\n';

const RACE_MARKERS = ['WARNING: DATA RACE', 'race detected during execution of test'];

/** Returns the event time in ms since the epoch, or null. */
function timeOf(e: TestEvent): number | null {
  const t = e.Time === undefined ? NaN : Date.parse(e.Time);
  return Number.isNaN(t) ? null : t;
}

/** Returns the name of a subtest's parent (`TestX/a/b` → `TestX/a`), or null for a top-level test. */
function parentOf(name: string): string | null {
  const slash = name.lastIndexOf('/');
  return slash > 0 ? name.slice(0, slash) : null;
}

/** Returns the tests, build result and output of a test2json stream; never throws. */
export function parseTestEvents(stream: string, workDir: string): TestRun {
  const byName = new Map<string, Pending>();
  const order: Pending[] = [];
  let buildFailed = false;
  let buildOutput = '';
  let packageOutput = '';
  let text = '';
  let packageResult: TestRun['packageResult'] = null;
  let lastTime: number | null = null;

  for (const line of stream.split(LINE_BREAK)) {
    if (line.trim() === '') continue;
    const e = parseEvent(line);
    // The same text the stream showed while the binary ran (test2json-text.ts).
    text += lineText(line, e);
    if (!e) {
      // Non-JSON lines (a crashed binary's stderr, a go command message) stay visible.
      packageOutput += lineText(line, e);
      continue;
    }
    lastTime = timeOf(e) ?? lastTime;
    if (e.Action === 'build-output') buildOutput += e.Output ?? '';
    if (e.Action === 'build-fail') buildFailed = true;
    if (e.ImportPath !== undefined && e.Test === undefined && e.Action?.startsWith('build')) continue;

    if (e.Test === undefined) {
      if (e.Action === 'output') {
        packageOutput += e.Output ?? '';
      } else if (e.Action === 'pass' || e.Action === 'fail' || e.Action === 'skip') {
        packageResult = e.Action;
        if (e.FailedBuild !== undefined) buildFailed = true;
      }
      continue;
    }

    recordTestEvent(byName, order, e.Test, e);
  }

  finishTests(order, byName, lastTime);

  return {
    tests: order.map((p) => p.test),
    buildFailed,
    buildOutput,
    packageOutput,
    text,
    races: parseRaceReports(text, workDir),
    packageResult,
  };
}

/** Adds one event of test `name` to its entry (made at its first event), marking imitated framing. */
function recordTestEvent(byName: Map<string, Pending>, order: Pending[], name: string, e: TestEvent): void {
  let p = byName.get(name);
  if (!p) {
    p = {
      test: { name, status: 'timeout', elapsedMs: 0, output: '', race: false },
      startedAt: timeOf(e),
      ended: false,
      forged: false,
    };
    byName.set(name, p);
    order.push(p);
  } else if (
    e.Action === 'run' ||
    (p.ended && (e.Action === 'pass' || e.Action === 'fail' || e.Action === 'skip'))
  ) {
    // go test runs each test once (-count=1, unique subtest names), and nothing follows its end.
    p.forged = true;
  }
  if (e.Action === 'output') {
    p.test.output += e.Output ?? '';
  } else if (e.Action === 'pass' || e.Action === 'fail' || e.Action === 'skip') {
    p.test.status = e.Action;
    p.test.elapsedMs = Math.round((e.Elapsed ?? 0) * 1000);
    p.ended = true;
  }
}

/** Settles every test once the stream has ended: killed, forged, raced, and how long the unfinished ran. */
function finishTests(order: Pending[], byName: ReadonlyMap<string, Pending>, lastTime: number | null): void {
  // When the test binary is killed (the sandbox's time limit or deadlock watchdog), test2json
  // closes the running test with a synthetic `fail`. The testing package itself always prints
  // "--- FAIL: Name" for a real failure (panics included), so a fail without it never finished.
  for (const p of order) {
    if (p.test.status === 'fail' && !p.test.output.includes(`--- FAIL: ${p.test.name} `))
      p.test.status = 'timeout';
    if (p.forged) {
      p.test.status = 'fail';
      p.test.output += FORGED_NOTE;
    }
  }

  for (const p of order) {
    // Attribute races by the test's own output: the report and testing's verdict line land there.
    p.test.race = RACE_MARKERS.some((m) => p.test.output.includes(m));
    if (!p.ended && p.startedAt !== null && lastTime !== null)
      p.test.elapsedMs = Math.max(0, lastTime - p.startedAt);
  }
  // A parent test was running while its subtest raced (and fails because of it): mark it too.
  for (const p of order) {
    if (!p.test.race) continue;
    for (let name = parentOf(p.test.name); name !== null; name = parentOf(name)) {
      const parent = byName.get(name);
      if (parent) parent.test.race = true;
    }
  }
}
