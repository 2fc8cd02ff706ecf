/**
 * Astro integration: every Markdown table is wrapped in a focusable, named scroll region
 * (wrap.ts). Tables still fill the column on wide screens; on a phone a table too wide to fit
 * scrolls inside its region instead of making the whole page scroll sideways.
 */
import type { AstroIntegration } from 'astro';
import type { Element, ElementContent } from 'hast';
import { tableWrapper } from './wrap.ts';

interface ProcessorLike {
  name: string;
  options: { hastPlugins?: unknown[] };
}

/** The minimal part of satteri's HAST visitor context this plugin uses. */
interface VisitContext {
  parent(node: Readonly<Element>): Readonly<{ children: readonly ElementContent[] }> | undefined;
  indexOf(node: Readonly<Element>): number | undefined;
  textContent(node: Readonly<ElementContent>): string;
  wrapNode(node: Readonly<Element>, wrapper: { raw: string }): void;
}

const HEADING = /^h[1-6]$/;

/** The text of the last heading before the table among its siblings, if any. */
function headingBefore(table: Readonly<Element>, ctx: VisitContext): string | undefined {
  const siblings = ctx.parent(table)?.children ?? [];
  for (let i = (ctx.indexOf(table) ?? 0) - 1; i >= 0; i--) {
    const node = siblings[i];
    if (node?.type !== 'element') continue;
    // Starlight wraps headings in <div class="sl-heading-wrapper"> later, so the heading is a
    // sibling here; look one level down too in case that order changes.
    const heading = HEADING.test(node.tagName)
      ? node
      : node.children.find((c): c is Element => c.type === 'element' && HEADING.test(c.tagName));
    if (heading) return ctx.textContent(heading);
  }
  return undefined;
}

/** The text of the table's header cells. */
function columns(table: Readonly<Element>, ctx: VisitContext): string[] {
  const cells: string[] = [];
  const walk = (node: Readonly<ElementContent>) => {
    if (node.type !== 'element') return;
    if (node.tagName === 'th') cells.push(ctx.textContent(node));
    else if (node.tagName !== 'tbody') node.children.forEach(walk);
  };
  table.children.forEach(walk);
  return cells;
}

export default function scrollableTables(): AstroIntegration {
  return {
    name: 'lockstep-tables',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown.processor as unknown as ProcessorLike;
        if (!processor.options.hastPlugins) {
          throw new Error(`lockstep-tables needs the satteri Markdown processor, got "${processor.name}".`);
        }
        processor.options.hastPlugins.push({
          name: 'lockstep-tables',
          element: {
            filter: ['table'],
            visit(table: Readonly<Element>, ctx: VisitContext) {
              ctx.wrapNode(table, { raw: tableWrapper(headingBefore(table, ctx), columns(table, ctx)) });
            },
          },
        });
      },
    },
  };
}
