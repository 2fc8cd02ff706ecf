/**
 * Puts a visualizer position's share link in the address bar and on the clipboard, and says which
 * happened in the share status line (a browser without clipboard access gets the link to copy).
 * N.B. BROWSER CODE.
 */
import type { VizKey } from '../i18n/index.ts';

export async function copyShareLink(
  frag: string,
  step: number,
  status: HTMLElement,
  t: (key: VizKey, params?: Record<string, string | number>) => string,
): Promise<void> {
  const url = `${location.origin}${location.pathname}#${frag}`;
  history.replaceState(null, '', `#${frag}`);
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = t('viz.shared', { step });
  } catch {
    status.textContent = t('viz.share.manual', { url });
  }
}
