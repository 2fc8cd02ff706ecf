/**
 * Loads xterm on demand and creates a read-only terminal that follows the site theme. Its
 * stylesheet is injected from this lazy chunk. Output is also mirrored as text by the caller for
 * screen readers (xterm's own screen-reader mode reads keystrokes of an interactive shell, which
 * a program's output pane does not have).
 * N.B. BROWSER CODE, imported dynamically.
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';

const LIGHT = {
  background: '#f6f7f9',
  foreground: '#1f2328',
  cursor: '#f6f7f9',
  selectionBackground: '#b6d6fd',
};
const DARK = {
  background: '#16181d',
  foreground: '#e6edf3',
  cursor: '#16181d',
  selectionBackground: '#264f78',
};

let styled = false;

export interface OutputTerminal {
  write(text: string, stream: 'stdout' | 'stderr' | 'info'): void;
  clear(): void;
  fit(): void;
  dispose(): void;
}

/** Creates a terminal inside host. */
export function createTerminal(host: HTMLElement): OutputTerminal {
  if (!styled) {
    styled = true;
    const style = document.createElement('style');
    style.dataset.lockstep = 'xterm';
    style.textContent = xtermCss;
    document.head.append(style);
  }
  const isDark = () => document.documentElement.dataset.theme === 'dark';
  const term = new Terminal({
    convertEol: true,
    disableStdin: true,
    cursorBlink: false,
    cursorStyle: 'bar',
    cursorInactiveStyle: 'none',
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 13,
    scrollback: 5000,
    theme: isDark() ? DARK : LIGHT,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  // The pane is output only: keep xterm's hidden textarea out of the tab order and away from AT.
  const textarea = host.querySelector('textarea');
  if (textarea) {
    textarea.tabIndex = -1;
    textarea.setAttribute('aria-hidden', 'true');
  }
  const observer = new MutationObserver(() => (term.options.theme = isDark() ? DARK : LIGHT));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const resize = new ResizeObserver(() => fit.fit());
  resize.observe(host);
  fit.fit();
  return {
    write(text, stream) {
      if (stream === 'stderr') term.write(`\x1b[31m${text}\x1b[0m`);
      else if (stream === 'info') term.write(`\x1b[2m${text}\x1b[0m`);
      else term.write(text);
    },
    clear() {
      term.reset();
    },
    fit() {
      fit.fit();
    },
    dispose() {
      observer.disconnect();
      resize.disconnect();
      term.dispose();
    },
  };
}
