/**
 * One replica of the real server (`node playground/src/server.ts`) on a free port, its output in
 * a log file, and the wait until its Go build cache is warm.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { exited, pause } from './processes.ts';

/** Starts one replica on a free port; resolves with its address once it listens. */
export async function startReplica(
  index: number,
  env: Record<string, string>,
  log: string,
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['playground/src/server.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const file = createWriteStream(log);
  child.stdout.pipe(file, { end: false });
  child.stderr.pipe(file, { end: false });
  child.once('exit', () => file.end());
  return new Promise((done, fail) => {
    let seen = '';
    const look = (chunk: Buffer): void => {
      if (seen.length > 64 * 1024) return; // it logged that it listens long ago, or never will
      seen += chunk.toString();
      const m = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(seen);
      if (m) done({ child, base: m[1]! });
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', (code, signal) =>
      fail(new Error(`replica-${index + 1} exited (${code ?? signal}) before listening:\n${seen}`)),
    );
  });
}

/** Asks a replica's health until its Go build cache is warm (or its warm-up failed). */
export async function untilWarm(base: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (exited(child)) throw new Error(`${base} exited while warming up`);
    try {
      const health = (await (await fetch(`${base}/api/health`)).json()) as { cache?: { state?: string } };
      if (health.cache?.state === 'warm' || health.cache?.state === 'failed') return;
    } catch {
      // not answering yet
    }
    await pause(500);
  }
}
