/**
 * npm run capture:trace-testdata: records the execution traces the timeline converter's golden
 * tests read. Each program in playground/trace-timeline/testdata/programs/<name>/ is built with
 * -race and the `run` wrapper (playground/src/trace/wrapper.ts: the same overlay the runner uses,
 * and its environment from traceEnv), or, when it has _test.go files, with go test -c and run with
 * -test.trace (as `test` will be); its trace is copied to testdata/<name>.trace. The deadlock
 * program gets SIGQUIT once it has printed its first line, as the runner's watchdog would send
 * it. Builds happen in one fixed directory so the paths in the
 * traces are the same at every capture; testdata/capture.json records it, with GOROOT, for the
 * converter's -strip flags. Afterwards: `cd playground/trace-timeline && go test ./... -update`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TRACE_LDFLAGS, traceEnv, traceWrapper } from '../playground/src/trace/wrapper.ts';

const TESTDATA = resolve(import.meta.dirname, '../playground/trace-timeline/testdata');
const WORK = '/tmp/lockstep-trace-capture';
const SRC = `${WORK}/src`;
/** Programs that hang on purpose: SIGQUIT after their first line of output, as from the watchdog. */
const QUIT_AFTER_FIRST_LINE = new Set(['deadlock']);

async function capture(name: string): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(SRC, { recursive: true });
  const dir = join(TESTDATA, 'programs', name);
  const files: Record<string, string> = { 'go.mod': 'module prog\n\ngo 1.26\n' };
  for (const file of readdirSync(dir)) files[file] = readFileSync(join(dir, file), 'utf8');
  for (const [file, text] of Object.entries(files)) writeFileSync(join(SRC, file), text);
  // A package with tests is traced as `test` will be: go test -c, then the binary's -test.trace.
  const isTest = Object.keys(files).some((file) => file.endsWith('_test.go'));
  const traceFile = `${WORK}/trace.out`;
  let args: string[] = [];
  if (isTest) {
    execFileSync('go', ['test', '-c', '-race', '-ldflags=-w', '-o', `${WORK}/prog`, '.'], {
      cwd: SRC,
      stdio: 'inherit',
    });
    args = [`-test.trace=${traceFile}`, '-test.v=test2json', '-test.count=1'];
  } else {
    const wrapper = traceWrapper(files, SRC, `${WORK}/generated.go`);
    writeFileSync(`${WORK}/generated.go`, wrapper.source);
    writeFileSync(`${WORK}/overlay.json`, JSON.stringify(wrapper.overlay));
    execFileSync(
      'go',
      [
        'build',
        '-race',
        `-overlay=${WORK}/overlay.json`,
        `-ldflags=-w ${TRACE_LDFLAGS.join(' ')}`,
        '-o',
        `${WORK}/prog`,
        '.',
      ],
      { cwd: SRC, stdio: 'inherit' },
    );
  }
  const child = spawn(`${WORK}/prog`, args, {
    cwd: SRC,
    env: {
      HOME: '/tmp',
      PATH: '/usr/bin:/bin',
      GORACE: 'atexit_sleep_ms=0',
      GOTRACEBACK: 'all',
      ...traceEnv(traceFile),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => {
    // The program is stuck once its first line is out; give it a moment to reach the second Lock.
    if (QUIT_AFTER_FIRST_LINE.has(name)) setTimeout(() => child.kill('SIGQUIT'), 200);
  });
  const status = await new Promise<string>((done) =>
    child.on('exit', (code, signal) => done(String(code ?? signal))),
  );
  // The programs are race-free: a report would be the wrapper's, and the trace would hold it.
  if (stderr.includes('WARNING: DATA RACE')) throw new Error(`${name}: a data race\n${stderr}`);
  const bytes = statSync(traceFile).size;
  copyFileSync(traceFile, join(TESTDATA, `${name}.trace`));
  const dumped = stderr.includes('goroutine ') ? ', goroutine dump on stderr' : '';
  console.log(`${name}: exit ${status}${dumped}, trace ${bytes} bytes`);
}

async function main(): Promise<void> {
  const names = readdirSync(join(TESTDATA, 'programs')).sort();
  for (const name of names) await capture(name);
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  const version = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(TESTDATA, 'capture.json'),
    `${JSON.stringify({ go: version, race: true, srcDir: `${SRC}/`, goroot: `${goroot}/src/` }, null, 2)}\n`,
  );
  rmSync(WORK, { recursive: true, force: true });
}

await main();
