/**
 * One real run per status the runner reports, through the HTTP API, checking the structured
 * parts learners and the editor rely on (race lines, per-test attribution, blocked goroutines).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRunner, mainProgram, type Runner } from './harness.ts';
import { stopText } from '../../components/i18n/run-texts.ts';

let runner: Runner;

beforeAll(async () => {
  runner = await startRunner({ LOCKSTEP_RUN_TIMEOUT_MS: '6000', LOCKSTEP_TEST_TIMEOUT_MS: '8000' });
  await runner.waitWarm();
}, 240_000);
afterAll(async () => runner?.close());

const RACY = `package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
`;

describe('statuses', () => {
  test('ok: output, exit code, timings', async () => {
    const { statusCode, body } = await runner.run(
      mainProgram('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello, lockstep") }\n'),
    );
    expect(statusCode).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.stdout).toBe('hello, lockstep\n');
    expect(body.exitCode).toBe(0);
    expect(body.timings.totalMs).toBeGreaterThan(0);
  }, 120_000);

  test('race: both accesses on line 15, current first, with creation sites', async () => {
    const { body } = await runner.run(mainProgram(RACY));
    expect(body.status).toBe('race');
    expect(body.races.length).toBeGreaterThanOrEqual(1);
    const race = body.races[0]!;
    expect(race.accesses).toHaveLength(2);
    for (const access of race.accesses) {
      expect(access.stack[0]).toMatchObject({ file: 'main.go', line: 15 });
    }
    expect(race.accesses.map((a) => a.op)).toContain('write');
    expect(race.goroutines.length).toBeGreaterThanOrEqual(1);
    expect(race.goroutines[0]!.createdAt[0]).toMatchObject({ file: 'main.go', line: 13 });
  }, 60_000);

  test('race off: the same program runs without a report', async () => {
    const { body } = await runner.run({ ...mainProgram(RACY), race: false });
    expect(body.status).toBe('ok');
    expect(body.races).toEqual([]);
  }, 60_000);

  test('compile_error: diagnostics with file, line and column', async () => {
    const { body } = await runner.run(mainProgram('package main\n\nfunc main() {\n\tx := 1\n}\n'));
    expect(body.status).toBe('compile_error');
    expect(body.diagnostics[0]).toMatchObject({ file: 'main.go', line: 4, column: 2, source: 'compiler' });
    expect(body.diagnostics[0]!.message).toMatch(/declared and not used/);
  }, 60_000);

  test('cgo is refused with a diagnostic at each import "C", in every file, single or grouped', async () => {
    const { statusCode, body } = await runner.run({
      files: {
        'main.go':
          'package main\n\n/*\n#include <stdlib.h>\n*/\nimport "C"\n\nimport "fmt"\n\nfunc main() { fmt.Println(C.rand()) }\n',
        'util.go':
          'package main\n\n// import "C" in a comment is not an import\nimport (\n\t"os"\n\t_ "C"\n)\n\nvar _ = os.Args\n',
      },
      action: 'run',
    });
    expect(statusCode).toBe(200);
    expect(body.status).toBe('compile_error');
    expect(body.diagnostics).toEqual([
      expect.objectContaining({
        file: 'main.go',
        line: 6,
        column: 8,
        source: 'compiler',
        code: 'cgo_refused',
      }),
      expect.objectContaining({
        file: 'util.go',
        line: 6,
        column: 4,
        source: 'compiler',
        code: 'cgo_refused',
      }),
    ]);
    expect(body.diagnostics[0]!.message).toMatch(/does not run cgo/);
    expect(body.message).toMatch(/found in main\.go, util\.go/);
  }, 60_000);

  test('Run of a package that is not main: not run, marked at the package name, no sandbox error', async () => {
    const { statusCode, body } = await runner.run({
      files: {
        'counter.go': '// Package counter counts.\npackage counter\n\nfunc Inc(n *int) { *n++ }\n',
        'counter_test.go': 'package counter\n\nimport "testing"\n\nfunc TestInc(t *testing.T) {}\n',
      },
      action: 'run',
    });
    expect(statusCode).toBe(200);
    expect(body.status).toBe('compile_error');
    expect(body.diagnostics).toEqual([
      expect.objectContaining({ file: 'counter.go', line: 2, column: 9, code: 'not_main_package' }),
    ]);
    expect(body.stderr).not.toMatch(/bwrap|execvp/);
  }, 60_000);

  test('deadlock under -race: found by the watchdog (not the wall clock), with the blocked goroutine and its line', async () => {
    const { body } = await runner.run(
      mainProgram(
        'package main\n\nimport "sync"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tmu.Lock()\n}\n',
      ),
    );
    // -race keeps Go's own detector quiet, so only the watchdog can say deadlock; the wall clock
    // would have said timeout. How fast it says it is bench:watchdog's figure, not a test's.
    expect(body.status).toBe('deadlock');
    expect(body.stop).toEqual({ code: 'deadlock' });
    const main = body.goroutines.find((g) => g.frames.some((f) => f.file === 'main.go'));
    expect(main?.state).toMatch(/Mutex\.Lock|semacquire/);
    expect(main?.frames.find((f) => f.file === 'main.go')?.line).toBe(8);
  }, 60_000);

  test('deadlock without -race: Go’s own detector, same verdict', async () => {
    const { body } = await runner.run({
      ...mainProgram('package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n'),
      race: false,
    });
    expect(body.status).toBe('deadlock');
    expect(body.goroutines[0]?.state).toMatch(/chan send/);
  }, 60_000);

  // runtime/testdata/testprog/deadlock.go GoexitInPanic (asserted by runtime/crash_test.go
  // TestGoexitInPanic): a goroutine calls Goexit in a deferred call while it panics, then main
  // calls Goexit. Without -race the runtime says "no goroutines (main called runtime.Goexit) -
  // deadlock!"; with -race its check is off and the watchdog stops the program.
  const GOEXIT_IN_PANIC = `package main

import "runtime"

func main() {
	go func() {
		defer func() {
			runtime.Goexit()
		}()
		panic("hello")
	}()
	runtime.Goexit()
}
`;

  test.each([
    ['without -race: the runtime’s own words', false],
    ['under -race: the watchdog’s stop, not a timeout', true],
  ])(
    'deadlock after main called runtime.Goexit, %s',
    async (_name, race) => {
      const { body } = await runner.run({ ...mainProgram(GOEXIT_IN_PANIC), race });
      expect(body.status).toBe('deadlock');
      expect(body.exitCode).toBe(race ? -1 : 2);
      expect(body.cause).toEqual({
        code: 'main_goexit',
        at: [{ func: 'main.main', file: 'main.go', line: 12 }],
      });
      expect(body.goroutines).toEqual([]);
      expect(body.message).toBe(
        'Deadlock: main called runtime.Goexit (main.go:12), so the program could only go on in other goroutines, and none was left to run.',
      );
      // Under -race the dump is cut and the stop code stands for it: the terminal words it.
      const shown = body.stderr + (body.stop ? stopText('en', body.stop.code, body.goroutines) : '');
      expect(body.stop).toEqual(race ? { code: 'deadlock_no_goroutines' } : undefined);
      expect(shown).toMatch(/^fatal error: no goroutines \(main called runtime\.Goexit\) - deadlock!\n/);
      expect(body.stderr).not.toContain('SIGQUIT');
    },
    60_000,
  );

  test('sleeping is not a deadlock: time.Sleep past the limit is a timeout', async () => {
    const { body } = await runner.run(
      mainProgram('package main\n\nimport "time"\n\nfunc main() {\n\ttime.Sleep(time.Minute)\n}\n'),
    );
    expect(body.status).toBe('timeout');
  }, 60_000);

  test('waiting on a timer channel is not a deadlock', async () => {
    const { body } = await runner.run(
      mainProgram(
        'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\t<-time.After(3 * time.Second)\n\tfmt.Println("woke")\n}\n',
      ),
    );
    expect(body.status).toBe('ok');
    expect(body.stdout).toBe('woke\n');
  }, 60_000);

  test('concurrent_map: the runtime fatal error', async () => {
    const { body } = await runner.run({
      ...mainProgram(`package main

import "sync"

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000000; i++ {
				m[i%16] = i
			}
		}()
	}
	wg.Wait()
}
`),
      race: false,
    });
    expect(body.status).toBe('concurrent_map');
    expect(body.message).toMatch(/map/);
  }, 60_000);

  test('panic: message and the goroutine that panicked', async () => {
    const { body } = await runner.run(
      mainProgram('package main\n\nfunc main() {\n\tvar m map[string]int\n\tm["x"] = 1\n}\n'),
    );
    expect(body.status).toBe('panic');
    expect(body.stderr).toMatch(/assignment to entry in nil map/);
    expect(body.goroutines[0]?.frames.find((f) => f.file === 'main.go')?.line).toBe(5);
  }, 60_000);

  test('exit_error: os.Exit(3)', async () => {
    const { body } = await runner.run(
      mainProgram('package main\n\nimport "os"\n\nfunc main() { os.Exit(3) }\n'),
    );
    expect(body.status).toBe('exit_error');
    expect(body.exitCode).toBe(3);
  }, 60_000);

  test('timeout: a busy loop', async () => {
    const { body } = await runner.run(mainProgram('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n'));
    expect(body.status).toBe('timeout');
  }, 60_000);

  test('memory_limit: a memory bomb', async () => {
    const { body } = await runner.run(
      mainProgram(
        'package main\n\nvar keep [][]byte\n\nfunc main() {\n\tfor {\n\t\tb := make([]byte, 32<<20)\n\t\tfor i := range b {\n\t\t\tb[i] = 1\n\t\t}\n\t\tkeep = append(keep, b)\n\t}\n}\n',
      ),
    );
    expect(body.status).toBe('memory_limit');
  }, 60_000);

  test('output_limit: output is cut with a visible marker and what was printed is kept', async () => {
    const { body } = await runner.run(
      mainProgram(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println("line", i)\n\t}\n}\n',
      ),
    );
    expect(body.status).toBe('output_limit');
    expect(body.truncated).toBe(true);
    expect(body.stdout.startsWith('line 0\nline 1\n')).toBe(true);
  }, 60_000);

  test('stdin and args reach the program', async () => {
    const { body } = await runner.run({
      ...mainProgram(
        'package main\n\nimport (\n\t"fmt"\n\t"io"\n\t"os"\n)\n\nfunc main() {\n\tb, _ := io.ReadAll(os.Stdin)\n\tfmt.Printf("%s|%v", b, os.Args[1:])\n}\n',
      ),
      stdin: 'from stdin',
      args: ['a', 'b c'],
    });
    expect(body.status).toBe('ok');
    expect(body.stdout).toBe('from stdin|[a b c]');
  }, 60_000);
});

