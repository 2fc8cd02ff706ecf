/**
 * <lockstep-playground>: upgrades a highlighted Go snippet into an editor with Run / Test /
 * Format / Vet, a race-detector switch, Reset, Copy, Share and "Open in playground"; streams the
 * run into a terminal and draws the result on the code. Monaco and xterm load only when needed.
 * This file wires the parts together and holds the public API other components use (getFiles,
 * replaceFiles, showRunResult, the pg-change event): the DOM is built in playground-view.ts, the
 * files and tabs live in file-tabs.ts, a streamed run in run-controller.ts, the Timeline action's
 * traced run and panel in timeline-controller.ts.
 * N.B. BROWSER CODE.
 */
import type { Action, RunResult } from '../../contract/run.ts';
import { pageLocale, t, type Locale, type UiKey } from '../i18n/index.ts';
import { stopText } from '../i18n/run-texts.ts';
import { hiddenSourceWorded } from '../i18n/grade-texts.ts';
import { drawResult } from './draw-result.ts';
import { runTool } from './tool-action.ts';
import { whenNearViewport } from './near-viewport.ts';
import { decodeShare, encodeShare, playgroundUrl } from './share.ts';
import { decodeData, hasTests, newFileSource, type Files, type PlaygroundData } from './playground-data.ts';
import { buildView, markShared, showRunState, verdictText, type PlaygroundUi } from './playground-view.ts';
import { FileTabs } from './file-tabs.ts';
import { OutputPane } from './output-pane.ts';
import { RunController } from './run-controller.ts';
import { TimelineController } from './timeline-controller.ts';
import type { EditorSession } from '../editor/session.ts';
import type { Place } from '../timeline/model.ts';

/** pg-change fires at most this often while the learner types. */
const CHANGE_DEBOUNCE_MS = 800;

export class LockstepPlayground extends HTMLElement {
  private data!: PlaygroundData;
  private locale: Locale = 'en';
  private ui!: PlaygroundUi;
  private tabs!: FileTabs;
  private output!: OutputPane;
  private runs!: RunController;
  private timelines!: TimelineController;
  private session: EditorSession | null = null;
  private sessionLoading: Promise<EditorSession> | null = null;
  private changeTimer = 0;

  t(key: UiKey, params?: Record<string, string | number>): string {
    return t(this.locale, key, params);
  }

  connectedCallback(): void {
    if (this.ui) return;
    const data = decodeData(this.getAttribute('data-playground'));
    if (!data) return;
    this.data = data;
    this.locale = pageLocale();
    const first = Object.keys(data.files)[0] ?? 'main.go';
    this.ui = buildView(this, data, this.locale, first);
    this.tabs = new FileTabs(
      {
        tablist: this.ui.tabs,
        panelId: this.ui.editorHost.id,
        staticCode: this.ui.code,
        onShow: (name) => this.session?.show(name),
      },
      data.files,
    );
    this.tabs.render();
    void this.ui.goNote.show(data.go);
    this.output = new OutputPane(this.ui.termHost, this.ui.log);
    this.timelines = new TimelineController({
      locale: this.locale,
      host: this.ui.timelineHost,
      button: this.ui.timeline,
      element: this,
      onSelect: (place) => this.markPlace(place),
      onClosed: () => this.session?.mark(null),
    });
    this.runs = new RunController({
      locale: this.locale,
      output: this.output,
      onState: (state, line) => {
        showRunState(this.ui, state, line);
        this.toggleAttribute('data-busy', this.runs.busy());
        if (!this.runs.busy()) this.timelines.runEnded(state.phase, state.error?.code);
      },
      onStatus: (text) => (this.ui.status.textContent = text),
      onResult: (result) => this.showResult(result),
    });
    this.wire();
    if (data.page) void this.restoreShared();
    // The editor loads as the playground comes near the viewport, not with the page.
    whenNearViewport(this, () => void this.ensureEditor());
  }

  disconnectedCallback(): void {
    this.runs?.dispose();
  }

