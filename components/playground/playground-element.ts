/**
 * <lockstep-playground>: upgrades a highlighted Go snippet into an editor with Run / Test /
 * Format / Vet, a race-detector switch, Reset, Copy, Share and "Open in playground"; streams the
 * run into a terminal and draws the result on the code. Monaco and xterm load only when needed.
 * N.B. BROWSER CODE.
 */
import type { RunRequest, RunResult } from '../../playground/src/contract/run.ts';
import { localeOf, t, type Locale, type UiKey } from '../i18n/ui.ts';
import { stopText } from '../i18n/run-texts.ts';
import { annotate } from './annotations.ts';
import { INITIAL_RUN, isBusy, reduceRun, statusText, type RunEvent, type RunState } from './run-machine.ts';
import { fetchHealth, runOnce, startRun, type RunHandle } from './run-client.ts';
import { renderReport } from './report-view.ts';
import { decodeShare, encodeShare } from './share.ts';
import type { EditorSession } from '../editor/session.ts';
import type { OutputTerminal } from '../terminal/xterm.ts';

interface PlaygroundData {
  files: Record<string, string>;
  action: 'run' | 'test';
  expect?: string;
  title?: string;
  height?: number;
  readonly?: boolean;
  norace?: boolean;
  /** Full-page playground: restore a shared link from the URL fragment, allow adding files. */
  page?: boolean;
  /** Files shown but not editable (an exercise's tests and go.mod). */
  readonlyFiles?: string[];
  /** Inside an exercise: no Share / Open in playground (the exercise page is the place). */
  embedded?: boolean;
  /** Full-page playground: the course's examples for the picker. */
  examples?: {
    id: string;
    title: string;
    files: Record<string, string>;
    action: 'run' | 'test';
    race: boolean;
  }[];
  example?: string;
}

function decodeData(attr: string | null): PlaygroundData | null {
  if (!attr) return null;
  try {
    const bytes = Uint8Array.from(atob(attr), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as PlaygroundData;
  } catch {
    return null;
  }
}

function button(
  label: string,
  opts: { title?: string; className?: string; keys?: string } = {},
): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = `pg-button ${opts.className ?? ''}`.trim();
  if (opts.title) b.title = opts.title;
  if (opts.keys) b.setAttribute('aria-keyshortcuts', opts.keys);
  return b;
}

export class LockstepPlayground extends HTMLElement {
  private data!: PlaygroundData;
  private locale: Locale = 'en';
  private original: Record<string, string> = {};
  private files: Record<string, string> = {};
  private current = '';
  private session: EditorSession | null = null;
  private sessionLoading: Promise<EditorSession> | null = null;
  private terminal: OutputTerminal | null = null;
  private runState: RunState = INITIAL_RUN;
  private handle: RunHandle | null = null;
  private tick = 0;
  private ui!: {
    tabs: HTMLElement;
    code: HTMLElement;
    editorHost: HTMLElement;
    run: HTMLButtonElement;
    test: HTMLButtonElement;
    stop: HTMLButtonElement;
    format: HTMLButtonElement;
    vet: HTMLButtonElement;
    race: HTMLInputElement;
    share: HTMLButtonElement;
    copy: HTMLButtonElement;
    status: HTMLElement;
    progress: HTMLElement;
    termHost: HTMLElement;
    log: HTMLElement;
    report: HTMLElement;
    note: HTMLElement;
  };

  t(key: UiKey, params?: Record<string, string | number>): string {
    return t(this.locale, key, params);
  }

