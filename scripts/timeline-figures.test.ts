import { describe, expect, it } from 'vitest';
import { merged, misses, summaryLines, tableLines, type ExampleFigure } from './timeline-figures.ts';

const figure = (
  id: string,
  jsonBytes: number,
  convertMs: number | null,
  extra: Partial<ExampleFigure> = {},
) =>
  ({
    id,
    places: 1,
    action: 'run',
    status: 'ok',
    trace: 'timeline',
    jsonBytes,
    events: 10,
    truncated: null,
    convertMs,
    convertRuns: convertMs === null ? [] : [convertMs],
    runMs: 20,
    ...extra,
  }) satisfies ExampleFigure;

describe('timeline figures', () => {
  it('flags an example over 200 KB of JSON or 50 ms of conversion, and only then', () => {
    expect(misses(figure('a', 200_000, 50))).toBe('');
    expect(misses(figure('a', 200_001, 50))).toBe('> 200 KB');
    expect(misses(figure('a', 10, 51))).toBe('> 50 ms');
    expect(misses(figure('a', 300_000, 80))).toBe('> 200 KB, > 50 ms');
    expect(misses(figure('a', 0, null, { trace: 'no_trace' }))).toBe('');
  });

  it('summarises: counts, who misses, the worst five by size and by time', () => {
    const figures = [
      figure('small', 1000, 20, { places: 2 }),
      figure('big', 300_000, 30, { truncated: 'max_bytes' }),
      figure('slow', 5000, 70),
      figure('none', 0, null, { trace: 'no_trace', status: 'concurrent_map', events: null }),
      ...['e1', 'e2', 'e3'].map((id, i) => figure(id, 2000 + i, 10 + i)),
    ];
    const text = summaryLines(figures).join('\n');
    expect(text).toContain(
      '7 distinct examples traced (8 places in the course); 6 gave a timeline, 1 none (no_trace).',
    );
    expect(text).toContain('Over the budgets: big (> 200 KB); slow (> 50 ms).');
    const [largest, slowest] = text.split('Slowest five conversions:');
    expect(largest!.match(/^\| (\S+)/gm)?.slice(2)).toEqual(['| big', '| slow', '| e3', '| e2', '| e1']);
    expect(slowest!.match(/^\| (\S+)/gm)?.slice(2)).toEqual(['| slow', '| big', '| small', '| e3', '| e2']);
    expect(text).toContain('| big | run | ok | cut: max_bytes | 300.0 |');
  });

  it('says when every example is within the budgets, and lists every row in order', () => {
    const figures = [figure('a', 1000, 20), figure('b', 0, null, { trace: 'no_trace', events: null })];
    expect(summaryLines(figures)).toContain('Every example within the budgets (≤ 200 KB, ≤ 50 ms).');
    const rows = tableLines(figures).slice(2);
    expect(rows).toEqual([
      '| a | run | ok | timeline | 1.0 | 10 | 20 | 20 | ✓ |',
      '| b | run | ok | none: no_trace | 0.0 | — | — | 20 | ✓ |',
    ]);
  });

  it('keeps every conversion time of an example run again, and the least as its figure', () => {
    const again = merged(figure('a', 1000, 80), [figure('a', 1200, 30), figure('a', 900, 45)]);
    expect(again).toMatchObject({ jsonBytes: 1000, convertMs: 30, convertRuns: [80, 30, 45] });
    expect(misses(again)).toBe('');
    expect(tableLines([again])[2]).toBe('| a | run | ok | timeline | 1.0 | 10 | 30 (80, 30, 45) | 20 | ✓ |');
    expect(merged(figure('b', 0, null, { trace: 'no_trace' }), []).convertMs).toBeNull();
  });
});
