/**
 * Pure helpers for build-time Mermaid diagrams: find ```mermaid blocks, name them by content hash,
 * read their accessible title and description, and write the <figure> that replaces them.
 */
import { createHash } from 'node:crypto';

/** Bump to re-render every diagram (e.g. after changing the theme settings in render.ts). */
export const RENDER_VERSION = '1';
/** Where rendered SVGs live, relative to the site root (committed, so builds need no browser). */
export const DIAGRAM_URL_DIR = '/diagrams';

export type DiagramTheme = 'light' | 'dark';
export const THEMES: readonly DiagramTheme[] = ['light', 'dark'];

export interface DiagramInfo {
  /** The Mermaid source as written. */
  source: string;
  /** Stable id derived from the source, used in file names. */
  hash: string;
  /** From `accTitle:`; required so the figure has an accessible name. */
  title: string | undefined;
  /** From `accDescr:` (single-line form). */
  description: string | undefined;
}

/** Returns the diagram's hash, title and description. */
export function describeDiagram(source: string): DiagramInfo {
  const normalised = source.replace(/\r\n/g, '\n').trim();
  const hash = createHash('sha256').update(`${RENDER_VERSION}\n${normalised}`).digest('hex').slice(0, 16);
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(normalised)?.[1]?.trim();
  const description = /^\s*accDescr\s*:\s*(.+)$/m.exec(normalised)?.[1]?.trim();
  return { source: normalised, hash, title, description };
}

/** Returns the file name of one rendered theme of a diagram. */
export function svgFileName(hash: string, theme: DiagramTheme): string {
  return `${hash}-${theme}.svg`;
}

/** Returns every ```mermaid fenced block's source in a Markdown/MDX document. */
export function extractMermaidBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /^([ \t]*)(`{3,}|~{3,})mermaid[^\n]*\n([\s\S]*?)^\1\2[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) {
    blocks.push(match[3] ?? '');
  }
  return blocks;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Returns the HTML that stands in for a diagram: both themes as images (Starlight's
 * light:/dark:sl-hidden utilities show the one matching the site theme), named by the
 * diagram's accTitle and described by its accDescr.
 */
export function figureHtml(info: DiagramInfo): string {
  if (!info.title) {
    throw new Error(
      'A Mermaid diagram has no accessible title: add an "accTitle: …" line after the diagram type.',
    );
  }
  const title = escapeHtml(info.title);
  const descId = `diagram-${info.hash}-desc`;
  const described = info.description ? ` aria-describedby="${descId}"` : '';
  const imgs = THEMES.map((theme) => {
    const hidden = theme === 'light' ? 'dark:sl-hidden' : 'light:sl-hidden';
    const src = `${DIAGRAM_URL_DIR}/${svgFileName(info.hash, theme)}`;
    return `<img class="${hidden}" src="${src}" alt="${title}"${described} loading="lazy" decoding="async" />`;
  }).join('');
  const desc = info.description
    ? `<figcaption id="${descId}">${escapeHtml(info.description)}</figcaption>`
    : `<figcaption>${title}</figcaption>`;
  return `<figure class="diagram not-content" data-diagram="${info.hash}">${imgs}${desc}</figure>`;
}
