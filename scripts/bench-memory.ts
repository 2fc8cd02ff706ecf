/**
 * Peak memory of a running cluster, for the classroom benchmark (bench-classroom.ts): every
 * replica's rssMiB from its own /api/health (not through HAProxy) and HAProxy's RSS from /proc,
 * sampled twice a second until stopped.
 */
import { readFileSync } from 'node:fs';
import type { Health } from '../contract/health.ts';
import type { Cluster } from './cluster/launch.ts';
import { http } from './cluster/lab-api.ts';

export interface MemoryPeaks {
  /** MiB, per replica in the cluster's order. */
  peakRss: number[];
  /** MiB. */
  haproxyRss: number;
  /** The replicas' Go version, as their health states it. */
  go: string;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A process's resident memory in MiB, from /proc; 0 once it is gone. */
const rssOf = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

/** Starts sampling; stop() ends it and returns the peaks. */
export function sampleMemory(cluster: Pick<Cluster, 'replicas' | 'haproxyPid'>): {
  stop(): Promise<MemoryPeaks>;
} {
  const peak = cluster.replicas.map(() => 0);
  let haproxyRss = 0;
  let go = '';
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await Promise.all(
        cluster.replicas.map(async (r, i) => {
          try {
            const h = (await http(r.base, 'GET', '/api/health')).body as unknown as Health;
            peak[i] = Math.max(peak[i]!, h.server.rssMiB);
            go = h.go.version;
          } catch {
            // busy answering the class; the next sample counts
          }
        }),
      );
      haproxyRss = Math.max(haproxyRss, rssOf(cluster.haproxyPid));
      await pause(500);
    }
  })();
  return {
    async stop() {
      sampling = false;
      await sampler;
      return { peakRss: peak, haproxyRss, go };
    },
  };
}
