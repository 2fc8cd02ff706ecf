/**
 * Loads Monaco on demand, with only the editor core, the features we use and the Go tokenizer,
 * and its stylesheet injected from this lazy chunk (never a site-wide render-blocking CSS file).
 * Themes follow Starlight's data-theme attribute.
 * N.B. BROWSER CODE, imported dynamically by the playground element.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/go/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import monacoCss from 'lockstep:monaco-css?inline';

export type Monaco = typeof monaco;

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: () => new EditorWorker(),
  };
  const style = document.createElement('style');
  style.dataset.lockstep = 'monaco';
  style.textContent = monacoCss;
  document.head.append(style);
  const apply = () =>
    monaco.editor.setTheme(document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs');
  apply();
  new MutationObserver(apply).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}

/** Returns the Monaco API, installed once per page. */
export function loadMonaco(): Monaco {
  install();
  return monaco;
}
