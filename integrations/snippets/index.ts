/**
 * Astro integration: every ```go block in the course becomes a runnable playground. The block
 * keeps its highlighted code (readable without JavaScript, indexed by search) inside a
 * <lockstep-playground> element that the client script upgrades to an editor and terminal.
 */
import type { AstroIntegration } from 'astro';
import { parseFenceMeta } from './meta.ts';
import { CLOSE_TAG, fenceData, openTag } from './wrap.ts';

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
  replaceNode(node: unknown, content: unknown[]): void;
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
            ctx.replaceNode(node, [
              { raw: openTag(data), mdxExpressions: false },
              node,
              { raw: CLOSE_TAG, mdxExpressions: false },
            ]);
            return undefined;
          },
        });
      },
    },
  };
}
