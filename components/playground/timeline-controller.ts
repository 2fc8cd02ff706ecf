/**
 * A playground's Timeline action after the run starts: remembers the files of a traced run until
 * its result comes, then opens the timeline panel (loaded with import() only then) or says in the
 * panel's place why there is none; closes it when another run starts, the files change or the
 * learner closes it. run-controller.ts runs the code; this file only follows the traced run. A
 * server that refuses a traced run with trace_unavailable (it cannot build its trace converter,
 * which lasts until it restarts; GET /api/health says the same as tracing.converter_unavailable)
 * turns the button off for the page's life, with the reason beside it.
 * N.B. BROWSER CODE.
 */
import type { RunResult } from '../../contract/run.ts';
import type { RunPhase } from './run-machine.ts';
import { t, type Locale, type TimelineKey } from '../i18n/index.ts';
import { missingKey } from '../timeline/missing.ts';
import type { Place } from '../timeline/model.ts';
import type { TimelineView } from '../timeline/timeline-view.ts';
import type { Files } from './playground-data.ts';

export interface TimelineControllerOptions {
  locale: Locale;
  /** The panel's place under the editor. */
  host: HTMLElement;
  /** The Timeline button: the focus goes back to it when the learner closes the panel. */
  button: HTMLElement;
  /** The playground element, marked data-timeline="open" while the panel is open. */
  element: HTMLElement;
  /** A span was selected (or a step shown): mark its line in the editor, loading it if need be. */
  onSelect: (place: Place | null) => void;
  /** The panel closed: unmark the line, if the editor has loaded. */
  onClosed: () => void;
}

export class TimelineController {
  /** The files of a run started by Timeline, until its result comes; the timeline quotes them. */
  private traced: Files | null = null;
  private view: TimelineView | null = null;
  /** The server said it cannot trace: the button stays off and the reason stays shown. */
  private unavailable = false;
  private readonly opts: TimelineControllerOptions;

  constructor(opts: TimelineControllerOptions) {
    this.opts = opts;
    // Registered before the playground's own click listener, so an unavailable Timeline starts nothing.
    opts.button.addEventListener('click', (event) => {
      if (this.unavailable) event.stopImmediatePropagation();
    });
  }

  /** A run starts: an open timeline closes; a traced run's files are kept and "loading" is said. */
  runStarted(files: Files, traced: boolean): void {
    this.close(false);
    this.traced = traced ? files : null;
    if (traced) this.status('tl.loading');
    else if (this.unavailable) this.status('tl.unavailable');
  }

  /**
   * A traced run that ended without a result (unreachable, stopped, refused, invalid) has no
   * timeline; error is the refusal's code.
   */
  runEnded(phase: RunPhase, error?: string): void {
    if (!this.traced || phase === 'done') return;
    this.traced = null;
    if (error === 'trace_unavailable') return this.turnOff();
    this.status(phase === 'stopped' ? null : 'tl.unreachable');
  }

  /**
   * aria-disabled rather than disabled: the button stays reachable by keyboard and describes itself
   * by the reason, which stays under the editor.
   */
  private turnOff(): void {
    this.unavailable = true;
    this.status('tl.unavailable');
    const button = this.opts.button;
    button.setAttribute('aria-disabled', 'true');
    const note = this.opts.host.querySelector<HTMLElement>('.pg-timeline-status');
    if (note) button.setAttribute('aria-describedby', note.id);
  }

  /** A run's result came: a traced run's timeline opens. */
  resultShown(result: RunResult): void {
    if (!this.traced) return;
    const files = this.traced;
    this.traced = null;
    void this.open(result, files);
  }

  /** Closes the panel (and clears its status line); refocus: the learner closed it, from inside it. */
  close(refocus: boolean): void {
    if (this.view) {
      this.view.destroy();
      this.view = null;
      this.opts.onClosed();
      delete this.opts.element.dataset.timeline;
    }
    this.status(this.unavailable ? 'tl.unavailable' : null);
    if (refocus) this.opts.button.focus();
  }

  /** Shows the timeline of a traced run's result, or says why there is none. */
  private async open(result: RunResult, files: Files): Promise<void> {
    const trace = result.trace;
    // A runner that does not trace yet answers without `trace`: said honestly, not drawn.
    if (!trace) return this.status('tl.none');
    if ('missing' in trace) return this.status(missingKey(trace.missing, result));
    const { createTimelineView } = await import('../timeline/timeline-view.ts');
    this.view = createTimelineView({
      locale: this.opts.locale,
      timeline: trace.timeline,
      sources: { files },
      result,
      onSelect: this.opts.onSelect,
      onClose: () => this.close(true),
    });
    this.status(null);
    this.opts.host.append(this.view.el);
    this.opts.element.dataset.timeline = 'open';
  }

  /** Puts a line (loading, or why there is no timeline) in the timeline's place; null clears it. */
  private status(key: TimelineKey | null): void {
    const host = this.opts.host;
    let status = host.querySelector<HTMLElement>('.pg-timeline-status');
    if (!status) {
      status = document.createElement('p');
      status.className = 'pg-timeline-status';
      status.id = `${this.opts.element.id || 'pg'}-timeline-status-${Math.random().toString(36).slice(2, 8)}`;
      status.setAttribute('role', 'status');
      host.prepend(status);
    }
    status.textContent = key === null ? '' : t(this.opts.locale, key);
    status.hidden = key === null;
    host.hidden = key === null && !this.view;
  }
}
