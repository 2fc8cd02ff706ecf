/**
 * Starts the real server (`node playground/src/server.ts`) as its own process on a free port, for
 * tests that need to kill it (SIGKILL, restarts). Resolves with the process and its base URL once
 * it logs that it listens; rejects with its output if it exits first.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export type ServerProcess = ChildProcessByStdio<null, Readable, Readable>;

export function startServerProcess(
  env: Record<string, string>,
): Promise<{ server: ServerProcess; base: string }> {
  const server = spawn(process.execPath, ['playground/src/server.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (m) resolve({ server, base: m[1]! });
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/** Sends the signal and resolves once the server has exited (at once if it already has). */
export function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise<void>((done) => {
    server.removeAllListeners('exit');
    server.once('exit', () => done());
    server.kill(signal);
  });
}

/** A stand-in for the built site (the server refuses to start without an index.html); the caller removes it. */
export function makeSiteDir(html = '<!doctype html><title>Lockstep</title>'): string {
  const site = mkdtempSync(join(tmpdir(), 'lockstep-site-'));
  writeFileSync(join(site, 'index.html'), html);
  return site;
}
