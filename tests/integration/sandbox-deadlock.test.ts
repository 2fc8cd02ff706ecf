/**
 * The deadlock watchdog against real -race binaries: stuck programs are stopped with a goroutine
 * dump by the watchdog (stalled, not timed out); sleeping, timer-waiting and busy programs never are.
 * How soon after getting stuck is `npm run bench:watchdog`'s figure (docs/performance.md), not a test's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, RawOutcome, Sandbox } from '../../playground/src/sandbox/index.ts';
import { program, summary, testSandbox, TEST_LIMITS } from './sandbox-support.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = testSandbox();
  const probe = await sandbox.probe();
  if (!probe.available) throw new Error(`sandbox unavailable: ${probe.reason}`);
  await sandbox.warm();
});

afterAll(async () => {
  await sandbox?.close();
});

const withImports = (imports: string[], body: string): string =>
  `package main\n\nimport (\n${imports.map((i) => `\t"${i}"\n`).join('')})\n\n${body}`;

const STUCK: Record<string, { source: string; wait: RegExp }> = {
  'double Lock': {
    source: withImports(
      ['fmt', 'sync'],
      'func main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tfmt.Println("locked once")\n\tmu.Lock()\n}\n',
    ),
    wait: /sync\.Mutex\.Lock/,
  },
  'AB/BA': {
    source: withImports(
      ['sync', 'time'],
      'func main() {\n\tvar a, b sync.Mutex\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\tgo func() { defer wg.Done(); a.Lock(); time.Sleep(50 * time.Millisecond); b.Lock() }()\n\tgo func() { defer wg.Done(); b.Lock(); time.Sleep(50 * time.Millisecond); a.Lock() }()\n\twg.Wait()\n}\n',
    ),
    wait: /sync\.Mutex\.Lock/,
  },
  'recursive RLock behind a writer': {
    source: withImports(
      ['sync', 'time'],
      'var mu sync.RWMutex\n\nfunc main() {\n\tmu.RLock()\n\tgo func() { mu.Lock() }()\n\ttime.Sleep(100 * time.Millisecond)\n\tmu.RLock()\n}\n',
    ),
    wait: /sync\.RWMutex\.RLock/,
  },
  'WaitGroup never Done': {
    source: withImports(
      ['sync'],
      'func main() {\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\tgo func() { wg.Done() }()\n\twg.Wait()\n}\n',
    ),
    wait: /sync\.WaitGroup\.Wait/,
  },
  'unbuffered send with no receiver': {
    source: 'package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n',
    wait: /chan send/,
  },
  'stuck after a 1 s sleep': {
    source: withImports(['time'], 'func main() {\n\ttime.Sleep(time.Second)\n\tselect {}\n}\n'),
    wait: /select \(no cases\)/,
  },
};

describe('stuck programs are stopped with a dump', () => {
  for (const [name, c] of Object.entries(STUCK)) {
    it(name, async () => {
      const o = await sandbox.execute(program(c.source));
      const run = o.run;
      expect(run?.stalled, summary(o)).toBe(true);
      expect(run?.timedOut).toBe(false);
      expect(run?.stderr).toMatch(c.wait);
      expect(run?.stderr).toContain('/sandbox/src/main.go:');
    });
  }

  it('main called runtime.Goexit and no goroutine is left: stopped, with no goroutine 1 in the dump', async () => {
    // runtime/testdata/testprog/deadlock.go GoexitDeadlock; without -race the runtime itself says
    // "no goroutines (main called runtime.Goexit) - deadlock!" (runtime/proc.go checkdead).
    const o = await sandbox.execute(
      program(
        withImports(
          ['runtime'],
          'func main() {\n\tf := func() {\n\t\tfor i := 0; i < 10; i++ {\n\t\t}\n\t}\n\tgo f()\n\tgo f()\n\truntime.Goexit()\n}\n',
        ),
      ),
    );
    const run = o.run;
    expect(run?.stalled, summary(o)).toBe(true);
    expect(run?.stderr).toContain('SIGQUIT: quit');
    expect(run?.stderr).not.toMatch(/^goroutine 1 /m);
    expect(run?.stderr).not.toContain('/sandbox/src/main.go:');
    expect(run?.timedOut).toBe(false);
  });

  it('a test that deadlocks under go test -race', async () => {
    const o = await sandbox.execute({
      action: 'test',
      race: true,
      files: {
        'main.go': 'package main\n\nfunc main() {}\n',
        'main_test.go':
          'package main\n\nimport "testing"\n\nfunc TestStuck(t *testing.T) {\n\tch := make(chan int)\n\t<-ch\n}\n',
      },
    });
    expect(o.run?.stalled, summary(o)).toBe(true);
    expect(o.run?.stdout).toContain('chan receive');
    expect(o.run?.stdout).toContain('"Action":"run","Package":"sandbox","Test":"TestStuck"');
    expect(o.run?.timedOut).toBe(false);
  });
});

describe('waiting programs are never called stalled', () => {
  const WAITING: Record<string, Job> = {
    'time.Sleep(30s)': program(withImports(['time'], 'func main() { time.Sleep(30 * time.Second) }\n')),
    '<-time.After(30s)': program(withImports(['time'], 'func main() { <-time.After(30 * time.Second) }\n')),
    'time.AfterFunc + WaitGroup': program(
      withImports(
        ['sync', 'time'],
        'func main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\ttime.AfterFunc(30*time.Second, wg.Done)\n\twg.Wait()\n}\n',
      ),
    ),
    'a ticker every 20 s': program(
      withImports(['time'], 'func main() {\n\tt := time.NewTicker(20 * time.Second)\n\t<-t.C\n}\n'),
    ),
    'context.WithTimeout(30s)': program(
      withImports(
        ['context', 'time'],
        'func main() {\n\tctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)\n\tdefer cancel()\n\t<-ctx.Done()\n}\n',
      ),
    ),
    'busy loop beside a blocked goroutine': program(
      withImports(
        ['sync'],
        'func main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tgo func() { mu.Lock() }()\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n',
      ),
    ),
    // Without -race this hangs too: the M waiting for the timer keeps checkdead from firing.
    'runtime.Goexit in main with a time.AfterFunc pending': program(
      withImports(
        ['runtime', 'time'],
        'func main() {\n\ttime.AfterFunc(time.Hour, func() {})\n\truntime.Goexit()\n}\n',
      ),
    ),
    'a test sleeping 30 s': {
      action: 'test',
      race: true,
      files: {
        'main.go': 'package main\n\nfunc main() {}\n',
        'main_test.go':
          'package main\n\nimport (\n\t"testing"\n\t"time"\n)\n\nfunc TestSleep(t *testing.T) { time.Sleep(30 * time.Second) }\n',
      },
    },
  };

  it('all of them run to the wall clock (in parallel)', async () => {
    const names = Object.keys(WAITING);
    const outcomes: RawOutcome[] = await Promise.all(names.map((n) => sandbox.execute(WAITING[n] as Job)));
    outcomes.forEach((o, i) => {
      const name = names[i];
      expect(o.run?.stalled, `${name}: ${summary(o)}`).toBe(false);
      expect(o.run?.timedOut, `${name}: ${summary(o)}`).toBe(true);
      const limit = o.action === 'test' ? TEST_LIMITS.testWallMs : TEST_LIMITS.runWallMs;
      expect(o.run?.durationMs).toBeGreaterThanOrEqual(limit);
    });
  }, 60_000);

  it('a program reading stdin sees EOF and finishes', async () => {
    const o = await sandbox.execute(
      program(
        withImports(
          ['fmt', 'io', 'os'],
          'func main() {\n\tb, err := io.ReadAll(os.Stdin)\n\tfmt.Println(len(b), err)\n}\n',
        ),
      ),
    );
    expect(o.run?.stdout).toBe('0 <nil>\n');
    expect(o.run?.stalled).toBe(false);
  });
});
