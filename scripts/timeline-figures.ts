/**
 * Pure: bench:timelines' figures as text. One row per lesson example traced on the real runner;
 * the summary (percentiles, the examples over issue #18's budgets, the worst five by size and by
 * conversion time) and the full table, in Markdown for docs/performance.md.
 */
import { percentile } from './bench-trace.ts';

/** Issue #18 §4: a lesson example's timeline JSON and its conversion. */
export const BUDGET = { jsonBytes: 200_000, convertMs: 50 } as const;

export interface ExampleFigure {
  /** The example's id (a snippet folder or a chapter's fence), and how many places show the same code. */
  id: string;
  places: number;
  action: 'run' | 'test';
  /** The run's verdict (ok, race, deadlock, …). */
  status: string;
  /** 'timeline', or why there is none (the RunResult.trace missing code). */
  trace: string;
  /** The converter's JSON as it left the sandbox, in bytes (0 without a converter step). */
  jsonBytes: number;
  /** Events in the timeline (scripts/synthetic-timeline.ts timelineEvents); null without one. */
  events: number | null;
  /** The converter's cut (max_events, max_bytes, trace_cut), or null. */
  truncated: string | null;
  /**
   * The converter step's wall time in the runner (its sandbox's start included): the least of
   * convertRuns, the figure least disturbed by the other work on a shared machine; null without one.
   */
  convertMs: number | null;
  /** Every run's converter step, in ms, in order (one unless the example was run again). */
  convertRuns: number[];
  /** The program's (or test binary's) own run step, for scale. */
  runMs: number;
}

/** The budgets an example misses, as words for the table ('' when none). */
export function misses(f: ExampleFigure): string {
  const out: string[] = [];
  if (f.jsonBytes > BUDGET.jsonBytes) out.push('> 200 KB');
  if (f.convertMs !== null && f.convertMs > BUDGET.convertMs) out.push('> 50 ms');
  return out.join(', ');
}

/**
 * An example run again (because its first conversion looked over budget): the first run's facts,
 * every run's conversion time, and the least of them as its figure.
 */
export function merged(first: ExampleFigure, again: readonly ExampleFigure[]): ExampleFigure {
  const convertRuns = [first, ...again].flatMap((f) => f.convertRuns);
  return { ...first, convertRuns, convertMs: convertRuns.length > 0 ? Math.min(...convertRuns) : null };
}

const kb = (bytes: number): string => (bytes / 1000).toFixed(1);
const ms = (x: number | null): string => (x === null ? '—' : x.toFixed(0));

function row(f: ExampleFigure): string {
  const id = f.places > 1 ? `${f.id} (×${f.places})` : f.id;
  const trace =
    f.trace === 'timeline' ? (f.truncated ? `cut: ${f.truncated}` : 'timeline') : `none: ${f.trace}`;
  return `| ${id} | ${f.action} | ${f.status} | ${trace} | ${kb(f.jsonBytes)} | ${f.events ?? '—'} | ${ms(f.convertMs)}${f.convertRuns.length > 1 ? ` (${f.convertRuns.map((x) => ms(x)).join(', ')})` : ''} | ${ms(f.runMs)} | ${misses(f) || '✓'} |`;
}

const HEAD = [
  '| example | action | verdict | trace | JSON KB | events | convert ms | run ms | budget |',
  '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
];

/** The summary lines: how many, percentiles of size and time, who misses, the worst five of each. */
export function summaryLines(figures: readonly ExampleFigure[]): string[] {
  const converted = figures.filter((f) => f.convertMs !== null);
  const timelines = figures.filter((f) => f.trace === 'timeline');
  const bytes = timelines.map((f) => f.jsonBytes);
  const times = converted.map((f) => f.convertMs!);
  const missing = figures.filter((f) => f.trace !== 'timeline');
  const over = figures.filter((f) => misses(f) !== '');
  const worst = (key: (f: ExampleFigure) => number) =>
    [...figures].sort((a, b) => key(b) - key(a) || a.id.localeCompare(b.id)).slice(0, 5);
  return [
    `${figures.length} distinct examples traced (${figures.reduce((s, f) => s + f.places, 0)} places in the course); ` +
      `${timelines.length} gave a timeline, ${missing.length} none (${[...new Set(missing.map((f) => f.trace))].join(', ') || '—'}).`,
    `Timeline JSON: p50 ${kb(percentile(bytes, 50))} KB, p95 ${kb(percentile(bytes, 95))} KB, max ${kb(Math.max(0, ...bytes))} KB. ` +
      `Conversion step (${converted.length} runs): p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, max ${ms(Math.max(0, ...times))} ms.`,
    over.length === 0
      ? `Every example within the budgets (≤ 200 KB, ≤ 50 ms).`
      : `Over the budgets: ${over.map((f) => `${f.id} (${misses(f)})`).join('; ')}.`,
    '',
    'Largest five timelines:',
    '',
    ...HEAD,
    ...worst((f) => f.jsonBytes).map(row),
    '',
    'Slowest five conversions:',
    '',
    ...HEAD,
    ...worst((f) => f.convertMs ?? -1).map(row),
  ];
}

/** Every example's row, in the order they were run. */
export function tableLines(figures: readonly ExampleFigure[]): string[] {
  return [...HEAD, ...figures.map(row)];
}
