/**
 * A classroom at the deadline (a script, not a test): 200 students behind one address join a lab
 * through HAProxy, then all submit within one second — a third the reference solution of
 * lost-update-counter, a third its racy starter, a third the failing starter of
 * syncmap-cas-counter, each with the student's own comment line so every submission is built
 * (students' code differs; identical code would skip the build through the binary cache).
 * The same class runs against each setup of the cluster launcher (scripts/cluster/launch.ts:
 * PostgreSQL, the replicas, Debian's HAProxy with deploy/haproxy.cfg, loopback only):
 *   1     one replica (one grading worker with a slot per core)
 *   2     two replicas (two grading workers, a slot per core each)
 *   2x1   two replicas with one slot each (the work split across two worker processes, no more
 *         slots than one replica has)
 * Reported per setup: acknowledgement latency p50/p95/max (target: p95 ≤ 1 s, no refusals), the
 * time until every submission is graded, grades per second (all, and per worker process), every
 * grade checked against what was sent, and peak memory (each replica's /api/health rssMiB, and
 * HAProxy's RSS). Then the machine, and what the figures predict for N machines.
 * Usage: npm run bench:classroom [-- --students 200 --setups 1,2,2x1 --data-dir .data/cluster]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import pg from 'pg';
import { exerciseCatalog, loadExercises } from '../contract/exercise/load.ts';
import { editableStarter, solutionFiles } from '../playground/src/grading/submission.ts';
import type { Health } from '../contract/health.ts';
import { haproxyPath } from './haproxy.ts';
import { startCluster, type Cluster } from './cluster/launch.ts';
import { createLab, http, joinStudents, submitUntilAnswered } from './cluster/lab-api.ts';
import { percentile, predictedGradingS, throughput } from './cluster/bench-stats.ts';
import { checkGrades, untilGraded } from './cluster/lab-grades.ts';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const STUDENTS = Number(arg('students', '200'));
const DATA_DIR = arg('data-dir', '.data/cluster');

interface Setup {
  id: string;
  label: string;
  replicas: number;
  /** LOCKSTEP_CONCURRENCY of each replica; undefined: the default, one slot per core. */
  slots?: number;
}
const SETUPS: Setup[] = [
  { id: '1', label: '1 replica', replicas: 1 },
  { id: '2', label: '2 replicas', replicas: 2 },
  { id: '2x1', label: '2 replicas, 1 grading slot each', replicas: 2, slots: 1 },
];
const chosen = arg('setups', SETUPS.map((s) => s.id).join(',')).split(',');
const setups = SETUPS.filter((s) => chosen.includes(s.id));
if (!Number.isInteger(STUDENTS) || STUDENTS < 3 || setups.length === 0) {
  console.error(
    'Usage: npm run bench:classroom [-- --students 200 --setups 1,2,2x1 --data-dir .data/cluster]',
  );
  process.exit(2);
}

/** Marks this run's sources. */
const RUN = `run-${Date.now().toString(36)}`;
const catalog = exerciseCatalog(loadExercises());
const COUNTER = catalog.get('lost-update-counter')!;
const TALLY = catalog.get('syncmap-cas-counter')!;