describe('tests', () => {
  const SUM =
    'package sum\n\nfunc Sum(xs ...int) int {\n\tt := 0\n\tfor _, x := range xs {\n\t\tt += x\n\t}\n\treturn t\n}\n';
  const gomod = 'module sum\n\ngo 1.24\n';

  test('test_failed: per-test pass, fail and skip', async () => {
    const { body } = await runner.run({
      action: 'test',
      files: {
        'go.mod': gomod,
        'sum.go': SUM,
        'sum_test.go': `package sum

import "testing"

func TestPass(t *testing.T) {
	if Sum(1, 2) != 3 {
		t.Fatal("bad")
	}
}

func TestFail(t *testing.T) {
	if got := Sum(2, 2); got != 5 {
		t.Errorf("Sum(2, 2) = %d, want 5", got)
	}
}

func TestSkip(t *testing.T) { t.Skip("not today") }
`,
      },
    });
    expect(body.status).toBe('test_failed');
    const byName = Object.fromEntries(body.tests.map((t) => [t.name, t]));
    expect(byName.TestPass?.status).toBe('pass');
    expect(byName.TestFail?.status).toBe('fail');
    expect(byName.TestFail?.output).toMatch(/Sum\(2, 2\) = 4, want 5/);
    expect(byName.TestSkip?.status).toBe('skip');
  }, 120_000);

  test('race in a test: attributed to the test during which it happened', async () => {
    const { body } = await runner.run({
      action: 'test',
      files: {
        'go.mod': gomod,
        'sum.go': SUM,
        'sum_test.go': `package sum

import (
	"sync"
	"testing"
)

func TestQuiet(t *testing.T) {
	if Sum(1) != 1 {
		t.Fatal("bad")
	}
}

func TestRacy(t *testing.T) {
	total := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total += Sum(i)
		}()
	}
	wg.Wait()
}
`,
      },
    });
    expect(body.status).toBe('race');
    const byName = Object.fromEntries(body.tests.map((t) => [t.name, t]));
    expect(byName.TestRacy?.race).toBe(true);
    expect(byName.TestQuiet?.race).toBe(false);
    expect(byName.TestQuiet?.status).toBe('pass');
    expect(body.races[0]?.accesses[0]?.stack[0]).toMatchObject({ file: 'sum_test.go', line: 21 });
  }, 120_000);

  test('a hung test is reported as timeout, never missing', async () => {
    const { body } = await runner.run({
      action: 'test',
      files: {
        'go.mod': gomod,
        'sum.go': SUM,
        'sum_test.go': `package sum

import (
	"testing"
	"time"
)

func TestFirst(t *testing.T) {}

func TestHangs(t *testing.T) {
	for {
		time.Sleep(10 * time.Millisecond)
	}
}
`,
      },
    });
    expect(['timeout', 'test_failed']).toContain(body.status);
    const byName = Object.fromEntries(body.tests.map((t) => [t.name, t]));
    expect(byName.TestFirst?.status).toBe('pass');
    expect(byName.TestHangs?.status).toBe('timeout');
  }, 120_000);
});

