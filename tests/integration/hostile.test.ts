/**
 * Hostile programs against the real sandbox: each must end with an expected status (a limit that
 * stops a program names itself: timeout, memory_limit, output_limit), the server must stay healthy (its queue empty again), a benign run started
 * alongside must succeed, and nothing may be left on disk or in the cgroup tree. The server
 * listens on a real port, and the test keeps TCP, UDP and unix-socket listeners on the host, so a
 * dial that escaped the network namespace would be heard.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { createSocket, type Socket } from 'node:dgram';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRunner, mainProgram, type Runner } from './harness.ts';
import { hostileSource, leftoverCgroups } from './sandbox-support.ts';
import type { RunRequest, RunResult, RunStatus } from '../../contract/run.ts';

const RUN_LIMIT_MS = 5_000;

interface Case {
  file: string;
  statuses: RunStatus[];
  /** Text the output must contain (what the program saw). */
  output?: RegExp;
  args?: () => string[];
}

/** What the host-side listeners heard from sandboxed programs (must stay empty). */
const heard: string[] = [];
let tcp: Server;
let udp: Socket;
let unixPath: string;
let unix: Server;
let serverPort = 0;

const CASES: Case[] = [
  {
    file: 'fork_bomb.go',
    statuses: ['ok', 'exit_error', 'panic', 'timeout', 'memory_limit'],
  },
  { file: 'memory_bomb.go', statuses: ['memory_limit'] },
  // The pids limit stops thread creation: the runtime aborts (or the memory limit comes first).
  {
    file: 'thread_bomb.go',
    statuses: ['panic', 'exit_error', 'memory_limit'],
    output: /pthread_create failed|failed to create new OS thread|out of memory/i,
  },
  { file: 'goroutines_100k.go', statuses: ['ok', 'memory_limit'] },
  { file: 'infinite_loop.go', statuses: ['timeout'] },
  { file: 'busy_all_cores.go', statuses: ['timeout'] },
  { file: 'output_flood.go', statuses: ['output_limit'], output: /output truncated/i },
  { file: 'huge_line.go', statuses: ['output_limit'] },
  {
    file: 'net_dial.go',
    statuses: ['ok'],
    output: /network: all blocked/,
    args: () => [
      String(serverPort),
      String((tcp.address() as AddressInfo).port),
      String(udp.address().port),
      unixPath,
    ],
  },
  { file: 'host_files.go', statuses: ['ok'], output: /host files: none readable/ },
  { file: 'server_env.go', statuses: ['ok'], output: /environment: clean/ },
  { file: 'write_outside_tmp.go', statuses: ['ok'], output: /all refused/ },
  { file: 'fill_tmp.go', statuses: ['ok'], output: /stopped after \d+ MiB/ },
  { file: 'kill_all.go', statuses: ['ok', 'exit_error'] },
  { file: 'ptrace.go', statuses: ['ok'], output: /ptrace: refused/ },
  { file: 'cgo.go', statuses: ['compile_error'], output: /cgo/i },
  { file: 'embed_outside.go', statuses: ['compile_error'] },
  // Runtime functions the runtime lets others link to: the call works, inside the sandbox.
  { file: 'linkname.go', statuses: ['ok'], output: /nanotime: true/ },
  {
    file: 'linkname_blocked.go',
    statuses: ['compile_error'],
    output: /invalid reference to runtime\.isSecureMode/,
  },
  { file: 'exec_shell.go', statuses: ['ok'], output: /exec: no shell/ },
  {
    file: 'compile_bomb.go',
    statuses: ['compile_error', 'timeout', 'memory_limit'],
  },
];

let runner: Runner;
/** A module on the host that a go.mod replace directive points at (it must stay out of reach). */
let hostModule: string;

beforeAll(async () => {
  process.env.LOCKSTEP_CANARY = 'server-secret-canary';
  runner = await startRunner({ LOCKSTEP_RUN_TIMEOUT_MS: String(RUN_LIMIT_MS), LOCKSTEP_CONCURRENCY: '2' });
  await runner.app.listen({ port: 0, host: '127.0.0.1' });
  serverPort = (runner.app.server.address() as AddressInfo).port;
  tcp = createServer((c) => {
    heard.push('tcp connection');
    c.destroy();
  });
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
  udp = createSocket('udp4').on('message', () => heard.push('udp datagram'));
  await new Promise<void>((r) => udp.bind(0, '127.0.0.1', r));
  unixPath = join(tmpdir(), `lockstep-hostile-${process.pid}.sock`);
  rmSync(unixPath, { force: true });
  unix = createServer((c) => {
    heard.push('unix connection');
    c.destroy();
  });
  await new Promise<void>((r) => unix.listen(unixPath, r));
  hostModule = mkdtempSync(join(tmpdir(), 'lockstep-evil-'));
  mkdirSync(join(hostModule, 'evil'));
  writeFileSync(join(hostModule, 'go.mod'), 'module example.com/evil\n\ngo 1.24\n');
  writeFileSync(join(hostModule, 'evil', 'evil.go'), 'package evil\n\nfunc Run() { println("escaped") }\n');
  await runner.waitWarm();
  // Warm the race build cache once so a cold toolchain does not meet the build limit.
  const warm = await runner.run(mainProgram('package main\nfunc main() {}\n'));
  expect(warm.body.status).toBe('ok');
}, 240_000);

