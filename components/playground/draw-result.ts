/**
 * Draws a run's result where the learner looks: on the code (line marks with hover words, which
 * load the editor when there is something to mark) and in the report under it, whose links jump
 * to a line. The terminal is not touched: the stream already wrote the result's text there.
 * N.B. BROWSER CODE.
 */
import type { RunResult } from '../../contract/run.ts';
import type { EditorSession } from '../editor/session.ts';
import { t, type Locale } from '../i18n/index.ts';
import { annotate, type AnnotationWords } from './annotations.ts';
import { renderReport } from './report-view.ts';

export interface DrawResultOptions {
  locale: Locale;
  /** The report's place under the editor. */
  report: HTMLElement;
  /** The learner's file names: frames elsewhere (the runtime, the standard library) are not marked. */
  names: ReadonlySet<string>;
  /** The editor, loaded on demand. */
  editor: () => Promise<EditorSession>;
  /** false: the caller lists the tests itself (a grade's run). */
  tests?: boolean;
}

/** The hover words of the line marks, in the page's language. */
function annotationWords(locale: Locale): AnnotationWords {
  return {
    raceHover: (op, g, otherOp, og) =>
      t(locale, 'pg.race.hover', { op, goroutine: g, otherOp, otherGoroutine: og }),
    op: (op) => t(locale, op === 'write' ? 'pg.op.write' : 'pg.op.read'),
    blocked: (id, state) => t(locale, 'pg.goroutine', { id, state }),
    goexit: () => t(locale, 'pg.goexit.hover'),
    refused: (code) => t(locale, `pg.refused.${code}`),
  };
}

export function drawResult(result: RunResult, opts: DrawResultOptions): void {
  const annotations = annotate(result, opts.names, annotationWords(opts.locale));
  if (annotations.length > 0) void opts.editor().then((s) => s.annotate(annotations));
  renderReport(
    opts.report,
    result,
    opts.names,
    opts.locale,
    (file, line) => void opts.editor().then((s) => s.reveal(file, line)),
    opts.tests === undefined ? {} : { tests: opts.tests },
  );
}
