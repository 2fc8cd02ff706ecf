/**
 * Turns a RunResult into annotations on the learner's files: the two accesses of each race,
 * compiler and vet diagnostics, the lines where blocked goroutines wait, and the lines behind a
 * deadlock's cause (where main called runtime.Goexit). The editor draws
 * them; this module only decides what and where.
 */
import type { DiagnosticCode, Frame, RunResult } from '../../contract/run.ts';

export type AnnotationKind = 'race-current' | 'race-previous' | 'diagnostic' | 'blocked' | 'panic';

export interface Annotation {
  kind: AnnotationKind;
  file: string;
  line: number;
  column?: number;
  /** Plain text for hover and for the list beside the editor. */
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** Which race (0-based) or goroutine this belongs to, to group the list. */
  group?: number;
}

/** Words for the hover texts, supplied by the caller in the page's language. */
export interface AnnotationWords {
  raceHover(op: string, goroutine: number, otherOp: string, otherGoroutine: number): string;
  op(op: 'read' | 'write'): string;
  blocked(id: number, state: string): string;
  /** Hover of a runtime.Goexit call that ended main's goroutine (cause main_goexit). */
  goexit(): string;
  /** The runner's own refusal (e.g. `import "C"`), said in the page's language. */
  refused(code: DiagnosticCode): string;
}

/** Returns the first frame that is in one of the learner's files. */
export function userFrame(stack: Frame[], files: ReadonlySet<string>): Frame | undefined {
  return stack.find((f) => files.has(f.file));
}

/** Returns the annotations for a result; frames outside the learner's files are skipped. */
export function annotate(
  result: RunResult,
  files: ReadonlySet<string>,
  words: AnnotationWords,
): Annotation[] {
  const out: Annotation[] = [];
  result.races.forEach((race, group) => {
    const [current, previous] = race.accesses;
    if (!current) return;
    const pairs: [typeof current, typeof previous, AnnotationKind][] = [[current, previous, 'race-current']];
    if (previous) pairs.push([previous, current, 'race-previous']);
    for (const [access, other, kind] of pairs) {
      const frame = userFrame(access.stack, files);
      if (!frame) continue;
      const message = other
        ? words.raceHover(words.op(access.op), access.goroutine, words.op(other.op), other.goroutine)
        : `${words.op(access.op)} — goroutine ${access.goroutine}`;
      out.push({ kind, file: frame.file, line: frame.line, message, severity: 'error', group });
    }
  });
  for (const d of result.diagnostics) {
    if (!files.has(d.file)) continue;
    out.push({
      kind: 'diagnostic',
      file: d.file,
      line: d.line,
      column: d.column,
      // The compiler's and vet's words are Go's; a runner refusal has a code the browser words.
      message: d.code ? words.refused(d.code) : d.source === 'vet' ? `vet: ${d.message}` : d.message,
      severity: d.source === 'vet' ? 'warning' : 'error',
    });
  }
  if (result.status === 'deadlock' && result.cause?.code === 'main_goexit') {
    // Main's goroutine is gone from the dump, so its Goexit line comes with the cause instead.
    for (const at of result.cause.at) {
      if (!files.has(at.file)) continue;
      out.push({
        kind: 'blocked',
        file: at.file,
        line: at.line,
        message: words.goexit(),
        severity: 'error',
        group: 1,
      });
    }
  }
  if (result.status === 'deadlock' || result.status === 'timeout' || result.status === 'panic') {
    for (const g of result.goroutines) {
      const frame = userFrame(g.frames, files);
      if (!frame) continue;
      out.push({
        kind: result.status === 'panic' ? 'panic' : 'blocked',
        file: frame.file,
        line: frame.line,
        message: words.blocked(g.id, g.state),
        severity: result.status === 'timeout' ? 'info' : 'error',
        group: g.id,
      });
      if (result.status === 'panic') break;
    }
  }
  return out;
}
