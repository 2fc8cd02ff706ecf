/**
 * A machine that cannot sandbox code still gets the course (`npm start`'s set-up then only warns:
 * tests/integration/prereqs.test.ts), and the real server serves the site while refusing
 * every run with the exact reason (health, POST /api/run, POST /api/grade, the stream). The
 * opt-in unsafe mode is refused off loopback and warns loudly on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { makeSiteDir, startServerProcess, stopServer, type ServerProcess } from './server-process.ts';
import type { Health } from '../../contract/health.ts';

let site: string;
/** A folder with every command of /usr/bin but bwrap: a machine where only bubblewrap is missing. */
let bin: string;
beforeAll(() => {
  site = makeSiteDir('<!doctype html><title>Lockstep</title><h1>Course</h1>');
  bin = mkdtempSync(join(tmpdir(), 'lockstep-bin-'));
  for (const name of readdirSync('/usr/bin')) {
    if (name !== 'bwrap') symlinkSync(join('/usr/bin', name), join(bin, name));
  }
});
afterAll(() => {
  rmSync(site, { recursive: true, force: true });
  rmSync(bin, { recursive: true, force: true });
});

/** Collects a server's output (it logs the runner's state after it listens). */
function output(server: ServerProcess): () => string {
  let text = '';
  server.stdout.on('data', (c: Buffer) => (text += c.toString()));
  server.stderr.on('data', (c: Buffer) => (text += c.toString()));
  return () => text;
}

const hello = { action: 'run', files: { 'main.go': 'package main\n\nfunc main() { println("hi") }\n' } };

function postJson(base: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The first message of the stream that ends a run (result or error). */
async function streamEnd(base: string, body: unknown): Promise<Record<string, unknown>> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}/api/run/stream`);
  return new Promise((done, fail) => {
    socket.onopen = () => socket.send(JSON.stringify(body));
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as Record<string, unknown>;
      if (message.type === 'result' || message.type === 'error') done(message);
    };
    socket.onerror = () => fail(new Error('the stream failed'));
  });
}

describe('a server on a machine without bubblewrap', () => {
  let server: ServerProcess;
  let base: string;
  let logs: () => string;

  beforeAll(async () => {
    ({ server, base } = await startServerProcess({
      PATH: `${bin}:${dirname(execSync('command -v go', { encoding: 'utf8' }).trim())}`,
      LOCKSTEP_SITE_DIR: site,
      LOCKSTEP_DATA_DIR: resolve('.data/it'),
      LOCKSTEP_NO_WARMUP: '1',
    }));
    logs = output(server);
  }, 60_000);
  afterAll(async () => stopServer(server));

  it('serves the site', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>Course</h1>');
  });

  it('says in /api/health that code cannot run, and why', async () => {
    const health = (await (await fetch(`${base}/api/health`)).json()) as Health;
    expect(health.status).toBe('degraded');
    expect(health.sandbox.available).toBe(false);
    expect(health.sandbox.reason).toContain('bubblewrap is not installed');
    expect(health.tracing).toMatchObject({ available: false, reason: 'sandbox_unavailable' });
  });

  it('refuses every run with that reason, over HTTP and over the stream', async () => {
    const run = await postJson(base, '/api/run', hello);
    expect(run.status).toBe(503);
    expect(await run.json()).toMatchObject({
      error: 'runner_unavailable',
      message: expect.stringContaining('bubblewrap is not installed'),
      params: { reason: 'bwrap_missing' },
    });
    const grade = await postJson(base, '/api/grade', {
      exerciseId: 'lost-update-counter',
      files: { 'counter.go': 'package counter\n' },
    });
    expect(grade.status).toBe(503);
    expect(((await grade.json()) as { message: string }).message).toContain('bubblewrap is not installed');
    expect(await streamEnd(base, hello)).toMatchObject({
      type: 'error',
      error: 'runner_unavailable',
      message: expect.stringContaining('bubblewrap is not installed'),
      params: { reason: 'bwrap_missing' },
    });
  });

  it('tells whoever started it, on the console', async () => {
    await expect
      .poll(logs, { timeout: 10_000 })
      .toContain('The Go runner is off: bubblewrap is not installed');
  });
});

describe('the unsafe mode for one person on their own machine', () => {
  it('refuses to start on an address other than loopback', async () => {
    await expect(
      startServerProcess({
        HOST: '0.0.0.0',
        LOCKSTEP_UNSAFE_NO_SANDBOX: '1',
        LOCKSTEP_SITE_DIR: site,
        LOCKSTEP_NO_WARMUP: '1',
      }),
    ).rejects.toThrow(/only allowed when HOST is a loopback address/);
  });

  it('runs code on loopback and warns loudly', async () => {
    const { server, base } = await startServerProcess({
      LOCKSTEP_UNSAFE_NO_SANDBOX: '1',
      LOCKSTEP_SITE_DIR: site,
      LOCKSTEP_DATA_DIR: resolve('.data/it-unsafe'),
      LOCKSTEP_NO_WARMUP: '1',
    });
    const logs = output(server);
    try {
      const health = (await (await fetch(`${base}/api/health`)).json()) as {
        sandbox: { mode: string; available: boolean; reason: string };
      };
      expect(health.sandbox).toMatchObject({ mode: 'none', available: true });
      expect(health.sandbox.reason).toMatch(/^UNSAFE/);
      await expect.poll(logs, { timeout: 10_000 }).toContain('UNSAFE: LOCKSTEP_UNSAFE_NO_SANDBOX=1');
      const run = await postJson(base, '/api/run', { ...hello, race: false });
      expect(run.status).toBe(200);
      expect(await run.json()).toMatchObject({ status: 'ok', stderr: 'hi\n' });
    } finally {
      await stopServer(server);
    }
  }, 120_000);
});
