/**
 * The sandbox's export and import: copy or download the program (and its level) as JSON, copy a
 * `#s=` share link, import pasted text or a file, and restore a link when the page opens. A bad
 * import is refused with its reason in the page's language and changes nothing. N.B. BROWSER CODE.
 */
import type { Locale, VizKey } from '../../i18n/index.ts';
import { decodeLink, encodeLink, isError, parseDoc, toJson, type SandboxDoc } from './format.ts';
import type { IoActions } from './panels-view.ts';
import { sandboxErrorText } from './words.ts';

/** What export and import need from the sandbox element. */
export interface IoHost {
  t: (key: VizKey, params?: Record<string, string | number>) => string;
  locale: Locale;
  doc: () => SandboxDoc;
  load: (doc: SandboxDoc, message: string) => Promise<void>;
  el: HTMLElement;
  fields: () => {
    json: HTMLTextAreaElement;
    link: HTMLInputElement;
    status: HTMLElement;
    error: HTMLElement;
  };
}

/** The panel's actions, plus restoring a link. */
export function sandboxIo(x: IoHost): IoActions & { restoreLink: () => Promise<void> } {
  const jsonText = () => JSON.stringify(toJson(x.doc()), null, 2);
  const clip = async (text: string): Promise<void> => {
    const f = x.fields();
    try {
      await navigator.clipboard.writeText(text);
      f.status.textContent = x.t('viz.sb.copied');
    } catch {
      f.status.textContent = x.t('viz.sb.copyManual');
    }
  };
  const load = async (doc: SandboxDoc | ReturnType<typeof parseDoc>, message: (d: SandboxDoc) => string) => {
    const f = x.fields();
    if (isError(doc)) {
      f.error.textContent = sandboxErrorText(x.locale, doc);
      return;
    }
    f.error.textContent = '';
    await x.load(doc, message(doc));
  };
  return {
    copyJson: () => {
      const f = x.fields();
      f.json.value = jsonText();
      void clip(f.json.value);
    },
    download: () => {
      const url = URL.createObjectURL(new Blob([jsonText()], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'lockstep-sandbox.json';
      a.hidden = true;
      x.el.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    },
    copyLink: () => {
      const frag = encodeLink(x.doc());
      history.replaceState(null, '', `#${frag}`);
      const f = x.fields();
      f.link.value = `${location.origin}${location.pathname}#${frag}`;
      void clip(f.link.value);
    },
    importText: (text) =>
      void load(parseDoc(text), (d) => x.t('viz.sb.imported', { n: d.goroutines.length })),
    restoreLink: async () => {
      const doc = decodeLink(location.hash);
      if (doc !== null) await load(doc, () => x.t('viz.sb.fromLink'));
    },
  };
}
