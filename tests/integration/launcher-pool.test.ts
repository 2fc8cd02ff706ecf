/**
 * Launchers waiting in their own cgroups (playground/src/sandbox/machine/launcher-pool.ts) against the
 * real kernel: a taken launcher is already inside its group and already dropped to nobody, the
 * pool refills itself as idle work, a launcher that dies while waiting is replaced and its group
 * removed, and close leaves nothing behind. Needs root and writable cgroups, like the sandbox.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { detectCgroups, type CgroupSupport } from '../../playground/src/sandbox/machine/cgroup-detect.ts';
import type { HostLayout } from '../../playground/src/sandbox/plan/bwrap-args.ts';
import { IdleWork } from '../../playground/src/sandbox/machine/idle-work.ts';
import { LauncherPool, type LauncherProcess } from '../../playground/src/sandbox/machine/launcher-pool.ts';
import { commandLine, ourCgroups, waitingLauncherCgroups } from './sandbox-support.ts';
import { makeSiteDir, startServerProcess, stopServer } from './server-process.ts';

const MEMORY = 64 * 1024 * 1024;
const root = process.getuid?.() === 0;
const layout: HostLayout = {
  goroot: '/usr/local/go',
  rootEntries: [],
  libs: [],
  dropTo: root ? { uid: 65534, gid: 65534 } : null,
  uid: 65534,
  gid: 65534,
};

let support: Exclude<CgroupSupport, { version: 'none' }>;
let idle: IdleWork;
let pool: LauncherPool;
/** Directories per group: one per controller on cgroup v1 (memory, pids), one on v2. */
let perController = 1;

beforeAll(() => {
  const found = detectCgroups();
  if (found.version === 'none') throw new Error(`no writable cgroups: ${found.reason}`);
  support = found;
  perController = found.version === 'v1' ? 2 : 1;
  expect(LauncherPool.supported()).toBe(true);
});

afterEach(async () => {
  idle?.close();
  await pool?.close();
  await expect.poll(() => ourCgroups(), { timeout: 5_000 }).toEqual([]);
});

function newPool(size: number): LauncherPool {
  idle = new IdleWork({ idleGraceMs: 1 });
  pool = new LauncherPool({ support, layout, pids: 16, memoryLimits: [MEMORY], size, idle });
  return pool;
}

function collect(child: LauncherProcess): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  (child.stdout as Readable).on('data', (c: Buffer) => (stdout += c.toString()));
  child.stdin.end();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

