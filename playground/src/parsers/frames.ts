/**
 * Go stack frames as printed by the runtime traceback and by the race detector: a function line
 * followed by an indented `file:line [+0xOFF] [fp=… sp=… pc=…]` line. Paths are normalised so
 * learners see the names they sent (`main.go`) and std frames stay short and stable (`sync/mutex.go`).
 */
import type { Frame } from '../../../contract/run.ts';

/** A `file:line` location line: a tab (traceback) or spaces (race report), then the path. */
const LOCATION = /^\s+(\S(?:.*?\S)?):(\d+)(?:\s+\+0x[0-9a-f]+)?(?:\s+fp=.*)?\s*$/;

/** Arguments the traceback prints after the function name: `(0xc000010, ...)`, `({})`, `()`. */
const ARGS = /\([^()]*\)$/;

/** Functions that only mark the bottom of every goroutine's stack; they tell a learner nothing. */
const HIDDEN_FUNCS = new Set(['runtime.goexit']);

/**
 * Returns the path as a learner should see it: relative to workDir for their files, after
 * `pkg/mod/` for module-cache files, after the first `/src/` for GOROOT files (the GOROOT itself
 * differs between machines and versions, the std-relative part does not), unchanged otherwise.
 */
export function normalizePath(path: string, workDir: string): string {
  const dir = workDir.replace(/\/+$/, '');
  if (dir !== '' && path.startsWith(dir + '/')) return path.slice(dir.length + 1);
  if (path.startsWith('./')) return path.slice(2);
  if (!path.startsWith('/')) return path;
  const mod = path.indexOf('/pkg/mod/');
  if (mod >= 0) return path.slice(mod + '/pkg/mod/'.length);
  const src = path.indexOf('/src/');
  if (src >= 0) return path.slice(src + '/src/'.length);
  return path;
}

/** Returns `{ file, line }` when the line is a frame's location line, else null. */
export function parseLocation(line: string, workDir: string): { file: string; line: number } | null {
  const m = LOCATION.exec(line);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  // A function line never ends in `:<digits>`, but guard against `created by` and headers anyway.
  if (!/^\s/.test(line)) return null;
  return { file: normalizePath(m[1], workDir), line: Number(m[2]) };
}

/** Returns the function name of a frame's function line, without its printed arguments. */
export function parseFuncName(line: string): string {
  return line.trim().replace(ARGS, '');
}

/** Returns true for the function line of a frame (unindented or race-indented, ends in `)`). */
function looksLikeFuncLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && t.endsWith(')') && !t.startsWith('created by ') && !/^\[.*\]$/.test(t);
}

/**
 * Returns the frames of one stack, top first. Lines that are not func+location pairs
 * (`created by`, `...additional frames elided...`, `[failed to restore the stack]`) are skipped.
 */
export function parseStack(lines: readonly string[], workDir: string): Frame[] {
  const frames: Frame[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i] ?? '';
    if (!looksLikeFuncLine(head)) continue;
    const loc = parseLocation(lines[i + 1] ?? '', workDir);
    if (!loc) continue;
    const func = parseFuncName(head);
    if (!HIDDEN_FUNCS.has(func)) frames.push({ func, file: loc.file, line: loc.line });
    i++;
  }
  return frames;
}

/** Returns true when the frame is in a file the learner wrote (flat names; std paths have a `/`). */
export function isUserFrame(frame: Frame): boolean {
  return !frame.file.includes('/') && frame.file !== '_testmain.go' && frame.file.endsWith('.go');
}

/** Returns the first frame in the learner's own files, if any: where a goroutine "is" for them. */
export function firstUserFrame(frames: readonly Frame[]): Frame | undefined {
  return frames.find(isUserFrame);
}