/** What student i hands in, and the grade it must get. */
interface Work {
  exerciseId: string;
  files: Record<string, string>;
  expect: string;
}
function workOf(i: number, setup: string): Work {
  const kind = i % 3;
  const [exercise, files, expect] =
    kind === 0
      ? [COUNTER, solutionFiles(COUNTER), 'pass ok']
      : kind === 1
        ? [COUNTER, editableStarter(COUNTER), 'fail race']
        : [TALLY, editableStarter(TALLY), 'fail test_failed'];
  // The student's own line makes the source, and so the build, theirs; the run's own mark keeps
  // an earlier run's binaries (the cache outlives the servers in the data dir) from answering.
  const first = Object.keys(files).find((n) => n.endsWith('.go'))!;
  const own = { ...files, [first]: `${files[first]}\n// ${RUN} ${setup} s-${String(i).padStart(3, '0')}\n` };
  return { exerciseId: exercise.id, files: own, expect };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssOf = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

interface Row {
  setup: Setup;
  workers: number;
  slots: number;
  ackP50: number;
  ackP95: number;
  ackMax: number;
  refused: number;
  resent: number;
  allGradedS: number;
  gradesPerS: number;
  gradesPerSPerWorker: number;
  wrong: string[];
  peakRss: number[];
  haproxyRss: number;
  go: string;
}

let current: Cluster | null = null;
process.once('SIGINT', () => {
  void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
});

async function runSetup(setup: Setup): Promise<Row> {
  console.log(`\n${setup.label}: starting PostgreSQL, ${setup.replicas} replica(s) and HAProxy…`);
  const cluster = await startCluster({
    replicas: setup.replicas,
    dataDir: DATA_DIR,
    env: (): Record<string, string> => (setup.slots ? { LOCKSTEP_CONCURRENCY: String(setup.slots) } : {}),
  });
  current = cluster;
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  const memory = sampleMemory(cluster);
  try {
    let slots = 0;
    for (const r of cluster.replicas) {
      const h = (await http(r.base, 'GET', '/api/health')).body as unknown as Health;
      slots += h.queue.concurrency;
    }
    const { lab } = await createLab(cluster.base, {
      title: 'Classroom benchmark',
      exercises: [COUNTER.id, TALLY.id],
    });
    const tokens = (await joinStudents(cluster.base, lab.id, STUDENTS)).map((j) => j.token);
    console.log(`${STUDENTS} students joined; all submit within one second…`);
    const work = tokens.map((_, i) => workOf(i, setup.id));
    const startMs = Date.now();
    const answers = await submitClass(cluster, lab.id, tokens, work, setup);
    const acked = answers.filter((a) => a.res.status === 202);
    console.log(`${acked.length} of ${STUDENTS} acknowledged; grading…`);
    await untilGraded(db, lab.id);
    const { wrong, graded } = await checkGrades(db, lab.id, work, acked.length);
    const latencies = answers.map((a) => a.ms);
    const peaks = await memory.stop();
    return {
      setup,
      workers: setup.replicas,
      slots,
      ackP50: percentile(latencies, 50),
      ackP95: percentile(latencies, 95),
      ackMax: Math.max(...latencies),
      refused: answers.length - acked.length,
      resent: answers.filter((a) => a.retried.length > 0).length,
      ...throughput(startMs, graded, setup.replicas),
      wrong,
      ...peaks,
    };
  } finally {
    await memory.stop();
    await db.end();
    await cluster.stop();
    current = null;
  }
}

/**
 * Memory at the peak: every replica's own health (not through HAProxy) and HAProxy's RSS twice a
 * second, until stop(), which resolves with the peaks and the Go version the replicas reported.
 */
function sampleMemory(cluster: Cluster): {
  stop(): Promise<{ peakRss: number[]; haproxyRss: number; go: string }>;
} {
  const peakRss = cluster.replicas.map(() => 0);
  let haproxyRss = 0;
  let go = '';
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await Promise.all(
        cluster.replicas.map(async (r, i) => {
          try {
            const h = (await http(r.base, 'GET', '/api/health')).body as unknown as Health;
            peakRss[i] = Math.max(peakRss[i]!, h.server.rssMiB);
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
      return { peakRss, haproxyRss, go };
    },
  };
}

/** Every student submits once, spread evenly over one second; each answer with how long it took. */
function submitClass(cluster: Cluster, labId: string, tokens: string[], work: Work[], setup: Setup) {
  return Promise.all(
    tokens.map(async (token, i) => {
      await pause((i * 1000) / STUDENTS); // spread evenly over the second
      const sent = performance.now();
      const d = await submitUntilAnswered(cluster.base, labId, token, work[i]!.files, {
        exerciseId: work[i]!.exerciseId,
        idempotencyKey: `bench-${setup.id}-${i}`,
      });
      return { ...d, ms: performance.now() - sent };
    }),
  );
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const version = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(
        '\n',
      )[0];
    } catch {
      return '?';
    }
  };
  const haproxy = haproxyPath();
  return [
    `${availableParallelism()} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}`,
    `Node ${process.version}, ${haproxy ? version(haproxy, ['-v']) : 'no HAProxy'}`,
  ].join('; ');
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const setup of setups) rows.push(await runSetup(setup));
  const go = rows[0]?.go ?? '?';
  console.log(`\nMachine: ${machine()}; ${go}. ${STUDENTS} students, one address, all through HAProxy.\n`);
  console.log(
    '| setup | grading workers × slots | ack p50 ms | ack p95 ms | ack max ms | refused | sent again | all graded after s | grades/s | grades/s per worker | peak RSS per replica MiB | HAProxy RSS MiB |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.setup.label} | ${r.workers} × ${r.slots / r.workers} | ${fmt(r.ackP50)} | ${fmt(r.ackP95)} | ${fmt(r.ackMax)} | ${r.refused} | ${r.resent} | ${fmt(r.allGradedS, 1)} | ${fmt(r.gradesPerS, 2)} | ${fmt(r.gradesPerSPerWorker, 2)} | ${r.peakRss.map((m) => fmt(m)).join(', ')} | ${fmt(r.haproxyRss)} |`,
    );
  for (const r of rows)
    if (r.wrong.length > 0)
      console.log(
        `\n${r.setup.label}: ${r.wrong.length} grades not as expected, e.g. ${r.wrong.slice(0, 5).join('; ')}`,
      );
  const one = rows.find((r) => r.setup.id === '1');
  if (one && Number.isFinite(one.gradesPerS)) {
    // One machine like this one grades one.gradesPerS; machines add their rates (see bench-stats.ts).
    const line = [1, 2, 4, 8]
      .map((n) => `${n}: ${fmt(predictedGradingS(STUDENTS, n, one.gradesPerS))} s`)
      .join(', ');
    console.log(
      `\nPredicted time to grade ${STUDENTS} submissions with N such machines (one replica each): ${line}`,
    );
  }
  const failed = rows.some((r) => r.refused > 0 || r.wrong.length > 0);
  process.exitCode = failed ? 1 : 0;
}

main().catch(async (error: unknown) => {
  console.error(error);
  await current?.stop().catch(() => undefined);
  process.exit(1);
});
