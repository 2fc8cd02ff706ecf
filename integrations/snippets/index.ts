/**
 * Astro integration: every ```go block in the course becomes a runnable playground. The block
 * keeps its highlighted code (readable without JavaScript, indexed by search) inside a
 * <lockstep-playground> element that the client script upgrades to an editor and terminal.
 */
import type { AstroIntegration } from 'astro';
import { parseFenceMeta } from './meta.ts';
import { encodeAttr, fenceData } from './wrap.ts';

interface ProcessorLike {
  name: string;
  options: { mdastPlugins?: unknown[] };
}

interface CodeNode {
  lang?: string | null;
  meta?: string | null;
  value: string;
}

interface Ctx {
  wrapNode(node: unknown, parent: unknown): void;
  report(r: { message: string; node?: unknown; severity?: 'error' | 'warning' }): void;
  fileURL: URL | undefined;
}

/** Returns the integration. */
export default function goPlaygrounds(): AstroIntegration {
  return {
    name: 'lockstep-go-playgrounds',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown.processor as unknown as ProcessorLike;
        if (!processor.options.mdastPlugins) {
          throw new Error(
            `lockstep-go-playgrounds needs the satteri Markdown processor, got "${processor.name}".`,
          );
        }
        processor.options.mdastPlugins.push({
          name: 'lockstep-go-playgrounds',
          code(node: CodeNode, ctx: Ctx) {
            if (node.lang !== 'go') return undefined;
            let options;
            try {
              options = parseFenceMeta(node.meta);
            } catch (error) {
              throw new Error(
                `${ctx.fileURL?.pathname ?? 'a page'}: Go block "${node.meta ?? ''}": ${(error as Error).message}`,
                { cause: error },
              );
            }
            const data = fenceData(node.value, options);
            // The element wraps the highlighted block as one node. Raw open and close tags around
            // it (replaceNode with strings) came out as an empty element followed by the code, so
            // every example showed twice once the editor was up.
            ctx.wrapNode(node, {
              type: 'blockquote',
              data: {
                hName: 'lockstep-playground',
                hProperties: { className: ['not-content'], dataPlayground: encodeAttr(data) },
              },
              children: [],
            });
            return undefined;
          },
        });
      },
    },
  };
}