afterAll(async () => {
  delete process.env.LOCKSTEP_CANARY;
  tcp?.close();
  udp?.close();
  unix?.close();
  rmSync(unixPath, { force: true });
  rmSync(hostModule, { recursive: true, force: true });
  await runner?.close();
});

/** Starts a run no other case has built before (so it builds while the hostile one runs). */
function startBenign(tag: string): { done: Promise<{ body: RunResult }>; expected: string } {
  const word = tag.replace(/[^A-Za-z0-9]/g, '_');
  return {
    done: runner.run(
      mainProgram(`package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("benign", "${word}") }\n`),
      `benign-${word}`,
    ),
    expected: `benign ${word}\n`,
  };
}

/** After a hostile run: the benign run succeeded, the server is idle and well, nothing is left. */
async function expectAllWell(benign: ReturnType<typeof startBenign>): Promise<void> {
  const b = await benign.done;
  expect(b.body.status).toBe('ok');
  expect(b.body.stdout).toBe(benign.expected);
  const health = await runner.health();
  expect(health.sandbox.available).toBe(true);
  expect(health.queue).toMatchObject({ running: 0, waiting: 0 });
  expect(heard).toEqual([]);
  await expect.poll(() => runner.leftovers(), { timeout: 3_000 }).toEqual([]);
  await expect.poll(() => leftoverCgroups(), { timeout: 3_000 }).toEqual([]);
}

async function runHostile(request: RunRequest, tag: string): Promise<{ body: RunResult }> {
  const res = await runner.run(request, `hostile-${tag}`);
  expect(res.statusCode).toBe(200);
  return { body: res.body };
}

describe('hostile programs', () => {
  test.each(CASES)(
    '$file ends as $statuses',
    async ({ file, statuses, output, args }) => {
      const benign = startBenign(file);
      const { body } = await runHostile({ ...mainProgram(hostileSource(file)), args: args?.() }, file);
      const text = `${body.stdout}\n${body.stderr}\n${body.message ?? ''}`;
      expect(statuses, `${file}: got ${body.status}\n${text.slice(0, 2000)}`).toContain(body.status);
      if (output) expect(text).toMatch(output);
      await expectAllWell(benign);
    },
    60_000,
  );

  test('go.mod replace, require and toolchain directives reach nothing on the host and fail clearly', async () => {
    const benign = startBenign('replace');
    const { body } = await runHostile(
      {
        action: 'run',
        files: {
          'main.go': 'package main\n\nimport "example.com/evil/evil"\n\nfunc main() { evil.Run() }\n',
          'go.mod': `module sandbox\n\ngo 1.24\n\ntoolchain go1.99.0\n\nrequire example.com/evil v1.0.0\n\nreplace example.com/evil => ${hostModule}\n`,
        },
      },
      'replace',
    );
    // The module exists on the host and would build: only the sandbox keeps it out of reach.
    expect(body.status, body.stderr).toBe('compile_error');
    expect(body.stderr).toContain(hostModule);
    expect(body.stderr + (body.message ?? '')).not.toMatch(/downloading/);
    await expectAllWell(benign);
  }, 60_000);

  test('a go.mod asking for a newer toolchain does not switch toolchains', async () => {
    const benign = startBenign('toolchain');
    const { body } = await runHostile(
      {
        action: 'run',
        files: { 'main.go': 'package main\nfunc main() {}\n', 'go.mod': 'module sandbox\n\ngo 1.99\n' },
      },
      'toolchain',
    );
    expect(body.status).toBe('compile_error');
    expect(body.stderr).toMatch(/go1\.99|requires go|toolchain/i);
    await expectAllWell(benign);
  }, 60_000);

  test.each([
    ['../escape.go'],
    ['sub/dir.go'],
    ['/abs.go'],
    ['.hidden.go'],
    ['main.go\u0000.txt'],
    ['link -> /etc/passwd.go'],
    ['main.exe'],
  ])('the file name %j is refused with 400', async (name) => {
    const res = await runner.post({ action: 'run', files: { [name]: 'package main\nfunc main() {}\n' } });
    expect(res.statusCode).toBe(400);
    expect(res.json.error).toBe('bad_file_name');
    expect(res.json.params).toEqual({ file: name });
    expect(String(res.json.message)).toMatch(/file|name|pattern|match/i);
  });

  test('10,000 files are refused with a clear 4xx before any work', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) files[`f${i}.go`] = 'package main\n';
    const res = await runner.post({ action: 'run', files });
    expect([400, 413]).toContain(res.statusCode);
    expect(String(res.json.message)).toMatch(/files|large|KiB/i);
    if (res.statusCode === 400)
      expect(res.json).toMatchObject({
        error: 'bad_request',
        params: { path: '/files', rule: 'maxProperties', limit: 20 },
      });
    await expect.poll(() => runner.leftovers(), { timeout: 3_000 }).toEqual([]);
  });
});
