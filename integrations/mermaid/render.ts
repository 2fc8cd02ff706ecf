/**
 * Renders Mermaid diagrams to SVG files with a headless browser — only the ones not rendered yet,
 * so a fresh clone builds without a browser as long as the committed SVGs match the content.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMermaidRenderer } from 'mermaid-isomorphic';
import { describeDiagram, extractMermaidBlocks, svgFileName, THEMES, type DiagramInfo } from './diagram.ts';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';

/** Returns every .md/.mdx file below a directory. */
function contentFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.mdx?$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

/** Returns the diagrams found in the content directory, keyed by hash. */
export function collectDiagrams(contentDir: string): Map<string, DiagramInfo> {
  const found = new Map<string, DiagramInfo>();
  for (const file of contentFiles(contentDir)) {
    for (const source of extractMermaidBlocks(readFileSync(file, 'utf8'))) {
      const info = describeDiagram(source);
      if (!info.title) {
        throw new Error(
          `${file}: a Mermaid diagram has no "accTitle:" line (needed for its accessible name).`,
        );
      }
      found.set(info.hash, info);
    }
  }
  return found;
}

/** Renders the diagrams whose SVGs are missing from outDir; returns how many were rendered. */
export async function renderMissingDiagrams(contentDir: string, outDir: string): Promise<number> {
  const missing = [...collectDiagrams(contentDir).values()].filter((d) =>
    THEMES.some((t) => !existsSync(join(outDir, svgFileName(d.hash, t)))),
  );
  if (missing.length === 0) return 0;
  mkdirSync(outDir, { recursive: true });
  const render = createMermaidRenderer({ launchOptions: chromiumLaunchOptions() });
  for (const theme of THEMES) {
    const results = await render(
      missing.map((d) => d.source),
      {
        prefix: `m-${theme}`,
        mermaidConfig: {
          theme: theme === 'dark' ? 'dark' : 'default',
          fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", sans-serif',
        },
      },
    );
    results.forEach((result, i) => {
      const diagram = missing[i]!;
      if (result.status === 'rejected') {
        throw new Error(`Mermaid could not render diagram "${diagram.title}": ${String(result.reason)}`);
      }
      writeFileSync(join(outDir, svgFileName(diagram.hash, theme)), result.value.svg);
    });
  }
  return missing.length;
}