  private wire(): void {
    const ui = this.ui;
    ui.code.addEventListener('focus', () => void this.ensureEditor().then((s) => s.focus()), { once: true });
    ui.picker?.addEventListener('change', () => {
      const ex = this.data.examples?.find((e) => e.id === ui.picker?.value);
      if (ex) void this.loadFiles(ex.files, ex.action, ex.race).then(() => this.ui.goNote.show(ex.go));
    });
    ui.add?.addEventListener('click', () => this.addFile());
    ui.run.addEventListener('click', () => this.start('run'));
    ui.test.addEventListener('click', () => this.start('test'));
    ui.stop.addEventListener('click', () => this.runs.stop());
    // Timeline runs what Run (or Test, in a test playground) runs, traced, and opens the timeline.
    ui.timeline.addEventListener('click', () => this.start(this.data.action, true));
    ui.format.addEventListener('click', () => void this.tool('fmt'));
    ui.vet.addEventListener('click', () => void this.tool('vet'));
    ui.reset.addEventListener('click', () => this.reset());
    ui.copy.addEventListener('click', () => void this.copy());
    ui.share.addEventListener('click', () => void this.share());
    // Before Monaco has loaded (it has its own key bindings), the shortcuts work on the static code.
    this.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !this.session) {
        e.preventDefault();
        this.start(e.shiftKey ? 'test' : this.data.action);
      }
    });
  }

  private ensureEditor(): Promise<EditorSession> {
    this.sessionLoading ??= import('../editor/session.ts').then(({ createSession }) => {
      this.ui.editorHost.hidden = false;
      const session = createSession({
        host: this.ui.editorHost,
        files: this.tabs.files,
        readOnly: Boolean(this.data.readonly),
        readOnlyFiles: new Set(this.data.readonlyFiles ?? []),
        ariaLabel: (file) => this.t('pg.editor.label', { file }),
        onRun: () => this.start(this.data.action),
        onTest: () => this.start('test'),
        onChange: () => this.changed(),
      });
      session.show(this.tabs.current);
      this.ui.code.hidden = true;
      this.session = session;
      return session;
    });
    return this.sessionLoading;
  }

  private currentFiles(): Files {
    return this.session ? this.session.files() : { ...this.tabs.files };
  }

  /** Tells the page (e.g. an exercise saving progress) that the code changed, at most every 800 ms. */
  private changed(): void {
    window.clearTimeout(this.changeTimer);
    this.changeTimer = window.setTimeout(
      () => this.dispatchEvent(new CustomEvent('pg-change', { bubbles: true })),
      CHANGE_DEBOUNCE_MS,
    );
  }

  /** The files as the learner has them now. */
  getFiles(): Files {
    return this.currentFiles();
  }

  /** Replaces the files in the editor (e.g. restoring saved code or showing a solution). */
  async replaceFiles(files: Files): Promise<void> {
    this.tabs.files = { ...this.currentFiles(), ...files };
    const session = await this.ensureEditor();
    session.setFiles(this.tabs.files);
    session.annotate([]);
  }

  /** Draws a result produced elsewhere (a grade's run) on the code and in the report; the caller lists tests itself. */
  async showRunResult(result: RunResult): Promise<void> {
    await this.output.clear();
    // A grade's run may hold marks where hidden test source was removed: they are worded here.
    this.output.write(hiddenSourceWorded(this.locale, result.stdout), 'stdout');
    this.output.write(hiddenSourceWorded(this.locale, result.stderr), 'stderr');
    if (result.stop) this.output.write(stopText(this.locale, result.stop.code, result.goroutines), 'stderr');
    this.showResult(result, { tests: false });
    this.ui.status.textContent = verdictText(this.locale, result.status);
  }

  private start(action: 'run' | 'test', trace = false): void {
    if (this.runs.busy()) return;
    this.ui.report.replaceChildren();
    this.ui.note.hidden = true;
    this.session?.annotate([]);
    const files = this.currentFiles();
    this.timelines.runStarted(files, trace);
    this.runs.start({ files, action, race: this.ui.race.checked, ...(trace ? { trace: true } : {}) });
  }

  /** Marks a timeline span's line in the editor, showing its file's tab first; null unmarks. */
  private markPlace(place: Place | null): void {
    void this.ensureEditor().then((session) => {
      if (place && place.file !== session.current() && place.file in this.tabs.files)
        this.tabs.show(place.file);
      session.mark(place);
    });
  }

  private showResult(result: RunResult, options: { tests?: boolean } = {}): void {
    // The terminal already holds the result's text: the stream carries it as the run writes it
    // (tests as `go test -v` prints them, a SIGQUIT dump as its summary), so it is never redrawn.
    const names = new Set(Object.keys(this.currentFiles()));
    drawResult(result, {
      locale: this.locale,
      report: this.ui.report,
      names,
      editor: () => this.ensureEditor(),
      ...options,
    });
    this.dataset.status = result.status;
    this.timelines.resultShown(result);
  }

  /** Format or Vet: one short request, no stream. Formatted code replaces the files. */
  private async tool(action: Extract<Action, 'fmt' | 'vet'>): Promise<void> {
    const outcome = await runTool(action, this.currentFiles(), this.locale);
    if ('note' in outcome) return this.flash(outcome.note);
    if ('formatted' in outcome) {
      const session = await this.ensureEditor();
      session.setFiles({ ...this.currentFiles(), ...outcome.formatted });
      return this.flash(this.t('pg.formatted'));
    }
    this.showResult(outcome.result);
    this.ui.status.textContent = verdictText(this.locale, outcome.result.status);
  }

  private async loadFiles(files: Files, action: 'run' | 'test' = 'run', race = true): Promise<void> {
    void this.ui.goNote.show(undefined); // shared code declares no minimum Go; a picked example sets its own next
    this.timelines.close(false);
    this.data.action = action;
    this.ui.race.checked = race;
    this.ui.test.hidden = !hasTests(files);
    this.ui.report.replaceChildren();
    this.tabs.load(files);
    const session = await this.ensureEditor();
    session.setFiles(files);
    session.annotate([]);
    session.show(this.tabs.current);
  }

  private addFile(): void {
    const name = window.prompt(this.t('pg.newfile.prompt'), 'extra.go')?.trim();
    if (!name) return;
    const files = this.currentFiles();
    const source = newFileSource(name, files);
    if (source === null) return;
    if (name in files) return this.tabs.show(name);
    files[name] = source;
    this.tabs.files = files;
    this.ui.test.hidden = !hasTests(files);
    void this.ensureEditor().then((s) => {
      s.setFiles(files);
      this.tabs.show(name);
    });
  }

  private reset(): void {
    if (!window.confirm(this.t('pg.reset.confirm'))) return;
    const files = this.tabs.reset();
    this.timelines.close(false);
    this.session?.setFiles(files);
    this.session?.annotate([]);
    this.ui.report.replaceChildren();
  }

  private async copy(): Promise<void> {
    await navigator.clipboard
      ?.writeText(this.currentFiles()[this.session?.current() ?? this.tabs.current] ?? '')
      .catch(() => undefined);
    this.flash(this.t('pg.copied'));
  }

  private async share(): Promise<void> {
    try {
      const url = new URL(playgroundUrl(this.locale, await encodeShare(this.currentFiles())), location.href)
        .href;
      await navigator.clipboard?.writeText(url).catch(() => undefined);
      this.dataset.shareUrl = url;
      this.flash(this.t('pg.shared', { url }));
    } catch (error) {
      this.flash((error as Error).message);
    }
  }

  private async restoreShared(): Promise<void> {
    const files = await decodeShare(location.hash);
    if (!files) return;
    await this.loadFiles(files);
    if (this.ui.picker) markShared(this.ui.picker, this.locale);
    this.flash(this.t('pg.share.restored'));
  }

  private flash(text: string): void {
    Object.assign(this.ui.note, { hidden: false, textContent: text });
  }
}

if (!customElements.get('lockstep-playground'))
  customElements.define('lockstep-playground', LockstepPlayground);
