/**
 * Astro integration: ```mermaid blocks become build-time SVG figures (no diagram JavaScript on
 * the page). Missing SVGs are rendered before the build; the Markdown plugin swaps each block for
 * a <figure> that points at them.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describeDiagram, figureHtml } from './diagram.ts';
import { renderMissingDiagrams } from './render.ts';

interface ProcessorLike {
  name: string;
  options: { mdastPlugins?: unknown[] };
}

/** Returns the integration; content and output folders are relative to the project root. */
export default function mermaidDiagrams(): AstroIntegration {
  return {
    name: 'lockstep-mermaid',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const rendered = await renderMissingDiagrams(
          join(root, 'content'),
          join(fileURLToPath(config.publicDir), 'diagrams'),
        );
        if (rendered > 0) logger.info(`rendered ${rendered} new Mermaid diagram(s)`);
        const processor = config.markdown.processor as unknown as ProcessorLike;
        if (!processor.options.mdastPlugins) {
          throw new Error(`lockstep-mermaid needs the satteri Markdown processor, got "${processor.name}".`);
        }
        processor.options.mdastPlugins.push({
          name: 'lockstep-mermaid',
          code(node: { lang?: string | null; value: string }) {
            if (node.lang !== 'mermaid') return undefined;
            return { raw: figureHtml(describeDiagram(node.value)), mdxExpressions: false };
          },
        });
      },
    },
  };
}
