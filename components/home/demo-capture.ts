/**
 * The home page's demo: a racy program and what the real runner answered for it, captured by
 * `npm run capture:home-demo` (scripts/capture-home-demo.ts) and drawn at build time.
 * N.B. BUILD-TIME CODE (Node): the home page ships the rendering, not this module.
 */
import { createHash } from 'node:crypto';
import type { Race, RunStatus } from '../../contract/run.ts';

export const DEMO_DIR = 'content/home/race-demo';
export const DEMO_FILE = 'main.go';

/** What capture.json holds: the runner's answer, and which source and Go it was for. */
export interface DemoCapture {
  /** sha256 of the program the capture is of; a different main.go makes it stale. */
  source: string;
  go: string;
  capturedAt: string;
  status: RunStatus;
  exitCode: number;
  stdout: string;
  stderr: string;
  races: Race[];
}

/** Returns the digest that ties a capture to its source. */
export function sourceDigest(source: string): string {
  return `sha256:${createHash('sha256').update(source).digest('hex')}`;
}
