/**
 * The arithmetic of `npm run bench:classroom`: percentiles of the acknowledgement latencies, the
 * grading throughput from the grades' own timestamps, and what those figures predict for more
 * machines. Pure, so it is unit-tested without a cluster.
 */

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Throughput {
  /** From the first Submit sent to the last grade written, in seconds. */
  allGradedS: number;
  /** Grades per second while grading ran (first grade written to last), all workers together. */
  gradesPerS: number;
  /** The same per grading worker process. */
  gradesPerSPerWorker: number;
}

/**
 * Throughput of one run: `startMs` is when the burst began, `gradedAtMs` when each grade was
 * written, `workers` the grading worker processes. The rate counts the grades after the first
 * one over the time from the first to the last, so it does not depend on when the burst began.
 */
export function throughput(startMs: number, gradedAtMs: readonly number[], workers: number): Throughput {
  if (gradedAtMs.length === 0) return { allGradedS: NaN, gradesPerS: NaN, gradesPerSPerWorker: NaN };
  const first = Math.min(...gradedAtMs);
  const last = Math.max(...gradedAtMs);
  const span = (last - first) / 1000;
  const gradesPerS = gradedAtMs.length > 1 && span > 0 ? (gradedAtMs.length - 1) / span : NaN;
  return { allGradedS: (last - startMs) / 1000, gradesPerS, gradesPerSPerWorker: gradesPerS / workers };
}

/**
 * Seconds to grade `submissions` on `machines` machines that each grade `gradesPerSPerMachine`:
 * workers on different machines take disjoint jobs (SKIP LOCKED) and share nothing but the
 * database, so the rate adds up until the database or the load balancer is the limit.
 */
export function predictedGradingS(
  submissions: number,
  machines: number,
  gradesPerSPerMachine: number,
): number {
  return submissions / (machines * gradesPerSPerMachine);
}
