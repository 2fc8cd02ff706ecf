/**
 * Where a run's text goes: the xterm terminal (loaded on first use, it is large) and a hidden
 * role="log" mirror of the same text, because a screen reader cannot read xterm's canvas.
 * N.B. BROWSER CODE.
 */
import type { OutputTerminal } from '../terminal/xterm.ts';

/** The mirror keeps the tail only: a runaway loop must not grow the page without end. */
const LOG_CHARS = 20_000;

export class OutputPane {
  private terminal: OutputTerminal | null = null;

  private readonly host: HTMLElement;
  private readonly log: HTMLElement;

  constructor(host: HTMLElement, log: HTMLElement) {
    this.host = host;
    this.log = log;
  }

  /** Returns the terminal, creating it (and showing its host) the first time. */
  async ready(): Promise<OutputTerminal> {
    if (this.terminal) return this.terminal;
    const { createTerminal } = await import('../terminal/xterm.ts');
    this.host.hidden = false;
    this.terminal = createTerminal(this.host);
    return this.terminal;
  }

  /** Empties the screen-reader log (the terminal is cleared once it is ready, see clear). */
  clearLog(): void {
    this.log.textContent = '';
  }

  /** Empties both the terminal and the log. */
  async clear(): Promise<void> {
    const term = await this.ready();
    term.clear();
    this.clearLog();
  }

  /** Writes text to the terminal (if it is there yet) and to the log. */
  write(text: string, stream: 'stdout' | 'stderr' | 'info'): void {
    this.terminal?.write(text, stream);
    this.log.textContent = (this.log.textContent + text).slice(-LOG_CHARS);
  }
}
