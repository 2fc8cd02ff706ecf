import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeDiagram, extractMermaidBlocks, figureHtml, svgFileName, THEMES } from './diagram.ts';
import { collectDiagrams } from './render.ts';

const SAMPLE =
  'stateDiagram-v2\n  accTitle: Mutex modes\n  accDescr: How a Mutex moves between modes\n  [*] --> Unlocked\n';

describe('mermaid diagrams', () => {
  test('finds fenced mermaid blocks and ignores other code', () => {
    const md = ['# T', '```go', 'x := 1', '```', '```mermaid', 'flowchart LR', '  a --> b', '```', ''].join(
      '\n',
    );
    expect(extractMermaidBlocks(md)).toEqual(['flowchart LR\n  a --> b\n']);
  });

  test('reads the accessible title and description, and hashes the source', () => {
    const info = describeDiagram(SAMPLE);
    expect(info.title).toBe('Mutex modes');
    expect(info.description).toBe('How a Mutex moves between modes');
    expect(info.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(describeDiagram(`${SAMPLE}\n`).hash).toBe(info.hash);
    expect(describeDiagram(SAMPLE.replace('Unlocked', 'Locked')).hash).not.toBe(info.hash);
  });

  test('the figure names the diagram and shows one image per theme', () => {
    const html = figureHtml(describeDiagram(SAMPLE));
    expect(html).toContain('alt="Mutex modes"');
    expect(html).toContain('class="dark:sl-hidden"');
    expect(html).toContain('class="light:sl-hidden"');
    expect(html).toMatch(/aria-describedby="diagram-[0-9a-f]+-desc"/);
  });

  test('a diagram without accTitle is refused with a message saying what to add', () => {
    expect(() => figureHtml(describeDiagram('flowchart LR\n a --> b'))).toThrow(/accTitle/);
  });

  test('every diagram in content/ has its rendered SVGs committed in public/diagrams', () => {
    const diagrams = [...collectDiagrams('content').values()];
    expect(diagrams.length).toBeGreaterThan(0);
    for (const d of diagrams) {
      for (const theme of THEMES) {
        expect(existsSync(join('public/diagrams', svgFileName(d.hash, theme))), `${d.title} (${theme})`).toBe(
          true,
        );
      }
    }
  });
});
