/**
 * One playground's Monaco editor: a model per file, tab switching, and the annotations of the
 * last run drawn as markers (diagnostics) and line decorations with hover text (races, blocked
 * goroutines). Loaded lazily with Monaco.
 * N.B. BROWSER CODE.
 */
import { loadMonaco, type Monaco } from './monaco.ts';
import type { Annotation } from '../playground/annotations.ts';

type Editor = ReturnType<Monaco['editor']['create']>;
type Model = ReturnType<Monaco['editor']['createModel']>;

export interface SessionOptions {
  host: HTMLElement;
  files: Record<string, string>;
  readOnly: boolean;
  /** Files that stay read-only even when the rest is editable (an exercise's tests). */
  readOnlyFiles?: ReadonlySet<string>;
  ariaLabel: (file: string) => string;
  onRun: () => void;
  onTest: () => void;
  onChange: () => void;
}

export interface EditorSession {
  files(): Record<string, string>;
  setFiles(files: Record<string, string>): void;
  show(file: string): void;
  current(): string;
  annotate(annotations: Annotation[]): void;
  reveal(file: string, line: number): void;
  /** Marks one line (a timeline's selected span) and scrolls it into view without taking focus; null unmarks. */
  mark(place: { file: string; line: number } | null): void;
  focus(): void;
  dispose(): void;
}

const CLASS_BY_KIND: Record<Annotation['kind'], string> = {
  'race-current': 'pg-line-race',
  'race-previous': 'pg-line-race-previous',
  diagnostic: 'pg-line-diagnostic',
  blocked: 'pg-line-blocked',
  panic: 'pg-line-blocked',
};

/** The Monaco editor showing model, with the playground's look and its Run/Test shortcuts. */
function createEditor(monaco: Monaco, opts: SessionOptions, model: Model, file: string): Editor {
  const editor: Editor = monaco.editor.create(opts.host, {
    model,
    readOnly: opts.readOnly || (opts.readOnlyFiles?.has(file) ?? false),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineHeight: 21,
    tabSize: 4,
    insertSpaces: false,
    glyphMargin: true,
    renderLineHighlight: 'line',
    // The dimmed number of the final empty line fails WCAG contrast; it carries no information.
    renderFinalNewline: 'off',
    ariaLabel: opts.ariaLabel(file),
    accessibilitySupport: 'auto',
    scrollbar: { alwaysConsumeMouseWheel: false },
    fixedOverflowWidgets: true,
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => opts.onRun());
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => opts.onTest());
  return editor;
}

/** Whole-line decorations with hover text for the shown file's races and blocked goroutines. */
function lineDecorations(monaco: Monaco, annotations: Annotation[], file: string) {
  return annotations
    .filter((a) => a.file === file && a.kind !== 'diagnostic')
    .map((a) => ({
      range: new monaco.Range(a.line, 1, a.line, 1),
      options: {
        isWholeLine: true,
        className: CLASS_BY_KIND[a.kind],
        glyphMarginClassName: `${CLASS_BY_KIND[a.kind]}-glyph`,
        glyphMarginHoverMessage: { value: a.message },
        hoverMessage: { value: a.message },
        overviewRuler: {
          color: a.kind.startsWith('race') ? '#d1242f' : '#bf8700',
          position: monaco.editor.OverviewRulerLane.Left,
        },
      },
    }));
}

/** Sets every model's markers to the diagnostics in its file (an empty list clears them). */
function setDiagnostics(monaco: Monaco, models: Map<string, Model>, annotations: Annotation[]): void {
  for (const [name, model] of models) {
    const markers = annotations
      .filter((a) => a.file === name && a.kind === 'diagnostic')
      .map((a) => ({
        startLineNumber: a.line,
        startColumn: a.column ?? 1,
        endLineNumber: a.line,
        endColumn: a.column ? a.column + 1 : model.getLineMaxColumn(a.line),
        message: a.message,
        severity: a.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
      }));
    monaco.editor.setModelMarkers(model, 'lockstep', markers);
  }
}

/** The timeline's marked line when it is in the shown file (none otherwise). */
function markedLine(monaco: Monaco, marked: { file: string; line: number } | null, file: string) {
  if (!marked || marked.file !== file) return [];
  return [
    {
      range: new monaco.Range(marked.line, 1, marked.line, 1),
      options: {
        isWholeLine: true,
        className: 'pg-line-timeline',
        glyphMarginClassName: 'pg-line-timeline-glyph',
      },
    },
  ];
}

/**
 * Makes the models hold exactly files: a file still there keeps its model (the editor may be
 * showing it) with the new text, a new file gets a model, a file gone has its model disposed.
 */
function syncModels(
  models: Map<string, Model>,
  files: Record<string, string>,
  addModel: (name: string, text: string) => void,
): void {
  for (const [name, text] of Object.entries(files)) {
    const model = models.get(name);
    if (model) model.setValue(text);
    else addModel(name, text);
  }
  for (const name of [...models.keys()]) {
    if (!(name in files)) {
      models.get(name)!.dispose();
      models.delete(name);
    }
  }
}

/** Creates the editor in host with the given files; the first file is shown. */
export function createSession(opts: SessionOptions): EditorSession {
  const monaco = loadMonaco();
  const models = new Map<string, Model>();
  const uriPrefix = `inmemory://pg-${Math.random().toString(36).slice(2)}/`;
  const addModel = (name: string, text: string) => {
    const model = monaco.editor.createModel(text, 'go', monaco.Uri.parse(uriPrefix + name));
    model.onDidChangeContent(() => opts.onChange());
    models.set(name, model);
  };
  for (const [name, text] of Object.entries(opts.files)) addModel(name, text);
  let currentFile = Object.keys(opts.files)[0]!;
  const editor = createEditor(monaco, opts, models.get(currentFile)!, currentFile);
  let decorations = editor.createDecorationsCollection([]);
  let lastAnnotations: Annotation[] = [];
  // The timeline's mark lives apart from the run's annotations: selecting a span keeps them.
  let marked: { file: string; line: number } | null = null;
  let markDecoration = editor.createDecorationsCollection([]);

  const draw = () => {
    decorations.clear();
    decorations = editor.createDecorationsCollection(lineDecorations(monaco, lastAnnotations, currentFile));
    setDiagnostics(monaco, models, lastAnnotations);
    markDecoration.clear();
    markDecoration = editor.createDecorationsCollection(markedLine(monaco, marked, currentFile));
  };

  return {
    files() {
      return Object.fromEntries([...models].map(([name, model]) => [name, model.getValue()]));
    },
    setFiles(files) {
      syncModels(models, files, addModel);
      if (!models.has(currentFile)) this.show(Object.keys(files)[0]!);
    },
    show(file) {
      const model = models.get(file);
      if (!model) return;
      currentFile = file;
      editor.setModel(model);
      editor.updateOptions({
        ariaLabel: opts.ariaLabel(file),
        readOnly: opts.readOnly || (opts.readOnlyFiles?.has(file) ?? false),
      });
      draw();
    },
    current: () => currentFile,
    annotate(annotations) {
      lastAnnotations = annotations;
      draw();
    },
    reveal(file, line) {
      this.show(file);
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.focus();
    },
    mark(place) {
      marked = place && models.has(place.file) ? place : null;
      if (marked && marked.file !== currentFile) this.show(marked.file);
      else draw();
      if (marked) editor.revealLineInCenterIfOutsideViewport(marked.line);
    },
    focus: () => editor.focus(),
    dispose() {
      editor.dispose();
      for (const m of models.values()) m.dispose();
    },
  };
}
