/**
 * Hands the seccomp filter to bwrap: it reads the filter bytes from fd 3 (SECCOMP_FD) before it
 * starts the program. Shared by a step spawning its own launcher (step.ts) and by launchers that
 * wait in the pool (launcher-pool.ts), so neither imports the other for it.
 */
import type { Writable } from 'node:stream';
import { seccompBytes } from '../plan/seccomp.ts';

/** Writes the filter to the pipe bwrap reads it from; a pipe buffer holds it until then. */
export function sendSeccompFilter(fd: Writable): void {
  fd.on('error', () => undefined); // bwrap may fail before it reads the filter
  fd.end(seccompBytes());
}
