/**
 * `fatal error: …` lines: unrecoverable runtime throws. Two families matter most to this course:
 * the concurrent-map checks (which fire with or without -race; under -race a race report usually
 * comes first) and the runtime's own deadlock detector, runtime/proc.go checkdead (which never
 * fires under -race: golang/go#20588, see seed-errata "deadlock detection is off under -race").
 * KNOWN_FATALS lists the texts with a verdict of their own; README.md shows the same table.
 */
import { parseGoroutineDump, type ParsedGoroutine } from './goroutines.ts';

/** Which concurrent map misuse the runtime caught (its wording, as a stable key). */
export type ConcurrentMapKind = 'writes' | 'read_write' | 'iteration_write' | 'clone_write';

/** Why the runtime's deadlock check fired, when the message says more than "deadlock". */
export type DeadlockCause = 'main_goexit';

export interface FatalError {
  /** The text after `fatal error: `. */
  message: string;
  kind: 'concurrent_map' | 'deadlock' | 'other';
  /** Set when kind is concurrent_map. */
  mapKind: ConcurrentMapKind | null;
  /** Set when the message itself names the cause of a deadlock. */
  cause: DeadlockCause | null;
  /** The goroutines of the traceback that follows; the first one is the one that threw. */
  goroutines: ParsedGoroutine[];
}

/** One `fatal error:` text the classifier knows; every other text is kind 'other' (a panic verdict). */
export interface KnownFatal {
  message: string;
  kind: 'concurrent_map' | 'deadlock';
  mapKind?: ConcurrentMapKind;
  cause?: DeadlockCause;
  /**
   * False when the runtime prints no goroutine after the message because none is left to print:
   * the line must then end the output (see detectFatal).
   */
  traceback: boolean;
  /** The Go source file that throws it (go1.26), for the parsers' README. */
  thrownBy: string;
}

/**
 * Every runtime `fatal error:` text the classifier maps to a verdict of its own. README.md in this
 * folder lists them (a unit test keeps the two equal).
 */
export const KNOWN_FATALS: readonly KnownFatal[] = [
  {
    message: 'concurrent map writes',
    kind: 'concurrent_map',
    mapKind: 'writes',
    traceback: true,
    thrownBy:
      'internal/runtime/maps/map.go, runtime.go, runtime_fast32.go, runtime_fast64.go, runtime_faststr.go',
  },
  {
    // Concurrent inserts that fill a small map (internal/runtime/maps/map.go, runtime_fast*.go).
    message: 'small map with no empty slot (concurrent map writes?)',
    kind: 'concurrent_map',
    mapKind: 'writes',
    traceback: true,
    thrownBy: 'internal/runtime/maps/map.go, runtime_fast32.go, runtime_fast64.go, runtime_faststr.go',
  },
  {
    message: 'concurrent map read and map write',
    kind: 'concurrent_map',
    mapKind: 'read_write',
    traceback: true,
    thrownBy:
      'internal/runtime/maps/map.go, runtime.go, runtime_fast32.go, runtime_fast64.go, runtime_faststr.go',
  },
  {
    message: 'concurrent map iteration and map write',
    kind: 'concurrent_map',
    mapKind: 'iteration_write',
    traceback: true,
    thrownBy: 'internal/runtime/maps/table.go',
  },
  {
    message: 'concurrent map clone and map write',
    kind: 'concurrent_map',
    mapKind: 'clone_write',
    traceback: true,
    thrownBy: 'internal/runtime/maps/map.go',
  },
  {
    // checkdead: no goroutine can run and no timer is pending. Never printed under -race
    // (golang/go#20588): the sandbox watchdog stands in for it.
    message: 'all goroutines are asleep - deadlock!',
    kind: 'deadlock',
    traceback: true,
    thrownBy: 'runtime/proc.go (checkdead)',
  },
  {
    // checkdead, when no goroutine exists at all. Only possible once main called runtime.Goexit:
    // main returning ends the program (runtime/proc.go, runtime.main calls exit(0)), and Goexit
    // in main lets the program go on only as long as other goroutines do (runtime/panic.go,
    // Goexit's doc comment). No goroutine is left to trace, so the line is all the runtime prints
    // (runtime/panic.go dopanic_m, runtime/traceback.go tracebackothers skips dead goroutines).
    message: 'no goroutines (main called runtime.Goexit) - deadlock!',
    kind: 'deadlock',
    cause: 'main_goexit',
    traceback: false,
    thrownBy: 'runtime/proc.go (checkdead)',
  },
];

const FATAL = /^fatal error: (.+?)\s*$/m;

/**
 * Returns the first `fatal error:` in the text (the one that stopped the program) with the
 * goroutines of the traceback printed after it, or null when there is none (or no traceback).
 */
export function detectFatal(stderr: string, workDir: string): FatalError | null {
  const m = FATAL.exec(stderr);
  if (!m || m[1] === undefined) return null;
  const message = m[1];
  const known = KNOWN_FATALS.find((f) => f.message === message);
  // Only the dump after the message belongs to it; race reports before it have no goroutine headers.
  const goroutines = parseGoroutineDump(stderr.slice(m.index), workDir);
  if (known?.traceback === false) {
    // Nothing to trace: the runtime's line is the last thing it writes before exit(2); a program
    // that prints the same words and goes on is not the runtime.
    if (stderr.slice(m.index + m[0].length).trim() !== '') return null;
  } else if (goroutines.length === 0) {
    // The runtime always prints a traceback after a throw; a bare line is the program's own text.
    return null;
  }
  return {
    message,
    kind: known?.kind ?? 'other',
    mapKind: known?.mapKind ?? null,
    cause: known?.cause ?? null,
    goroutines,
  };
}

/** Returns a plain-language explanation of a concurrent map fatal error. */
export function describeConcurrentMap(kind: ConcurrentMapKind): string {
  switch (kind) {
    case 'writes':
      return 'two goroutines wrote to the same map at the same time';
    case 'read_write':
      return 'one goroutine read a map while another wrote to it';
    case 'iteration_write':
      return 'one goroutine ranged over a map while another wrote to it';
    case 'clone_write':
      return 'one goroutine cloned a map while another wrote to it';
  }
}
