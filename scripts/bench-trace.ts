/**
 * bench:runner's tracing rows: each request with trace: true, alternating with the same request
 * untraced on fresh sources (so both build and both see the same machine), and the size of the
 * timeline each traced answer carries. Also the percentile both tables use.
 */
import type { RunRequest, RunResult } from '../contract/run.ts';

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

/** What the rows need from the benchmark: its requests, its pause and its iteration count. */
export interface BenchIo {
  post(body: RunRequest, client: string): Promise<{ status: number; result?: RunResult; ms: number }>;
  once(name: string, body: RunRequest, expect: string): Promise<number>;
  pause(): Promise<void>;
  iterations: number;
}

async function tracedPair(
  io: BenchIo,
  name: string,
  request: () => RunRequest,
): Promise<{ traced: number[]; plain: number[]; jsonBytes: number[] }> {
  const traced: number[] = [];
  const plain: number[] = [];
  const jsonBytes: number[] = [];
  for (let i = 0; i < io.iterations; i++) {
    const r = await io.post({ ...request(), trace: true }, 'bench');
    const trace = r.result?.trace;
    if (r.result?.status !== 'ok' || !trace || !('timeline' in trace))
      throw new Error(`${name}: expected ok with a timeline, got ${r.status} ${JSON.stringify(trace)}`);
    traced.push(r.ms);
    jsonBytes.push(JSON.stringify(trace.timeline).length);
    await io.pause();
    plain.push(await io.once(name, request(), 'ok'));
    await io.pause();
  }
  return { traced, plain, jsonBytes };
}

/** The tracing table's lines (title, header, one row per request), measured in order. */
export async function tracingRows(
  io: BenchIo,
  requests: readonly (readonly [string, () => RunRequest])[],
): Promise<string[]> {
  const rows: string[] = [];
  for (const [name, request] of requests) {
    const r = await tracedPair(io, name, request);
    const [traced, plain] = [percentile(r.traced, 50), percentile(r.plain, 50)];
    rows.push(
      `| ${name} | ${traced.toFixed(0)} | ${percentile(r.traced, 95).toFixed(0)} | ${plain.toFixed(0)} | ${(traced / plain).toFixed(2)} | ${percentile(r.jsonBytes, 50)} |`,
    );
  }
  return [
    'Tracing (each request with trace: true, alternating with the same request untraced; the JSON is the timeline in the answer):',
    '',
    '| request | traced p50 ms | traced p95 ms | untraced p50 ms | ratio (p50) | timeline JSON bytes (p50) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
}
