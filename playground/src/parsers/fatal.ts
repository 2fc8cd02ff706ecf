/**
 * `fatal error: …` lines: unrecoverable runtime throws. Two matter most to this course:
 * the concurrent-map checks (which fire with or without -race; under -race a race report usually
 * comes first) and the runtime's own deadlock detector (which never fires under -race:
 * golang/go#20588, see seed-errata "deadlock detection is off under -race").
 */
import { parseGoroutineDump, type ParsedGoroutine } from './goroutines.ts';

/** Which concurrent map misuse the runtime caught (its wording, as a stable key). */
export type ConcurrentMapKind = 'writes' | 'read_write' | 'iteration_write' | 'clone_write';

export interface FatalError {
  /** The text after `fatal error: `. */
  message: string;
  kind: 'concurrent_map' | 'deadlock' | 'other';
  /** Set when kind is concurrent_map. */
  mapKind: ConcurrentMapKind | null;
  /** The goroutines of the traceback that follows; the first one is the one that threw. */
  goroutines: ParsedGoroutine[];
}

const FATAL = /^fatal error: (.+?)\s*$/m;

/** The runtime's messages (internal/runtime/maps and runtime/map*.go), by kind. */
const MAP_MESSAGES: Record<string, ConcurrentMapKind> = {
  'concurrent map writes': 'writes',
  // Concurrent inserts that fill a small map (internal/runtime/maps/map.go, runtime_fast*.go).
  'small map with no empty slot (concurrent map writes?)': 'writes',
  'concurrent map read and map write': 'read_write',
  'concurrent map iteration and map write': 'iteration_write',
  'concurrent map clone and map write': 'clone_write',
};

const DEADLOCK_MESSAGE = 'all goroutines are asleep - deadlock!';

/**
 * Returns the first `fatal error:` in the text (the one that stopped the program) with the
 * goroutines of the traceback printed after it, or null when there is none (or no traceback).
 */
export function detectFatal(stderr: string, workDir: string): FatalError | null {
  const m = FATAL.exec(stderr);
  if (!m || m[1] === undefined) return null;
  const message = m[1];
  const mapKind = MAP_MESSAGES[message] ?? null;
  const kind = mapKind !== null ? 'concurrent_map' : message === DEADLOCK_MESSAGE ? 'deadlock' : 'other';
  // Only the dump after the message belongs to it; race reports before it have no goroutine headers.
  const goroutines = parseGoroutineDump(stderr.slice(m.index), workDir);
  // The runtime always prints a traceback after a throw; a bare line is the program's own text.
  if (goroutines.length === 0) return null;
  return { message, kind, mapKind, goroutines };
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
