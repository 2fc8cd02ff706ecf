/**
 * One streamed run at a time: sends the request over the run socket, feeds every message to the
 * run machine and the terminal, words a stop and an unreachable runner, and stops the run when
 * asked. The playground's view learns of each state through onState; the result through onResult.
 * N.B. BROWSER CODE.
 */
import type { RunRequest, RunResult } from '../../contract/run.ts';
import type { StreamMessage } from '../../contract/stream.ts';
import { errorText, t, type Locale } from '../i18n/index.ts';
import { stopText } from '../i18n/run-texts.ts';
import { INITIAL_RUN, isBusy, reduceRun, statusText, type RunEvent, type RunState } from './run-machine.ts';
import { startRun, type RunHandle } from '../api/run-stream.ts';
import type { OutputPane } from './output-pane.ts';

export interface RunControllerOptions {
  locale: Locale;
  output: OutputPane;
  /** Every new state with its status line. */
  onState: (state: RunState, statusLine: string) => void;
  /** The status line alone: the elapsed time ticking, or why the runner cannot be reached. */
  onStatus: (text: string) => void;
  /** A run ended with a result. */
  onResult: (result: RunResult) => void;
}

/** How often the elapsed time in the status line is redrawn. */
const TICK_MS = 250;

export class RunController {
  private state: RunState = INITIAL_RUN;
  private handle: RunHandle | null = null;
  private tick = 0;
  /** Counts starts, so a run stopped and started again while xterm loads opens one socket. */
  private runs = 0;

  private readonly opts: RunControllerOptions;

  constructor(opts: RunControllerOptions) {
    this.opts = opts;
  }

  busy(): boolean {
    return isBusy(this.state);
  }

  /** Starts a run unless one is in flight. */
  start(request: RunRequest): void {
    if (this.busy()) return;
    const { output } = this.opts;
    const run = ++this.runs;
    output.clearLog();
    this.set({ type: 'start', at: performance.now(), race: request.race ?? true });
    this.tick = window.setInterval(() => this.opts.onStatus(this.statusLine()), TICK_MS);
    void output.ready().then((term) => {
      // Stopped (or stopped and restarted) while the terminal was loading: nothing to send.
      if (run !== this.runs || !this.busy()) return;
      term.clear();
      this.handle = startRun(
        request,
        (message) => this.receive(message),
        () => {
          this.set({ type: 'unreachable', at: performance.now() });
          void this.explainUnavailable();
        },
        () => {
          this.set({ type: 'invalid', at: performance.now() });
          output.write(`\n${t(this.opts.locale, 'pg.invalidMessage')}\n`, 'info');
        },
      );
    });
  }

  /** Stops the run in flight: closing the socket stops it on the server too. */
  stop(): void {
    this.handle?.stop();
    this.handle = null;
    this.set({ type: 'stop', at: performance.now() });
    this.opts.output.write(`\n[${t(this.opts.locale, 'pg.status.stopped')}]\n`, 'info');
  }

  /** The element left the page: end the run and the ticking. */
  dispose(): void {
    this.handle?.stop();
    window.clearInterval(this.tick);
  }

  private receive(message: StreamMessage): void {
    const { output, locale } = this.opts;
    if (message.type === 'output') output.write(message.data, message.stream);
    // The stop's account, worded here: the runtime dump it stands for was cut on the server.
    if (message.type === 'stopped')
      output.write(stopText(locale, message.code, message.goroutines), 'stderr');
    this.set({ type: 'message', at: performance.now(), message });
    // Why code cannot run here, in the page's words (the server's English is for API users and logs).
    if (message.type === 'error' && message.error === 'runner_unavailable')
      output.write(`${errorText(locale, { code: message.error, params: message.params })}\n`, 'info');
  }

  private statusLine(): string {
    return statusText(this.state, this.opts.locale, performance.now());
  }

  private set(event: RunEvent): void {
    this.state = reduceRun(this.state, event);
    this.opts.onState(this.state, this.statusLine());
    if (this.state.phase === 'done' && this.state.result) this.opts.onResult(this.state.result);
    if (!this.busy()) window.clearInterval(this.tick);
  }

  /** Asks the server's health why the socket failed: no sandbox here, or no server at all. */
  private async explainUnavailable(): Promise<void> {
    const { locale, output } = this.opts;
    // Loaded now rather than with the page: see components/api/runs.ts.
    const health = await import('../api/runs.ts').then(({ fetchHealth }) => fetchHealth()).catch(() => null);
    const text =
      health && !health.sandbox.available
        ? t(locale, 'pg.unavailable', { reason: health.sandbox.reason })
        : t(locale, 'pg.unreachable');
    this.opts.onStatus(text);
    output.write(`${text}\n`, 'info');
  }
}
