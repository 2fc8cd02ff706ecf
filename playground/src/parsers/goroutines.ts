/**
 * Goroutine dumps: the traceback after `panic:` / `fatal error:`, and the full dump a SIGQUIT
 * produces (which the runtime prints at "crash" detail even under GOTRACEBACK=all, so headers
 * carry `gp=… m=…`, frames carry `fp=… sp=… pc=…`, and runtime-internal goroutines appear).
 *
 *   goroutine 6 gp=0xc00007a1e0 m=nil [sync.Mutex.Lock, 2 minutes, locked to thread]:
 *   sync.(*Mutex).Lock(0x2faf080?)
 *   	/usr/local/go/src/sync/mutex.go:46 +0x15 fp=… sp=… pc=…
 *   main.transfer(…)
 *   	/sandbox/src/main.go:14 +0x8f
 *   created by main.main in goroutine 1
 *   	/sandbox/src/main.go:22 +0x129
 */
import type { Frame, Goroutine } from '../../../contract/run.ts';
import { isGeneratedFunc } from '../trace/wrapper.ts';
import { parseLocation, parseStack } from './frames.ts';

/** A goroutine as parsed, with what the wire type leaves out. */
export interface ParsedGoroutine extends Goroutine {
  /** Where the `go` statement was, when the dump says (never for goroutine 1). */
  createdBy: Frame | null;
  /** A runtime-internal goroutine (GC workers, finalizers, g0): see isSystemGoroutine. */
  system: boolean;
  /** Minutes the goroutine had been waiting, when the header says (`, 3 minutes`). */
  waitMinutes: number;
}

const HEADER = /^goroutine (\d+)(?: gp=\S+)?(?: m=\S+)?(?: mp=\S+)? \[([^\]]*)\]:\s*$/;
const CREATED_BY = /^created by (\S+)(?: in goroutine \d+)?\s*$/;

/**
 * Returns the wait reason or status of a header's bracket, without the suffixes the runtime
 * appends: `, N minutes`, `, locked to thread`, `, synctest bubble N`, labels, ` (scan)`, ` (leaked)`.
 */
export function cleanState(bracket: string): { state: string; minutes: number } {
  const [head = '', ...rest] = bracket.split(', ');
  const minutes = rest.map((part) => /^(\d+) minutes$/.exec(part)?.[1]).find((m) => m !== undefined);
  const state = head
    .replace(/ labels:\{.*$/, '')
    .replace(/ \((?:scan|leaked)\)/g, '')
    .trim();
  return { state, minutes: minutes === undefined ? 0 : Number(minutes) };
}

/**
 * Returns true for goroutines the runtime itself runs, by the rule of runtime.isSystemGoroutine:
 * the goroutine's start function (its bottom frame) is in package runtime, except runtime.main.
 * Goroutine 0 is a thread's scheduler stack (g0), printed only in SIGQUIT/crash dumps.
 */
export function isSystemGoroutine(g: Pick<Goroutine, 'id' | 'frames'>): boolean {
  if (g.id === 0) return true;
  // A traced run's wrapper (trace/wrapper.ts) and a traced test's stall watcher (test-watcher.ts)
  // add their own goroutines, and signal.Notify's relay (os/signal.loop): none is the learner's,
  // and a deadlock's list must equal the untraced one.
  if (g.frames.some((f) => isGeneratedFunc(f.func))) return true;
  const start = g.frames[g.frames.length - 1];
  if (!start) return false;
  if (start.func === 'os/signal.loop') return true;
  return start.func.startsWith('runtime.') && start.func !== 'runtime.main';
}

/** Returns true for the testing package's -timeout alarm goroutine: it reports a hang, it is not part of one. */
export function isTestAlarm(g: Pick<Goroutine, 'frames'>): boolean {
  return g.frames.some((f) => f.func.startsWith('testing.(*M).startAlarm'));
}

/** Returns the goroutine whose header starts at lines[start] and its body (up to a blank line). */
function parseOne(
  lines: readonly string[],
  start: number,
  workDir: string,
): { g: ParsedGoroutine; next: number } | null {
  const header = HEADER.exec(lines[start] ?? '');
  if (!header) return null;
  const body: string[] = [];
  let createdBy: Frame | null = null;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || HEADER.test(line)) break;
    const created = CREATED_BY.exec(line);
    if (created) {
      const loc = parseLocation(lines[i + 1] ?? '', workDir);
      if (loc) {
        createdBy = { func: created[1] ?? '', file: loc.file, line: loc.line };
        i++;
      }
      continue;
    }
    body.push(line);
  }
  const { state, minutes } = cleanState(header[2] ?? '');
  const frames = parseStack(body, workDir);
  const id = Number(header[1]);
  const g: ParsedGoroutine = { id, state, frames, createdBy, system: false, waitMinutes: minutes };
  g.system = isSystemGoroutine(g);
  return { g, next: i };
}

/**
 * Returns every goroutine of the dump(s) in the text, in printed order (the first one is the
 * goroutine that panicked or threw, when there was one). System goroutines are kept, marked.
 */
export function parseGoroutineDump(text: string, workDir: string): ParsedGoroutine[] {
  const lines = text.split(/\r?\n/);
  const out: ParsedGoroutine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseOne(lines, i, workDir);
    if (!parsed) continue;
    out.push(parsed.g);
    i = parsed.next - 1;
  }
  return out;
}

/** Returns the wire form of a goroutine (id, state, frames only). */
export function toWireGoroutine(g: Goroutine): Goroutine {
  return { id: g.id, state: g.state, frames: g.frames };
}

/** Returns the goroutines a learner cares about (not runtime-internal, not the test alarm), in wire form. */
export function userGoroutines(goroutines: readonly ParsedGoroutine[]): Goroutine[] {
  return goroutines.filter((g) => !g.system && !isTestAlarm(g)).map(toWireGoroutine);
}