  connectedCallback(): void {
    if (this.ui) return;
    const data = decodeData(this.getAttribute('data-playground'));
    if (!data) return;
    this.data = data;
    this.locale = localeOf(document.documentElement.lang);
    this.original = { ...data.files };
    this.files = { ...data.files };
    this.current = Object.keys(this.files)[0] ?? 'main.go';
    this.build();
    if (data.page) void this.restoreShared();
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          void this.ensureEditor();
        }
      },
      { rootMargin: '200px' },
    );
    io.observe(this);
  }

  disconnectedCallback(): void {
    this.handle?.stop();
    window.clearInterval(this.tick);
  }

  private build(): void {
    const id = `pg-${Math.random().toString(36).slice(2, 8)}`;
    const staticCode = [...this.childNodes];
    const code = document.createElement('div');
    code.className = 'pg-code';
    code.tabIndex = 0;
    code.setAttribute('role', 'region');
    code.setAttribute('aria-label', this.t('pg.editor.label', { file: this.current }));
    code.append(...staticCode);
    code.addEventListener('focus', () => void this.ensureEditor().then((s) => s.focus()), { once: true });

    const header = document.createElement('div');
    header.className = 'pg-header';
    if (this.data.title) {
      const title = document.createElement('span');
      title.className = 'pg-title';
      title.textContent = this.data.title;
      header.append(title);
    }
    if (this.data.examples?.length) header.append(this.examplePicker(this.data.examples));
    const tabs = document.createElement('div');
    tabs.className = 'pg-tabs';
    tabs.setAttribute('role', 'tablist');
    tabs.setAttribute('aria-label', this.t('pg.files'));
    header.append(tabs);
    if (this.data.page) {
      const add = button(`+ ${this.t('pg.newfile')}`, { className: 'pg-add' });
      add.addEventListener('click', () => this.addFile());
      header.append(add);
    }

    const editorHost = document.createElement('div');
    editorHost.className = 'pg-editor';
    editorHost.hidden = true;
    editorHost.id = `${id}-editor`;
    const lines = Math.max(...Object.values(this.files).map((f) => f.split('\n').length));
    editorHost.style.height = `${Math.min(this.data.height ?? lines + 1, 32) * 21 + 12}px`;

    const toolbar = document.createElement('div');
    toolbar.className = 'pg-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', this.data.title ?? this.t('pg.editor.label', { file: this.current }));
    const run = button(this.t('pg.run'), {
      title: this.t('pg.run.title'),
      className: 'pg-primary',
      keys: 'Control+Enter',
    });
    const test = button(this.t('pg.test'), { title: this.t('pg.test.title'), keys: 'Control+Shift+Enter' });
    const stop = button(this.t('pg.stop'));
    stop.disabled = true;
    const format = button(this.t('pg.format'));
    const vet = button(this.t('pg.vet'));
    const raceLabel = document.createElement('label');
    raceLabel.className = 'pg-switch';
    const race = document.createElement('input');
    race.type = 'checkbox';
    race.checked = !this.data.norace;
    raceLabel.append(race, document.createTextNode(` ${this.t('pg.race')}`));
    const reset = button(this.t('pg.reset'));
    const copy = button(this.t('pg.copy'));
    const share = button(this.t('pg.share'));
    const open = document.createElement('a');
    open.className = 'pg-button pg-link';
    open.textContent = this.t('pg.open');
    open.href = this.playgroundUrl();
    const hasTests = Object.keys(this.files).some((f) => f.endsWith('_test.go'));
    test.hidden = !hasTests;
    toolbar.append(run, test, stop, format, vet, raceLabel, reset, copy);
    if (!this.data.embedded) toolbar.append(share, open);

    const hint = document.createElement('p');
    hint.className = 'pg-hint';
    hint.id = `${id}-hint`;
    hint.textContent = this.t('pg.editor.hint');
    code.setAttribute('aria-describedby', hint.id);

    const statusRow = document.createElement('div');
    statusRow.className = 'pg-statusrow';
    const progress = document.createElement('span');
    progress.className = 'pg-progress';
    progress.hidden = true;
    progress.setAttribute('aria-hidden', 'true');
    const status = document.createElement('span');
    status.className = 'pg-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.textContent = this.t('pg.status.idle');
    statusRow.append(progress, status);

    const note = document.createElement('p');
    note.className = 'pg-note';
    note.setAttribute('aria-live', 'polite');
    note.hidden = true;

    const termHost = document.createElement('div');
    termHost.className = 'pg-terminal';
    termHost.hidden = true;
    termHost.setAttribute('aria-hidden', 'true');
    const log = document.createElement('pre');
    log.className = 'sr-only pg-log';
    log.setAttribute('role', 'log');
    log.setAttribute('aria-label', this.t('pg.terminal.label'));
    const report = document.createElement('div');
    report.className = 'pg-report';

    this.append(header, code, editorHost, hint, toolbar, statusRow, note, termHost, log, report);
    this.ui = {
      tabs,
      code,
      editorHost,
      run,
      test,
      stop,
      format,
      vet,
      race,
      share,
      copy,
      status,
      progress,
      termHost,
      log,
      report,
      note,
    };
    this.renderTabs();

    run.addEventListener('click', () => this.start('run'));
    test.addEventListener('click', () => this.start('test'));
    stop.addEventListener('click', () => this.stopRun());
    format.addEventListener('click', () => void this.format());
    vet.addEventListener('click', () => void this.vet());
    reset.addEventListener('click', () => this.reset());
    copy.addEventListener('click', () => void this.copy());
    share.addEventListener('click', () => void this.share());
    this.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !this.session) {
        e.preventDefault();
        this.start(e.shiftKey ? 'test' : this.data.action);
      }
    });
  }

  private renderTabs(): void {
    const names = Object.keys(this.files);
    this.ui.tabs.replaceChildren(
      ...names.map((name) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.className = 'pg-tab';
        tab.textContent = name;
        tab.setAttribute('aria-selected', String(name === this.current));
        tab.setAttribute('aria-controls', this.ui.editorHost.id);
        tab.tabIndex = name === this.current ? 0 : -1;
        tab.addEventListener('click', () => this.showFile(name));
        tab.addEventListener('keydown', (e) => {
          const i = names.indexOf(name);
          const next =
            e.key === 'ArrowRight'
              ? names[(i + 1) % names.length]
              : e.key === 'ArrowLeft'
                ? names[(i - 1 + names.length) % names.length]
                : null;
          if (next) {
            e.preventDefault();
            this.showFile(next);
            (this.ui.tabs.querySelector(`[aria-selected="true"]`) as HTMLElement | null)?.focus();
          }
        });
        return tab;
      }),
    );
  }

  private examplePicker(examples: NonNullable<PlaygroundData['examples']>): HTMLElement {
    const label = document.createElement('label');
    label.className = 'pg-picker';
    const select = document.createElement('select');
    select.setAttribute('aria-label', this.t('pg.example.label'));
    for (const ex of examples) {
      const option = document.createElement('option');
      option.value = ex.id;
      option.textContent = ex.title;
      option.selected = ex.id === this.data.example;
      select.append(option);
    }
    select.addEventListener('change', () => {
      const ex = examples.find((e) => e.id === select.value);
      if (ex) void this.loadFiles(ex.files, ex.action, ex.race);
    });
    label.append(document.createTextNode(`${this.t('pg.example')} `), select);
    return label;
  }

  private async loadFiles(
    files: Record<string, string>,
    action: 'run' | 'test' = 'run',
    race = true,
  ): Promise<void> {
    this.files = { ...files };
    this.original = { ...files };
    this.data.action = action;
    this.ui.race.checked = race;
    this.current = Object.keys(files)[0]!;
    this.ui.test.hidden = !Object.keys(files).some((f) => f.endsWith('_test.go'));
    this.ui.report.replaceChildren();
    this.renderTabs();
    const session = await this.ensureEditor();
    session.setFiles(files);
    session.annotate([]);
    session.show(this.current);
  }

  private addFile(): void {
    const name = window.prompt(this.t('pg.newfile.prompt'), 'extra.go')?.trim();
    if (!name || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*\.(go|mod|sum|txt)$/.test(name)) return;
    const files = this.currentFiles();
    if (name in files) return this.showFile(name);
    const pkg = /^package\s+(\w+)/m.exec(Object.values(files)[0] ?? '')?.[1] ?? 'main';
    files[name] = name.endsWith('.go') ? `package ${pkg}\n` : '';
    this.files = files;
    this.ui.test.hidden = !Object.keys(files).some((f) => f.endsWith('_test.go'));
    void this.ensureEditor().then((s) => {
      s.setFiles(files);
      this.showFile(name);
    });
  }

  private showFile(name: string): void {
    this.current = name;
    this.session?.show(name);
    for (const block of this.ui.code.querySelectorAll<HTMLElement>('[data-file]'))
      block.hidden = block.dataset.file !== name;
    this.renderTabs();
  }

  private ensureEditor(): Promise<EditorSession> {
    this.sessionLoading ??= import('../editor/session.ts').then(({ createSession }) => {
      this.ui.editorHost.hidden = false;
      const session = createSession({
        host: this.ui.editorHost,
        files: this.files,
        readOnly: Boolean(this.data.readonly),
        readOnlyFiles: new Set(this.data.readonlyFiles ?? []),
        ariaLabel: (file) => this.t('pg.editor.label', { file }),
        onRun: () => this.start(this.data.action),
        onTest: () => this.start('test'),
        onChange: () => this.changed(),
      });
      session.show(this.current);
      this.ui.code.hidden = true;
      this.session = session;
      return session;
    });
    return this.sessionLoading;
  }

  private currentFiles(): Record<string, string> {
    return this.session ? this.session.files() : { ...this.files };
  }

  private changeTimer = 0;

  /** Tells the page (e.g. an exercise saving progress) that the code changed, at most every 800 ms. */
  private changed(): void {
    window.clearTimeout(this.changeTimer);
    this.changeTimer = window.setTimeout(
      () => this.dispatchEvent(new CustomEvent('pg-change', { bubbles: true })),
      800,
    );
  }

  /** The files as the learner has them now. */
  getFiles(): Record<string, string> {
    return this.currentFiles();
  }

  /** Replaces the files in the editor (e.g. restoring saved code or showing a solution). */
  async replaceFiles(files: Record<string, string>): Promise<void> {
    this.files = { ...this.currentFiles(), ...files };
    const session = await this.ensureEditor();
    session.setFiles(this.files);
    session.annotate([]);
  }

  /** Draws a result produced elsewhere (a grade's run) on the code and in the report; the caller lists tests itself. */
  async showRunResult(result: RunResult): Promise<void> {
    const term = await this.terminalReady();
    term.clear();
    this.ui.log.textContent = '';
    this.write(result.stdout, 'stdout');
    this.write(result.stderr, 'stderr');
    if (result.stop) this.write(stopText(this.locale, result.stop.code, result.goroutines), 'stderr');
    this.showResult(result, { tests: false });
    this.ui.status.textContent = this.t(`pg.verdict.${result.status}` as UiKey);
  }

  private setRun(event: RunEvent): void {
    this.runState = reduceRun(this.runState, event);
    const busy = isBusy(this.runState);
    this.ui.run.disabled = busy;
    this.ui.test.disabled = busy;
    this.ui.format.disabled = busy;
    this.ui.vet.disabled = busy;
    this.ui.stop.disabled = !busy;
    this.ui.progress.hidden = !(busy && this.runState.phase !== 'running');
    this.toggleAttribute('data-busy', busy);
    this.ui.status.textContent = statusText(this.runState, this.locale, performance.now());
    if (this.runState.phase === 'done' && this.runState.result) this.showResult(this.runState.result);
    if (!busy) window.clearInterval(this.tick);
  }

  private async terminalReady(): Promise<OutputTerminal> {
    if (this.terminal) return this.terminal;
    const { createTerminal } = await import('../terminal/xterm.ts');
    this.ui.termHost.hidden = false;
    this.terminal = createTerminal(this.ui.termHost);
    return this.terminal;
  }

  private write(text: string, stream: 'stdout' | 'stderr' | 'info'): void {
    this.terminal?.write(text, stream);
    this.ui.log.textContent = (this.ui.log.textContent + text).slice(-20_000);
  }

  private start(action: 'run' | 'test'): void {
    if (isBusy(this.runState)) return;
    const files = this.currentFiles();
    const race = this.ui.race.checked;
    const request: RunRequest = { files, action, race };
    this.ui.report.replaceChildren();
    this.ui.note.hidden = true;
    this.session?.annotate([]);
    this.ui.log.textContent = '';
    this.setRun({ type: 'start', at: performance.now(), race });
    this.tick = window.setInterval(
      () => (this.ui.status.textContent = statusText(this.runState, this.locale, performance.now())),
      250,
    );
    void this.terminalReady().then((term) => {
      term.clear();
      this.handle = startRun(
        request,
        (message) => {
          if (message.type === 'output') this.write(message.data, message.stream);
          // The stop's account, worded here: the runtime dump it stands for was cut on the server.
          if (message.type === 'stopped')
            this.write(stopText(this.locale, message.code, message.goroutines), 'stderr');
          this.setRun({ type: 'message', at: performance.now(), message });
          if (message.type === 'error' && message.error === 'runner_unavailable')
            this.write(`${message.message}\n`, 'info');
        },
        () => {
          this.setRun({ type: 'unreachable', at: performance.now() });
          void this.explainUnavailable();
        },
        () => {
          this.setRun({ type: 'invalid', at: performance.now() });
          this.write(`\n${this.t('pg.invalidMessage')}\n`, 'info');
        },
      );
    });
  }

  private stopRun(): void {
    this.handle?.stop();
    this.handle = null;
    this.setRun({ type: 'stop', at: performance.now() });
    this.write(`\n[${this.t('pg.status.stopped')}]\n`, 'info');
  }

  private async explainUnavailable(): Promise<void> {
    const health = await fetchHealth();
    const text =
      health && !health.sandbox.available
        ? this.t('pg.unavailable', { reason: health.sandbox.reason })
        : this.t('pg.unreachable');
    this.ui.status.textContent = text;
    this.write(`${text}\n`, 'info');
  }

  private showResult(result: RunResult, options: { tests?: boolean } = {}): void {
    // The terminal already holds the result's text: the stream carries it as the run writes it
    // (tests as `go test -v` prints them, a SIGQUIT dump as its summary), so it is never redrawn.
    const names = new Set(Object.keys(this.currentFiles()));
    const annotations = annotate(result, names, {
      raceHover: (op, g, otherOp, og) =>
        this.t('pg.race.hover', { op, goroutine: g, otherOp, otherGoroutine: og }),
      op: (op) => this.t(op === 'write' ? 'pg.op.write' : 'pg.op.read'),
      blocked: (id, state) => this.t('pg.goroutine', { id, state }),
      goexit: () => this.t('pg.goexit.hover'),
      refused: (code) => this.t(`pg.refused.${code}`),
    });
    if (annotations.length > 0) void this.ensureEditor().then((s) => s.annotate(annotations));
    renderReport(
      this.ui.report,
      result,
      names,
      this.locale,
      (file, line) => void this.ensureEditor().then((s) => s.reveal(file, line)),
      options,
    );
    this.dataset.status = result.status;
  }

  private async format(): Promise<void> {
    const res = await runOnce({ files: this.currentFiles(), action: 'fmt' });
    if (!res.ok)
      return this.flash(
        res.status === 0 ? this.t('pg.unreachable') : this.t('pg.error', { message: res.message }),
      );
    if (res.result.status === 'ok' && res.result.files) {
      const session = await this.ensureEditor();
      session.setFiles({ ...this.currentFiles(), ...res.result.files });
      this.flash(this.t('pg.formatted'));
    } else {
      this.showResult(res.result);
      this.ui.status.textContent = this.t(`pg.verdict.${res.result.status}` as UiKey);
    }
  }

  private async vet(): Promise<void> {
    const res = await runOnce({ files: this.currentFiles(), action: 'vet' });
    if (!res.ok)
      return this.flash(
        res.status === 0 ? this.t('pg.unreachable') : this.t('pg.error', { message: res.message }),
      );
    this.showResult(res.result);
    this.ui.status.textContent = this.t(`pg.verdict.${res.result.status}` as UiKey);
  }

  private reset(): void {
    if (!window.confirm(this.t('pg.reset.confirm'))) return;
    this.files = { ...this.original };
    this.session?.setFiles(this.files);
    this.session?.annotate([]);
    this.ui.report.replaceChildren();
    this.renderTabs();
  }

  private async copy(): Promise<void> {
    await navigator.clipboard
      ?.writeText(this.currentFiles()[this.session?.current() ?? this.current] ?? '')
      .catch(() => undefined);
    this.flash(this.t('pg.copied'));
  }

  private playgroundUrl(fragment = ''): string {
    const prefix = this.locale === 'en' ? '' : `/${this.locale}`;
    return `${prefix}/playground/${fragment ? `#${fragment}` : ''}`;
  }

  private async share(): Promise<void> {
    try {
      const url = new URL(this.playgroundUrl(await encodeShare(this.currentFiles())), location.href).href;
      await navigator.clipboard?.writeText(url).catch(() => undefined);
      this.dataset.shareUrl = url;
      this.flash(`${this.t('pg.shared')}: ${url}`);
    } catch (error) {
      this.flash((error as Error).message);
    }
  }

  private async restoreShared(): Promise<void> {
    const files = await decodeShare(location.hash);
    if (!files) return;
    await this.loadFiles(files);
    this.flash(this.t('pg.share.restored'));
  }

  private flash(text: string): void {
    this.ui.note.hidden = false;
    this.ui.note.textContent = text;
  }
}

if (!customElements.get('lockstep-playground'))
  customElements.define('lockstep-playground', LockstepPlayground);