describe('launcher pool', () => {
  it('hands out a launcher already inside its group and already unprivileged', async () => {
    newPool(2).fill();
    await expect.poll(() => waitingLauncherCgroups().length, { timeout: 5_000 }).toBe(2 * perController);
    const ready = pool.take(MEMORY);
    expect(ready).not.toBeNull();
    const groupNames = ready!.group.dirs.map((d) => d.split('/').pop());
    const child = ready!.start(['/bin/sh', '-c', 'id -u; cat /proc/self/cgroup']);
    const { code, stdout } = await collect(child);
    expect(code).toBe(0);
    const [uid, ...cgroupLines] = stdout.trim().split('\n');
    expect(uid).toBe(root ? '65534' : String(process.getuid?.()));
    for (const name of groupNames) expect(cgroupLines.join('\n')).toContain(name);
    void ready!.group.destroy();
    // The pool starts a replacement once the server is idle.
    await expect.poll(() => waitingLauncherCgroups().length, { timeout: 5_000 }).toBe(2 * perController);
  });

  it('has none for a memory limit it does not keep', () => {
    newPool(1);
    expect(pool.take(MEMORY * 2)).toBeNull();
  });

  it('replaces a launcher that dies while waiting and removes its group', async () => {
    newPool(1).fill();
    await expect.poll(() => waitingLauncherCgroups().length, { timeout: 5_000 }).toBe(perController);
    const [dir] = waitingLauncherCgroups();
    const pid = Number(readFileSync(`${dir}/cgroup.procs`, 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => ourCgroups().includes(dir!), { timeout: 5_000 }).toBe(false);
    // Taking from an empty pool asks for a refill; the next launcher waits in a new group.
    expect(pool.take(MEMORY)).toBeNull();
    await expect.poll(() => waitingLauncherCgroups().length, { timeout: 5_000 }).toBe(perController);
    expect(waitingLauncherCgroups()).not.toContain(dir);
  });
});

/** Pids of processes inside any cgroup of the given server (group names carry its pid). */
function processesInGroupsOf(serverPid: number): number[] {
  const mark = `/lockstep-${serverPid}-`;
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        return readFileSync(`/proc/${n}/cgroup`, 'utf8').includes(mark);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Runs a one-line program on a server. */
function runHello(base: string): Promise<Response> {
  return fetch(`${base}/api/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      action: 'run',
      files: { 'main.go': 'package main\n\nfunc main() { println("hi") }\n' },
    }),
  });
}

/** Starts a stream run of a program that prints forever; resolves once its first line arrived. */
function startForever(base: string): Promise<WebSocket> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}/api/run/stream`);
  return new Promise((resolve, reject) => {
    socket.onopen = () =>
      socket.send(
        JSON.stringify({
          action: 'run',
          files: {
            'main.go':
              'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println(i)\n\t\ttime.Sleep(20 * time.Millisecond)\n\t}\n}\n',
          },
        }),
      );
    socket.onmessage = (event) => {
      if ((JSON.parse(String(event.data)) as { type: string }).type === 'output') resolve(socket);
    };
    socket.onerror = () => reject(new Error('the stream failed'));
  });
}

describe('waiting launchers and a dying server', () => {
  let site: string;
  let env: Record<string, string>;
  beforeAll(() => {
    site = makeSiteDir();
    env = { LOCKSTEP_SITE_DIR: site, LOCKSTEP_DATA_DIR: resolve('.data/it'), LOCKSTEP_NO_WARMUP: '1' };
  });
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('a running program dies with the server', async () => {
    const { server, base } = await startServerProcess(env);
    try {
      const socket = await startForever(base);
      socket.onerror = null;
      const running = processesInGroupsOf(server.pid!);
      expect(running.some((pid) => commandLine(pid).includes('/run/prog'))).toBe(true);
      await stopServer(server, 'SIGKILL');
      // bwrap --die-with-parent, and the launcher's pipes closing: nothing of the job survives.
      await expect.poll(() => processesInGroupsOf(server.pid!), { timeout: 3_000 }).toEqual([]);
      for (const pid of running) expect(commandLine(pid)).toBe('');
      // The next server removes the dead one's groups.
      const next = await startServerProcess(env);
      expect((await runHello(next.base)).status).toBe(200);
      expect(ourCgroups(server.pid!)).toEqual([]);
      await stopServer(next.server);
    } finally {
      await stopServer(server, 'SIGKILL');
    }
  }, 60_000);

  it('exit without running anything when the server is SIGKILLed; the next start removes their groups', async () => {
    const { server, base } = await startServerProcess(env);
    try {
      expect((await runHello(base)).status).toBe(200);
      // After the job, the server starts launchers for the next ones.
      await expect.poll(() => processesInGroupsOf(server.pid!).length, { timeout: 5_000 }).toBeGreaterThan(0);
      await stopServer(server, 'SIGKILL');
      // Their argv pipe closes without the end marker: each exits at once.
      await expect.poll(() => processesInGroupsOf(server.pid!), { timeout: 3_000 }).toEqual([]);
      // Their empty groups stay until the next server starts in the same place and removes them.
      const left = ourCgroups(server.pid!);
      expect(left.length).toBeGreaterThan(0);
      const next = await startServerProcess(env);
      try {
        // Its sandbox probe (before its first job) removes groups whose owner is dead.
        expect((await runHello(next.base)).status).toBe(200);
        expect(ourCgroups(server.pid!)).toEqual([]);
        // A server stopped with SIGTERM removes its own launchers' groups.
        await expect.poll(() => ourCgroups(next.server.pid!).length, { timeout: 5_000 }).toBeGreaterThan(0);
      } finally {
        await stopServer(next.server);
      }
      expect(ourCgroups(next.server.pid!)).toEqual([]);
    } finally {
      await stopServer(server, 'SIGKILL');
    }
  });
});