describe('vet and fmt', () => {
  test('vet_findings: copylocks with file and line', async () => {
    const { body } = await runner.run({
      action: 'vet',
      files: {
        'main.go':
          'package main\n\nimport (\n\t"fmt"\n\t"sync"\n)\n\ntype Counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n\nfunc show(c Counter) { fmt.Println(c.n) }\n\nfunc main() {\n\tvar c Counter\n\tshow(c)\n}\n',
      },
    });
    expect(body.status).toBe('vet_findings');
    expect(
      body.diagnostics.some((d) => d.source === 'vet' && /lock/.test(d.message) && d.file === 'main.go'),
    ).toBe(true);
  }, 60_000);

  test('vet: a clean package is ok', async () => {
    const { body } = await runner.run({
      action: 'vet',
      files: { 'main.go': 'package main\n\nfunc main() {}\n' },
    });
    expect(body.status).toBe('ok');
  }, 60_000);

  test('fmt: returns gofmt-formatted files', async () => {
    const { body } = await runner.run({
      action: 'fmt',
      files: { 'main.go': 'package main\nimport "fmt"\nfunc main(){fmt.Println( "x" )}\n' },
    });
    expect(body.status).toBe('ok');
    expect(body.files?.['main.go']).toBe(
      'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("x") }\n',
    );
  }, 60_000);

  test('fmt: a syntax error is a compile_error with its line', async () => {
    const { body } = await runner.run({
      action: 'fmt',
      files: { 'main.go': 'package main\n\nfunc main() {\n' },
    });
    expect(body.status).toBe('compile_error');
    expect(body.diagnostics[0]?.file).toBe('main.go');
  }, 60_000);
});
