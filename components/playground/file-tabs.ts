/**
 * The playground's files and their tabs: which files there are, which the page started with (for
 * Reset) and which one is shown; draws the tablist (arrow keys move between tabs, as the ARIA
 * tabs pattern asks) and, before the editor has loaded, shows the matching block of static code.
 * N.B. BROWSER CODE.
 */
import { tabAfter, type Files } from './playground-data.ts';

export interface FileTabsOptions {
  tablist: HTMLElement;
  /** The id of the panel every tab controls (the editor host). */
  panelId: string;
  /** The server-rendered code, one [data-file] block per file. */
  staticCode: HTMLElement;
  /** Called after a tab was chosen, to show that file in the editor. */
  onShow: (name: string) => void;
}

export class FileTabs {
  /** The files as last set here; once the editor has loaded, the editor holds the edits. */
  files: Files;
  /** The files Reset goes back to. */
  original: Files;
  current: string;

  private readonly opts: FileTabsOptions;

  constructor(opts: FileTabsOptions, files: Files) {
    this.opts = opts;
    this.files = { ...files };
    this.original = { ...files };
    this.current = Object.keys(files)[0] ?? 'main.go';
  }

  /** Starts over with new files (an example, a shared link): they become what Reset restores. */
  load(files: Files): void {
    this.files = { ...files };
    this.original = { ...files };
    this.current = Object.keys(files)[0]!;
    this.render();
  }

  /** Goes back to the files the playground was given. */
  reset(): Files {
    this.files = { ...this.original };
    this.render();
    return this.files;
  }

  /** Shows the file called name. */
  show(name: string): void {
    this.current = name;
    this.opts.onShow(name);
    for (const block of this.opts.staticCode.querySelectorAll<HTMLElement>('[data-file]'))
      block.hidden = block.dataset.file !== name;
    this.render();
  }

  /** Draws one tab per file; only the current one is in the tab order. */
  render(): void {
    const names = Object.keys(this.files);
    this.opts.tablist.replaceChildren(...names.map((name) => this.tab(name, names)));
  }

  private tab(name: string, names: string[]): HTMLButtonElement {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.className = 'pg-tab';
    tab.textContent = name;
    tab.setAttribute('aria-selected', String(name === this.current));
    tab.setAttribute('aria-controls', this.opts.panelId);
    tab.tabIndex = name === this.current ? 0 : -1;
    tab.addEventListener('click', () => this.show(name));
    tab.addEventListener('keydown', (e) => {
      const next = tabAfter(names, name, e.key);
      if (!next) return;
      e.preventDefault();
      this.show(next);
      this.opts.tablist.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    });
    return tab;
  }
}
