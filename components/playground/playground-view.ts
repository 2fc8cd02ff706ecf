/**
 * Builds the playground's DOM once: header (title, example picker, file tabs, "+ New file"), the
 * static code the page was served with, the editor host, the toolbar, the status row, the note,
 * the terminal host with its screen-reader log, and the report. It only makes elements and shows
 * a run's state on them; what happens on a click is wired by the element.
 * N.B. BROWSER CODE.
 */
import { t, type Locale, type UiKey } from '../i18n/index.ts';
import { isBusy, type RunState } from './run-machine.ts';
import { editorHeight, hasTests, type PlaygroundData, type PlaygroundExample } from './playground-data.ts';
import { playgroundUrl } from './share.ts';
import { GoNote } from './go-note-view.ts';

export interface PlaygroundUi {
  tabs: HTMLElement;
  /** The highlighted code the page was served with, shown until the editor has loaded. */
  code: HTMLElement;
  editorHost: HTMLElement;
  picker: HTMLSelectElement | null;
  add: HTMLButtonElement | null;
  run: HTMLButtonElement;
  test: HTMLButtonElement;
  stop: HTMLButtonElement;
  format: HTMLButtonElement;
  vet: HTMLButtonElement;
  /** Runs the current action with an execution trace and opens the timeline. */
  timeline: HTMLButtonElement;
  race: HTMLInputElement;
  reset: HTMLButtonElement;
  copy: HTMLButtonElement;
  share: HTMLButtonElement;
  status: HTMLElement;
  progress: HTMLElement;
  termHost: HTMLElement;
  log: HTMLElement;
  report: HTMLElement;
  note: HTMLElement;
  /** Where the timeline panel opens, under the report. */
  timelineHost: HTMLElement;
  /** "This example needs Go 1.25 or later; …" before the toolbar, when the runner's Go is older. */
  goNote: GoNote;
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

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function examplePicker(
  examples: PlaygroundExample[],
  selected: string | undefined,
  locale: Locale,
): { label: HTMLElement; select: HTMLSelectElement } {
  const label = element('label', 'pg-picker');
  const select = document.createElement('select');
  select.setAttribute('aria-label', t(locale, 'pg.example.label'));
  for (const ex of examples) {
    const option = document.createElement('option');
    option.value = ex.id;
    option.textContent = ex.title;
    option.selected = ex.id === selected;
    select.append(option);
  }
  // A span of its own, so the word stays on one line while the select shrinks on a phone.
  const text = element('span', 'pg-picker-text');
  text.textContent = t(locale, 'pg.example');
  label.append(text, select);
  return { label, select };
}

/**
 * The code came from a share link, not from an example: the picker says so instead of naming an
 * example whose code is not shown. The option goes away once the learner picks an example.
 */
export function markShared(select: HTMLSelectElement, locale: Locale): void {
  const option = document.createElement('option');
  option.value = '';
  option.disabled = true;
  option.textContent = t(locale, 'pg.example.shared');
  select.prepend(option);
  select.value = '';
  option.selected = true;
  select.addEventListener('change', () => option.remove(), { once: true });
}

function header(data: PlaygroundData, locale: Locale) {
  const root = element('div', 'pg-header');
  if (data.title) {
    const title = element('span', 'pg-title');
    title.textContent = data.title;
    root.append(title);
  }
  let picker: HTMLSelectElement | null = null;
  if (data.examples?.length) {
    const { label, select } = examplePicker(data.examples, data.example, locale);
    picker = select;
    root.append(label);
  }
  const tabs = element('div', 'pg-tabs');
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', t(locale, 'pg.files'));
  root.append(tabs);
  let add: HTMLButtonElement | null = null;
  if (data.page) {
    add = button(`+ ${t(locale, 'pg.newfile')}`, { className: 'pg-add' });
    root.append(add);
  }
  return { root, tabs, picker, add };
}

function toolbar(data: PlaygroundData, locale: Locale, current: string) {
  const root = element('div', 'pg-toolbar');
  root.setAttribute('role', 'toolbar');
  root.setAttribute('aria-label', data.title ?? t(locale, 'pg.editor.label', { file: current }));
  const run = button(t(locale, 'pg.run'), {
    title: t(locale, 'pg.run.title'),
    className: 'pg-primary',
    keys: 'Control+Enter',
  });
  const test = button(t(locale, 'pg.test'), {
    title: t(locale, 'pg.test.title'),
    keys: 'Control+Shift+Enter',
  });
  test.hidden = !hasTests(data.files);
  const stop = button(t(locale, 'pg.stop'));
  stop.disabled = true;
  const format = button(t(locale, 'pg.format'));
  const vet = button(t(locale, 'pg.vet'));
  const timeline = button(t(locale, 'tl.action'), { title: t(locale, 'tl.action.title') });
  const raceLabel = element('label', 'pg-switch');
  const race = document.createElement('input');
  race.type = 'checkbox';
  race.checked = !data.norace;
  raceLabel.append(race, document.createTextNode(` ${t(locale, 'pg.race')}`));
  const reset = button(t(locale, 'pg.reset'));
  const copy = button(t(locale, 'pg.copy'));
  const share = button(t(locale, 'pg.share'));
  const open = element('a', 'pg-button pg-link');
  open.textContent = t(locale, 'pg.open');
  open.href = playgroundUrl(locale);
  root.append(run, test, stop, timeline, format, vet, raceLabel, reset, copy);
  // Inside an exercise the exercise page is the place to come back to: no Share, no "Open".
  if (!data.embedded) root.append(share, open);
  return { root, run, test, stop, format, vet, timeline, race, reset, copy, share };
}

function statusRow(locale: Locale) {
  const root = element('div', 'pg-statusrow');
  const progress = element('span', 'pg-progress');
  progress.hidden = true;
  progress.setAttribute('aria-hidden', 'true');
  const status = element('span', 'pg-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.textContent = t(locale, 'pg.status.idle');
  root.append(progress, status);
  return { root, progress, status };
}

function output(locale: Locale) {
  const note = element('p', 'pg-note');
  note.setAttribute('aria-live', 'polite');
  note.hidden = true;
  // xterm draws on a canvas a screen reader cannot read: the log below mirrors its text.
  const termHost = element('div', 'pg-terminal');
  termHost.hidden = true;
  termHost.setAttribute('aria-hidden', 'true');
  const log = element('pre', 'sr-only pg-log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-label', t(locale, 'pg.terminal.label'));
  const report = element('div', 'pg-report');
  const timelineHost = element('div', 'pg-timeline');
  timelineHost.hidden = true;
  return { note, termHost, log, report, timelineHost };
}

/**
 * Moves host's children (the server-rendered code) into the code region and fills host with the
 * playground; current is the file shown first.
 */
export function buildView(
  host: HTMLElement,
  data: PlaygroundData,
  locale: Locale,
  current: string,
): PlaygroundUi {
  const id = `pg-${Math.random().toString(36).slice(2, 8)}`;
  const code = element('div', 'pg-code');
  code.tabIndex = 0;
  code.setAttribute('role', 'region');
  code.setAttribute('aria-label', t(locale, 'pg.editor.label', { file: current }));
  code.append(...host.childNodes);

  const top = header(data, locale);
  const editorHost = element('div', 'pg-editor');
  editorHost.hidden = true;
  editorHost.id = `${id}-editor`;
  editorHost.style.height = `${editorHeight(data.files, data.height)}px`;
  const tools = toolbar(data, locale, current);
  const hint = element('p', 'pg-hint');
  hint.id = `${id}-hint`;
  hint.textContent = t(locale, 'pg.editor.hint');
  code.setAttribute('aria-describedby', hint.id);
  const row = statusRow(locale);
  const out = output(locale);
  const goNote = new GoNote(locale, Boolean(data.embedded));

  host.append(
    top.root,
    code,
    editorHost,
    hint,
    goNote.element,
    tools.root,
    row.root,
    out.note,
    out.termHost,
    out.log,
    out.report,
    out.timelineHost,
  );
  const { run, test, stop, format, vet, timeline, race, reset, copy, share } = tools;
  const { tabs, picker, add } = top;
  const { status, progress } = row;
  return {
    tabs,
    picker,
    add,
    code,
    editorHost,
    run,
    test,
    stop,
    format,
    vet,
    timeline,
    race,
    reset,
    copy,
    share,
    status,
    progress,
    goNote,
    ...out,
  };
}

/** Shows a run's state: Run/Test/Format/Vet off and Stop on while busy, the spinner before output. */
export function showRunState(ui: PlaygroundUi, state: RunState, statusLine: string): void {
  const busy = isBusy(state);
  ui.run.disabled = busy;
  ui.test.disabled = busy;
  ui.format.disabled = busy;
  ui.vet.disabled = busy;
  ui.timeline.disabled = busy;
  ui.stop.disabled = !busy;
  ui.progress.hidden = !(busy && state.phase !== 'running');
  ui.status.textContent = statusLine;
}

/** The status line for a verdict shown without a stream (format, vet, a grade's run). */
export function verdictText(locale: Locale, status: string): string {
  return t(locale, `pg.verdict.${status}` as UiKey);
}
